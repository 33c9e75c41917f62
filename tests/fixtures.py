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

import functools
import io
import os
import re
import shutil
import subprocess
import tokenize
from dataclasses import dataclass
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from codemods.models import Settings
from codemods.newer_syntax import check_compiles, lower

TESTDATA = Path(__file__).resolve().parent.parent / "testdata"
_EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>[A-Z0-9]+(?:\s*,\s*[A-Z0-9]+)*)")
_EXPECT_FIX = re.compile(r"#\s*expect-fix:\s*(?P<strategy>[a-z-]+)")
_SYNTAX = re.compile(r"#\s*syntax:\s*3\.(\d+)")


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


def _tokens(text: str) -> list[tokenize.TokenInfo]:
    """The tokens of ``text``; for syntax newer than the running Python (whose tokenizer
    stops at a 3.12 f-string spread over lines), those of its lowered text, whose
    comments stay where they were."""
    try:
        return list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        lowered = lower(text)
        if lowered is None:
            raise
        return list(tokenize.generate_tokens(io.StringIO(lowered.text).readline))


@functools.cache
def newer_python(minimum: tuple[int, int] = (3, 12)) -> str | None:
    """A Python at least ``minimum`` to check the newer-syntax cases with: ``$NEWER_PYTHON``,
    or the first of ``python3.16``... ``python3.12`` on the PATH that runs (pyenv shims may not)."""
    candidates = [os.environ.get("NEWER_PYTHON", "")] + [f"python3.{minor}" for minor in range(16, 11, -1)]
    for candidate in candidates:
        found = shutil.which(candidate) if candidate else None
        if found is None:
            continue
        probe = subprocess.run([found, "-c", f"import sys; assert sys.version_info >= {minimum}"],
                               capture_output=True, check=False)
        if probe.returncode == 0:
            return found
    return None


def assert_compiles(source: str | bytes, name: str) -> None:
    """``compile()`` by the running Python; a file in syntax newer than it (the cases under
    ``testdata/newer-syntax``) must compile under a newer Python when one is found, and
    its lowered text (:mod:`codemods.newer_syntax`) must compile here. A ``# syntax: 3.14``
    comment says which Python the file needs (default 3.12)."""
    try:
        compile(source, name, "exec", dont_inherit=True)
        return
    except SyntaxError:
        text = source.decode("utf-8") if isinstance(source, bytes) else source
        check_compiles(text, name)
    wanted = _SYNTAX.search(text)
    newer = newer_python((3, int(wanted.group(1))) if wanted else (3, 12))
    if newer is not None:
        code = "import sys; compile(sys.stdin.read(), sys.argv[1], 'exec', dont_inherit=True)"
        proc = subprocess.run([newer, "-c", code, name], input=text.encode("utf-8"), capture_output=True,
                              check=False)
        assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")


def expectations(text: str) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    """(line, code) pairs for calls and (line, strategy) pairs for fixes."""
    calls: set[tuple[int, str]] = set()
    fixes: set[tuple[int, str]] = set()
    for token in _tokens(text):
        if token.type != tokenize.COMMENT:
            continue
        line = token.start[0]
        if match := _EXPECT.search(token.string):
            calls |= {(line, code.strip()) for code in match.group("codes").split(",")}
        if match := _EXPECT_FIX.search(token.string):
            fixes.add((line, match.group("strategy")))
    return calls, fixes
