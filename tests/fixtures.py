"""Fixture cases under ``testdata/``: discovery and the expectation grammar.

A case is a folder ``testdata/<group>/<case>/`` holding ``input.py``, an
optional ``expected.py`` (absent: the file must stay unchanged) and an
optional ``settings.toml`` (keys of :class:`codemods.models.Settings`).
Expectations are comments in ``input.py``:

- ``# expect: UNB110`` (or ``UNB110, UNB120``) on each line with a blocking call
  that must be reported;
- ``# expect-fix: convert-to-def`` on the ``def`` line of each flagged function,
  naming the strategy the planner must choose (``none`` when no fix applies).

Lines without comments must produce nothing.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from codemods.models import Settings

TESTDATA = Path(__file__).resolve().parent.parent / "testdata"
_EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>[A-Z0-9]+(?:\s*,\s*[A-Z0-9]+)*)")
_EXPECT_FIX = re.compile(r"#\s*expect-fix:\s*(?P<strategy>[a-z-]+)")


@dataclass(frozen=True)
class Case:
    folder: Path

    @property
    def id(self) -> str:
        return self.folder.relative_to(TESTDATA).as_posix()

    @property
    def input_path(self) -> Path:
        return self.folder / "input.py"

    @property
    def expected_path(self) -> Path:
        return self.folder / "expected.py"

    def read_input(self) -> str:
        return self.input_path.read_bytes().decode("utf-8")

    def expected_text(self) -> str:
        source = self.expected_path if self.expected_path.exists() else self.input_path
        return source.read_bytes().decode("utf-8")

    def settings(self) -> Settings:
        path = self.folder / "settings.toml"
        if not path.exists():
            return Settings()
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        for key in ("select", "ignore"):
            if key in raw:
                raw[key] = frozenset(raw[key])
        return Settings(**raw)


def discover_cases() -> list[Case]:
    return [Case(p.parent) for p in sorted(TESTDATA.glob("*/*/input.py"))]


@dataclass(frozen=True)
class TreeCase:
    """A multi-module case: ``input/`` is a project tree; ``expected/`` holds the
    files that change (a file absent there must stay unchanged)."""

    folder: Path

    @property
    def id(self) -> str:
        return self.folder.relative_to(TESTDATA).as_posix()

    @property
    def input_root(self) -> Path:
        return self.folder / "input"

    @property
    def expected_root(self) -> Path:
        return self.folder / "expected"

    def files(self) -> dict[str, str]:
        return {
            p.relative_to(self.input_root).as_posix(): p.read_bytes().decode("utf-8")
            for p in sorted(self.input_root.rglob("*.py"))
        }

    def expected(self, relative: str) -> str:
        path = self.expected_root / relative
        source = path if path.exists() else self.input_root / relative
        return source.read_bytes().decode("utf-8")

    def settings(self) -> Settings:
        return Case(self.folder).settings()


def discover_tree_cases() -> list[TreeCase]:
    return [TreeCase(p.parent) for p in sorted(TESTDATA.glob("*/*/input")) if p.is_dir()]


def expectations(text: str) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    """(line, code) pairs for calls and (line, strategy) pairs for fixes."""
    calls: set[tuple[int, str]] = set()
    fixes: set[tuple[int, str]] = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type != tokenize.COMMENT:
            continue
        line = token.start[0]
        if match := _EXPECT.search(token.string):
            calls |= {(line, code.strip()) for code in match.group("codes").split(",")}
        if match := _EXPECT_FIX.search(token.string):
            fixes.add((line, match.group("strategy")))
    return calls, fixes
