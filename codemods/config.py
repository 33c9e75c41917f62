"""``[tool.fastapi-unblock]`` in ``pyproject.toml``: read, validate, merge with flags.

Precedence is flag > the project's table > default. Unknown keys and
ill-typed values are errors that name the file and the key (with a
did-you-mean), never silently ignored: a typo in ``ignore`` must not turn a
CI check off. User blocking APIs become catalogue entries of the same type as
the built-in ones.

    [tool.fastapi-unblock]
    select = ["UNB1"]
    ignore = ["UNB120"]
    all-async = false
    unsafe-fixes = false
    prefer = "def"                 # or "async": swap to the async twin first; "background": BackgroundTasks
    http-library = "httpx"         # or "httpx2": what requests calls are swapped to
    exclude = ["migrations/", "*_pb2.py"]
    deps = true                    # false: do not look for the project's environment
    python = ".venv/bin/python"    # the project's interpreter or environment, relative to this file
    extend-blocking-calls = { "acme.sdk.fetch" = "http", "acme.db.Client.*" = "database" }
"""

from __future__ import annotations

import difflib
import functools
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from .models import Settings
from .rules import RULES, RULES_BY_CATEGORY

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TABLE = "fastapi-unblock"
#: ruff's and black's line length, for a project that sets none.
DEFAULT_LINE_LENGTH = 88


class ConfigError(Exception):
    """A broken configuration; the message names the file and the key."""


def _strings(value: Any, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return frozenset(v.strip().upper() for v in value)


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true or false")
    return value


def _codes(value: Any, where: str) -> frozenset[str]:
    codes = _strings(value, where)
    known = [rule.code for rule in RULES]
    for code in codes:
        if not any(k.startswith(code) for k in known):
            hint = difflib.get_close_matches(code, known, n=1)
            raise ConfigError(f"{where}: unknown rule code {code!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
    return codes


def _blocking_calls(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of qualified name = category")
    entries = []
    for name, category in value.items():
        if not isinstance(category, str) or category not in RULES_BY_CATEGORY:
            choices = ", ".join(sorted(RULES_BY_CATEGORY))
            raise ConfigError(f"{where}.{name!r}: category must be one of {choices}")
        if not name or name.startswith(".") or " " in name:
            raise ConfigError(f"{where}: {name!r} is not a dotted qualified name")
        entries.append((name, category))
    return tuple(sorted(entries))


def _globs(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: expected a list of glob patterns")
    return tuple(value)


def _path(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: expected a path (a string)")
    return value


def _choice(*choices: str):  # type: ignore[no-untyped-def]
    def parse(value: Any, where: str) -> str:
        if value not in choices:
            raise ConfigError(f"{where}: expected one of {', '.join(repr(c) for c in choices)}")
        return str(value)

    return parse


_KEYS = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "all-async": ("all_async", _bool),
    "unsafe-fixes": ("unsafe_fixes", _bool),
    "extend-blocking-calls": ("extra_blocking", _blocking_calls),
    "exclude": ("exclude", _globs),
    "prefer": ("prefer", _choice("def", "async", "background")),
    "http-library": ("http_library", _choice("httpx", "httpx2")),
    "deps": ("deps", _bool),
    "python": ("python", _path),
}


def read_table(pyproject: Path) -> dict[str, Any]:
    """The raw ``[tool.fastapi-unblock]`` table ({} when absent).

    A ``pyproject.toml`` that does not parse stops the run only when it names the
    table: a template's ``{{cookiecutter.name}}/pyproject.toml`` holds no settings of
    ours, and refusing the whole repository for it helps nobody.
    """
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{pyproject}: cannot read: {error}") from error
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        if TABLE not in text:
            return {}
        raise ConfigError(f"{pyproject}: invalid TOML: {error}") from error
    table = data.get("tool", {}).get(TABLE, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.{TABLE}] must be a table")
    return table


def settings_from_table(table: dict[str, Any], source: str, base: Settings | None = None) -> Settings:
    changes: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            hint = difflib.get_close_matches(key, list(_KEYS), n=1)
            suffix = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise ConfigError(f"{source}: unknown key {key!r} in [tool.{TABLE}]{suffix}")
        field, parse = _KEYS[key]
        changes[field] = parse(value, f"{source}: [tool.{TABLE}] {key}")
    return replace(base or Settings(), **changes)


def load_settings(project_root: Path, overrides: dict[str, Any], base: Settings | None = None) -> Settings:
    """Settings for one project: its table, then the command line's explicit flags."""
    pyproject = project_root / "pyproject.toml"
    settings = base or Settings()
    if pyproject.is_file():
        settings = settings_from_table(read_table(pyproject), str(pyproject), settings)
    if "select" in overrides and "ignore" not in overrides:
        # ruff's order: the command line comes last, so what it selects is not ignored by config.
        chosen = overrides["select"]
        kept = frozenset(
            code for code in settings.ignore if not any(code.startswith(c) or c.startswith(code) for c in chosen)
        )
        settings = replace(settings, ignore=kept)
    return replace(settings, **overrides)


def formatter_line_length(root: Path) -> int:
    """The line length the project's formatter or linter keeps to: ruff's ``line-length``
    (``ruff.toml``, ``.ruff.toml`` or ``[tool.ruff]``), else black's, else flake8's
    ``max-line-length`` (``setup.cfg``, ``tox.ini``, ``.flake8``); 88 without one. Like ruff,
    the nearest folder (from the project up to its repository's root) that configures one
    wins: a workspace member uses the repository's settings. Rewritten lines keep to it."""
    toml = functools.cache(_read_toml)  # each file parsed once, however many tables are asked
    for folder in _config_folders(root):
        for name, table in (("ruff.toml", ()), (".ruff.toml", ()), ("pyproject.toml", ("tool", "ruff")),
                            ("pyproject.toml", ("tool", "black"))):
            found = _dig(toml(folder / name), table, "line-length")
            if isinstance(found, int) and not isinstance(found, bool) and found > 0:
                return found
        for name in ("setup.cfg", "tox.ini", ".flake8"):
            value = _ini_value(folder / name, "flake8", "max-line-length")
            if value is not None and value.strip().isdigit():
                return int(value.strip())
    return DEFAULT_LINE_LENGTH


def first_party_packages(root: Path) -> frozenset[str]:
    """The top-level modules and packages ruff's import sorting counts as first-party: those in
    its ``src`` folders (by default the folder of the configuration it reads and its ``src/``:
    for a workspace member without one, the repository's), and ``known-first-party``."""
    names: set[str] = set()
    for folder in _source_folders(_sorter_root(root)):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        names |= {e.stem if e.suffix == ".py" else e.name for e in entries
                  if (e.suffix == ".py" or e.is_dir()) and e.stem.isidentifier()}
    return frozenset(names) | known_first_party(root)


def own_package(path: Path) -> frozenset[str]:
    """The top-level package a file belongs to (the highest folder above it, in an unbroken run
    of ``__init__.py`` files): ruff's ``detect-same-package`` counts it as first-party in that
    file, wherever its ``src`` is."""
    top = None
    folder = path.parent
    while (folder / "__init__.py").is_file() and folder.name.isidentifier():
        top = folder
        folder = folder.parent
    return frozenset({top.name}) if top is not None else frozenset()


def _sorter_root(root: Path) -> Path:
    """The folder of the configuration the import sorter reads: the nearest that has one (ruff
    stops at the first ``ruff.toml`` or ``pyproject.toml`` with a ``[tool.ruff]`` table); the
    project's own folder when none does."""
    toml = functools.cache(_read_toml)
    for folder in _config_folders(root):
        if (folder / "ruff.toml").is_file() or (folder / ".ruff.toml").is_file() \
                or _dig(toml(folder / "pyproject.toml"), ("tool",), "ruff") is not None \
                or _dig(toml(folder / "pyproject.toml"), ("tool",), "isort") is not None \
                or (folder / ".isort.cfg").is_file():
            return folder
    return root


def _source_folders(config_root: Path) -> list[Path]:
    """ruff's ``src`` (relative to its configuration's folder; globs allowed), else that folder
    and its ``src/``."""
    toml = functools.cache(_read_toml)
    configured = None
    for name, table in (("ruff.toml", ()), (".ruff.toml", ()), ("pyproject.toml", ("tool", "ruff"))):
        configured = configured if configured is not None else _dig(toml(config_root / name), table, "src")
    if not isinstance(configured, list) or not all(isinstance(item, str) for item in configured):
        return [config_root, config_root / "src"]
    folders: list[Path] = []
    for item in configured:
        folders += sorted(config_root.glob(item)) if any(c in item for c in "*?[") else [config_root / item]
    return folders


def known_first_party(root: Path) -> frozenset[str]:
    """Packages the project's import sorter counts as first-party: ruff's
    ``known-first-party`` (``[tool.ruff.lint.isort]``, ``[tool.ruff.isort]``, ``ruff.toml``'s
    ``lint.isort``) or isort's ``known_first_party`` (``[tool.isort]``, ``.isort.cfg``,
    ``setup.cfg``), from the nearest folder that sets one."""
    found = _isort_option(root, "known-first-party")
    if isinstance(found, list):
        return frozenset(str(item) for item in found)
    if isinstance(found, str):
        return frozenset(part.strip() for part in found.replace("\n", ",").split(",") if part.strip())
    return frozenset()


def force_single_line(root: Path) -> bool:
    """Whether the project's import sorter puts each imported name on a line of its own:
    ruff's ``force-single-line``, isort's ``force_single_line`` or its ``google`` profile."""
    return _isort_flag(root, "force-single-line")


def force_sort_within_sections(root: Path) -> bool:
    """Whether the project's import sorter orders ``import x`` and ``from x import y`` lines
    together by module: ruff's ``force-sort-within-sections``, isort's
    ``force_sort_within_sections`` or its ``google`` profile."""
    return _isort_flag(root, "force-sort-within-sections")


def _isort_flag(root: Path, option: str) -> bool:
    """A yes/no import-sorting setting; unset, isort's ``google`` profile turns it on (it sets
    both ``force_single_line`` and ``force_sort_within_sections``)."""
    found = _isort_option(root, option)
    if found is None:
        return str(_isort_option(root, "profile")).strip().strip("\"'") == "google"
    return found is True or isinstance(found, str) and found.strip().lower() in {"true", "1", "yes"}


def _isort_option(root: Path, option: str) -> Any:
    """An import-sorting setting as the nearest folder sets it: ruff's spelling (``lint.isort`` in
    ``ruff.toml``, ``[tool.ruff.lint.isort]``, ``[tool.ruff.isort]``) or isort's (``[tool.isort]``,
    ``.isort.cfg``, ``setup.cfg``, ``tox.ini``; ``known_first_party``). ``None`` when none does."""
    snake = option.replace("-", "_")
    tables = (("ruff.toml", ("lint", "isort"), option), ("ruff.toml", ("isort",), option),
              (".ruff.toml", ("lint", "isort"), option),
              ("pyproject.toml", ("tool", "ruff", "lint", "isort"), option),
              ("pyproject.toml", ("tool", "ruff", "isort"), option),
              ("pyproject.toml", ("tool", "isort"), snake))
    toml = functools.cache(_read_toml)
    for folder in _config_folders(root):
        for name, table, key in tables:
            found = _dig(toml(folder / name), table, key)
            if found is not None:
                return found
        for name, section in ((".isort.cfg", "settings"), ("setup.cfg", "isort"), ("tox.ini", "isort")):
            value = _ini_value(folder / name, section, snake)
            if value is not None:
                return value
    return None


def _config_folders(root: Path) -> list[Path]:
    """``root`` and the folders above it, up to the repository's root (or the file system's)."""
    folders = []
    for folder in (root, *root.parents):
        folders.append(folder)
        if (folder / ".git").exists():
            break
    return folders


def _read_toml(path: Path) -> Any:
    if not path.is_file():
        return None
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


def _dig(data: Any, table: tuple[str, ...], key: str) -> Any:
    for part in table:
        data = data.get(part) if isinstance(data, dict) else None
    return data.get(key) if isinstance(data, dict) else None


def _ini_value(path: Path, section: str, key: str) -> str | None:
    import configparser

    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
        return parser.get(section, key, fallback=None)
    except (configparser.Error, UnicodeDecodeError):
        return None
