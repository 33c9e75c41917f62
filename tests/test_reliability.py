"""Reliability: never lose a byte, never run user code, never write outside the root.

Most tests drive the real command (``python -m codemods``) in a subprocess, with
the current folder a temporary folder and the cache in it
(``FASTAPI_UNBLOCK_CACHE_DIR``). For every bad input they check four things:

* a clear one-line message naming the file on stderr (no traceback);
* exit status 2;
* the rest of the batch still processed and fixed (a good fixable file sits
  next to the bad one);
* the bad file left byte for byte (and timestamp for timestamp) untouched.

Races (a file deleted or edited between analysis and write) and a full disk are
simulated in-process through :func:`codemods.runner.run`; a real full disk
uses a tiny tmpfs when this process may mount one (root), and is skipped
otherwise. What the analysis opens, imports and executes is watched in-process
with an audit hook (:func:`sys.addaudithook`).

Known gaps are kept as ``xfail(strict=True)`` tests whose reason says what is
wrong: they start failing (XPASS) the day the tool is fixed, and then the
marker goes.

The ~12 MB file test is marked ``slow`` (``-m "not slow"`` skips it); the
whole module runs in well under a minute.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from codemods import runner
from codemods.report import exit_status
from codemods.runner import Outcome, RunOptions, run

ROOT = Path(__file__).resolve().parent.parent
OLD_MTIME_NS = 1_000_000_000_123_456_789
PYPROJECT = b'[project]\nname = "reliability"\n'

with warnings.catch_warnings():  # `slow` is not registered in pyproject.toml: no warning for it
    warnings.simplefilter("ignore", pytest.PytestUnknownMarkWarning)
    slow = pytest.mark.slow
symlinks = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes, owners and signals")


# -- inputs ---------------------------------------------------------------------------------


def handler(name: str = "ping", *, body: str = "    time.sleep(0.1)\n", extra: str = "") -> str:
    """A module with one FastAPI route whose only fix is ``async def NAME`` -> ``def NAME``."""
    return (
        "import time\n"
        "\n"
        "from fastapi import FastAPI\n"
        "\n"
        "app = FastAPI()\n"
        f"{extra}"
        "\n"
        "\n"
        f'@app.get("/{name}")\n'
        f"async def {name}():\n"
        f"{body}"
        f'    return {{"{name}": True}}\n'
    )


GOOD = handler("good").encode()


def converted(data: bytes, *names: str) -> bytes:
    """``data`` with ``async def NAME(`` -> ``def NAME(``, once per name."""
    for name in names:
        old = b"async def " + name.encode() + b"("
        assert data.count(old) == 1, name
        data = data.replace(old, b"def " + name.encode() + b"(")
    return data


GOOD_FIXED = converted(GOOD, "good")


# -- helpers --------------------------------------------------------------------------------


def environment(cwd: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "PYTHONIOENCODING")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env["FASTAPI_UNBLOCK_CACHE_DIR"] = str(cwd / "cache")
    env.update(extra or {})
    return env


def cli(*args: str | Path, cwd: Path, command: list[str] | None = None,
        env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*(command or [sys.executable, "-m", "codemods"]), *map(str, args)],
        cwd=cwd,
        env=env if env is not None else environment(cwd),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=300,
        check=False,
    )


def explain(proc: subprocess.CompletedProcess[bytes]) -> str:
    return (f"exit {proc.returncode}\n--- stdout ---\n{proc.stdout.decode('utf-8', 'replace')}"
            f"\n--- stderr ---\n{proc.stderr.decode('utf-8', 'replace')}")


def write_tree(root: Path, files: Mapping[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))


def state(path: Path) -> tuple[bytes, int, int]:
    info = path.stat()
    return path.read_bytes(), info.st_mtime_ns, info.st_mode


def snapshot(root: Path) -> dict[str, tuple[bytes, int, int] | str]:
    """Every entry under ``root``: files (bytes, mtime, mode), links (their target), folders."""
    found: dict[str, tuple[bytes, int, int] | str] = {}
    for folder, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames]:
            path = Path(folder, name)
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[key] = "-> " + os.readlink(path)
            elif path.is_dir():
                found[key] = "dir"
            else:
                found[key] = state(path)
    return found


def error_line(stderr: bytes, shown: str) -> str:
    """The summary's error entry for ``shown`` (``proj/bad.py error: ...``): exactly one line."""
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    lines = [line for line in text.splitlines() if line.startswith(f"{shown} error: ")]
    assert len(lines) == 1, f"no single error line for {shown}:\n{text}"
    return lines[0]


def leftovers(root: Path) -> list[str]:
    """Temporary files the tool may have left (its write temps, cache entry temps)."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.name.endswith(".unblock-tmp") or p.name.startswith(".entry-"))


# -- audit: what the tool opens, imports and runs -------------------------------------------

_RECORDERS: list[list[tuple[str, Any]]] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _RECORDERS:
        return
    if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
        value: Any = os.fsdecode(args[0])
    elif event == "exec" and args:
        value = getattr(args[0], "co_filename", repr(args[0]))
    elif event == "import" and args:
        value = (args[0], args[1])
    elif event in ("os.system", "os.exec", "os.posix_spawn", "os.spawn", "subprocess.Popen"):
        value = repr(args)[:200]
    else:
        return
    for recorder in _RECORDERS:
        recorder.append((event, value))


sys.addaudithook(_audit)  # audit hooks cannot be removed; _audit is idle outside `audited()`


@contextmanager
def audited() -> Iterator[list[tuple[str, Any]]]:
    events: list[tuple[str, Any]] = []
    _RECORDERS.append(events)
    try:
        yield events
    finally:
        _RECORDERS.remove(events)


def under(path: str, folder: Path) -> bool:
    """Whether ``path`` (as opened, links followed) lies in ``folder``; ``<string>`` and the like do not."""
    if path.startswith("<"):
        return False
    try:
        return Path(path).resolve().is_relative_to(folder.resolve()) or Path(path).is_relative_to(folder)
    except (OSError, RuntimeError):
        return False


def run_in_process(monkeypatch: pytest.MonkeyPatch, cwd: Path, *paths: Path, **options: Any) -> runner.RunReport:
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("FASTAPI_UNBLOCK_CACHE_DIR", str(cwd / "cache"))
    options.setdefault("jobs", 1)
    options.setdefault("use_cache", False)
    return run(RunOptions(paths=tuple(paths), **options))


def outcome_of(report: runner.RunReport, shown: str) -> Outcome:
    matches = [o for o in report.outcomes if o.result.path == shown]
    assert len(matches) == 1, [o.result.path for o in report.outcomes]
    return matches[0]


# == 1. bad inputs: reported, exit 2, the rest of the batch fixed, the bad file untouched ====

BAD_INPUTS = {
    # name: (bytes, words the message must hold)
    "syntax-error": (
        b"from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get('/')\nasync def broken(:\n    pass\n",
        ("syntax error", "line 7"),
    ),
    "python2": (
        (b"import time\n\nfrom fastapi import FastAPI\n\napp = FastAPI()\n"
         b'print "x"\n\n\n@app.get("/")\nasync def index():\n    time.sleep(1)\n'),
        ("syntax error", "line 6"),
    ),
    "nul-bytes": (
        handler("nul", extra="# a NUL \x00 byte in a comment\n").encode(),
        ("NUL",),
    ),
    "invalid-in-declared-encoding": (
        b"# -*- coding: utf-8 -*-\n# caf\xe9 (a latin-1 byte in a UTF-8 file)\n" + handler("enc").encode(),
        ("not valid utf-8",),
    ),
    "unknown-encoding-cookie": (
        b"# -*- coding: klingon -*-\n" + handler("cookie").encode(),
        ("encoding",),
    ),
    "bom-contradicts-cookie": (
        b"\xef\xbb\xbf# -*- coding: latin-1 -*-\n" + handler("bom").encode(),
        ("encoding",),
    ),
    "indentation-error": (
        handler("indent").replace("    return", "  return").encode(),
        ("syntax error",),
    ),
    "tabs-and-spaces-mixed": (
        handler("mixed", body="    time.sleep(0.1)\n\tx = 1\n").encode(),
        ("syntax error",),
    ),
    "null-in-declared-latin1": (
        b"# -*- coding: latin-1 -*-\n" + handler("latin").encode() + b"\x00\n",
        ("NUL",),
    ),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_a_bad_file_is_reported_left_intact_and_the_rest_is_fixed(tmp_path: Path, name: str) -> None:
    data, words = BAD_INPUTS[name]
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/bad.py": data, "proj/good.py": GOOD})
    before = state(tmp_path / "proj" / "bad.py")
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode == 2, explain(applied)
    line = error_line(applied.stderr, "proj/bad.py")
    assert all(word in line for word in words), line
    assert state(tmp_path / "proj" / "bad.py") == before
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED, explain(applied)
    assert leftovers(tmp_path) == []


#: Bad files that hold none of the bytes the first pass parses for (``fastapi``, ``async``...).
UNHINTED = {
    "nul-bytes": (b"x = 1\x00\n", "NUL"),
    "invalid-in-declared-encoding": (b"# -*- coding: utf-8 -*-\nname = 'caf\xe9'\n", "not valid utf-8"),
    "unknown-encoding-cookie": (b"# -*- coding: klingon -*-\nname = 1\n", "encoding"),
}
#: The same, that only a parse can find out.
UNHINTED_SYNTAX = {
    "python2-print-statement": b'print "x"\n',
    "syntax-error": b"def broken(:\n    pass\n",
}


def _run_with_bad(tmp_path: Path, data: bytes) -> subprocess.CompletedProcess[bytes]:
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/bad.py": data, "proj/good.py": GOOD})
    before = state(tmp_path / "proj" / "bad.py")
    applied = cli("--apply", "proj", cwd=tmp_path)
    # Whatever the outcome, the bad file is untouched and the good one fixed.
    assert state(tmp_path / "proj" / "bad.py") == before
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED, explain(applied)
    return applied


@pytest.mark.parametrize("name", list(UNHINTED))
def test_a_bad_file_without_async_code_is_still_reported(tmp_path: Path, name: str) -> None:
    data, word = UNHINTED[name]
    applied = _run_with_bad(tmp_path, data)
    assert applied.returncode == 2, explain(applied)
    assert word in error_line(applied.stderr, "proj/bad.py")


@pytest.mark.parametrize("name", list(UNHINTED_SYNTAX))
def test_a_syntax_error_in_a_file_that_cannot_matter_is_left_to_the_syntax_checkers(
        tmp_path: Path, name: str) -> None:
    """Issue 15's decision: a file with no async code and nothing the analysis reads is not
    parsed at all (ruff and ``compileall`` check a tree's syntax); the run goes on."""
    applied = _run_with_bad(tmp_path, UNHINTED_SYNTAX[name])
    assert applied.returncode == 0, explain(applied)  # everything found was fixed, nothing failed
    assert b"proj/bad.py" not in applied.stderr


@pytest.mark.parametrize("name", list(UNHINTED_SYNTAX))
def test_a_syntax_error_in_a_file_with_async_code_is_reported(tmp_path: Path, name: str) -> None:
    applied = _run_with_bad(tmp_path, UNHINTED_SYNTAX[name] + b"\n\nasync def later():\n    pass\n")
    assert applied.returncode == 2, explain(applied)
    assert "syntax error" in error_line(applied.stderr, "proj/bad.py")


@pytest.mark.parametrize("name", list(UNHINTED_SYNTAX))
def test_a_syntax_error_in_a_helper_the_analysis_reads_is_reported(tmp_path: Path, name: str) -> None:
    """The helper has no async code, so pass 1 does not parse it; the handler's analysis
    reads it through the import, and reports it as pass 1 would have."""
    app = (b"from fastapi import FastAPI\n\nfrom helpers import fetch\n\napp = FastAPI()\n\n\n"
           b'@app.get("/")\nasync def read():\n    return fetch()\n')
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/app.py": app, "proj/helpers.py": UNHINTED_SYNTAX[name],
                          "proj/other.py": UNHINTED_SYNTAX[name]})
    for jobs in ("1", "2"):
        checked = cli("-j", jobs, "--no-cache", "proj", cwd=tmp_path)
        assert checked.returncode == 2, explain(checked)
        assert "syntax error" in error_line(checked.stderr, "proj/helpers.py")
        assert b"proj/other.py" not in checked.stderr  # read by nobody


# == 2. fixable files keep their encoding, BOM, newlines and indentation =====================

# A route that must stay async (it awaits the body): the fix inserts lines (a nested function,
# an import), which must follow the file's newlines and indentation.
WRAPPED_IN = (
    "import time\n"
    "\n"
    "from fastapi import FastAPI, Request\n"
    "\n"
    "app = FastAPI()\n"
    "\n"
    "\n"
    '@app.post("/note")\n'
    "async def note(request: Request):\n"
    "\tbody = await request.body()\n"
    '\twith open("notes.txt", "ab") as handle:\n'
    "\t\thandle.write(body)\n"
    '\treturn {"ok": True}\n'
)
WRAPPED_OUT = (
    "import time\n"
    "\n"
    "from fastapi import FastAPI, Request\n"
    "from fastapi.concurrency import run_in_threadpool\n"
    "\n"
    "app = FastAPI()\n"
    "\n"
    "\n"
    '@app.post("/note")\n'
    "async def note(request: Request):\n"
    "\tbody = await request.body()\n"
    "\n"
    "\tdef _blocking_io_1():\n"
    '\t\twith open("notes.txt", "ab") as handle:\n'
    "\t\t\thandle.write(body)\n"
    "\n"
    "\tawait run_in_threadpool(_blocking_io_1)\n"
    '\treturn {"ok": True}\n'
)


def _latin1() -> tuple[bytes, bytes]:
    text = ("# -*- coding: latin-1 -*-\n# Prix en euros, caf\u00e9 compris, \u00e0 la cr\u00e8me\n"
            + handler("prix", body='    time.sleep(0.1)\n    label = "cr\u00e8me br\u00fbl\u00e9e"\n'))
    data = text.encode("latin-1")
    return data, converted(data, "prix")


def _shift_jis() -> tuple[bytes, bytes]:
    # "\u30bd" encodes to 0x83 0x5c in Shift JIS: its second byte is a backslash.
    text = "# -*- coding: shift_jis -*-\n" + handler("jp", body='    time.sleep(0.1)\n    label = "\u65e5\u672c\u30bd"\n')
    data = text.encode("shift_jis")
    return data, converted(data, "jp")


def _simple(transform: Callable[[str], str], prefix: bytes = b"") -> tuple[bytes, bytes]:
    data = prefix + transform(handler("ping", body='    time.sleep(0.1)\n    label = "caf\u00e9"\n')).encode()
    return data, converted(data, "ping")


ENCODED: dict[str, Callable[[], tuple[bytes, bytes]]] = {
    "latin-1-cookie": _latin1,
    "shift-jis-cookie": _shift_jis,
    "utf-8-bom": lambda: _simple(lambda t: t, b"\xef\xbb\xbf"),
    "crlf": lambda: _simple(lambda t: t.replace("\n", "\r\n")),
    "cr-only": lambda: _simple(lambda t: t.replace("\n", "\r")),
    "mixed-newlines": lambda: _simple(lambda t: t.replace("app = FastAPI()\n", "app = FastAPI()\r\n")),
    "no-final-newline": lambda: _simple(lambda t: t.rstrip("\n")),
    "tabs": lambda: _simple(lambda t: t.replace("    ", "\t")),
    "form-feed": lambda: _simple(lambda t: t.replace("\n\n\n@app", "\n\n\x0c\n@app")),
    "tabs-wrapped": lambda: (WRAPPED_IN.encode(), WRAPPED_OUT.encode()),
    "tabs-crlf-wrapped": lambda: (WRAPPED_IN.replace("\n", "\r\n").encode(), WRAPPED_OUT.replace("\n", "\r\n").encode()),
    "bom-crlf-wrapped": lambda: (
        b"\xef\xbb\xbf" + WRAPPED_IN.replace("\t", "    ").replace("\n", "\r\n").encode(),
        b"\xef\xbb\xbf" + WRAPPED_OUT.replace("\t", "    ").replace("\n", "\r\n").encode(),
    ),
}


@pytest.mark.parametrize("name", list(ENCODED))
def test_a_fixed_file_keeps_its_encoding_bom_newlines_and_indentation(tmp_path: Path, name: str) -> None:
    data, expected = ENCODED[name]()
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/target.py": data, "proj/good.py": GOOD})
    (tmp_path / "proj" / "target.py").chmod(0o640)
    dry = cli("--no-color", "proj", cwd=tmp_path)
    assert dry.returncode == 1, explain(dry)
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)
    target = tmp_path / "proj" / "target.py"
    assert target.read_bytes() == expected
    assert target.stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED
    assert leftovers(tmp_path) == []


@posix_only
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_a_fixed_file_keeps_its_owner(tmp_path: Path) -> None:
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/good.py": GOOD})
    target = tmp_path / "proj" / "good.py"
    os.chown(target, 4321, 4321)
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)
    assert target.read_bytes() == GOOD_FIXED
    assert (target.stat().st_uid, target.stat().st_gid) == (4321, 4321)


def _big_module(size: int = 12 * 1024 * 1024) -> tuple[bytes, bytes]:
    """~12 MB: a handler at each end, thousands of helpers with long comment lines between."""
    head = handler("first")
    tail = handler("last").split("\n\n\n", 1)[1]
    block = ('\n\ndef helper_{i}(value: int) -> int:\n    """Double the value {i}."""\n    # ' + "x" * 500
             + "\n    return value * 2 + {i}\n")
    parts, total, index = [head], len(head), 0
    while total < size:
        part = block.format(i=index)
        parts.append(part)
        total += len(part)
        index += 1
    parts.append("\n\n" + tail)
    data = "".join(parts).replace("\n", "\r\n").encode()
    return data, converted(data, "first", "last")


@slow
def test_a_12_mb_file_is_fixed_exactly(tmp_path: Path) -> None:
    data, expected = _big_module()
    assert len(data) > 12 * 1024 * 1024
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/big.py": data, "proj/good.py": GOOD})
    applied = cli("--apply", "--no-cache", "proj", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)
    assert (tmp_path / "proj" / "big.py").read_bytes() == expected
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED
    assert leftovers(tmp_path) == []


# == 3. symbolic links: never read or written through when they lead outside ================

OUTSIDE = handler("outside").encode()


def _outside_tree(tmp_path: Path) -> dict[str, tuple[bytes, int, int]]:
    write_tree(tmp_path, {
        "proj/pyproject.toml": PYPROJECT,
        "proj/good.py": GOOD,
        "outside/ext.py": OUTSIDE,
        "outside/pkg/mod.py": OUTSIDE,
    })
    return {p.name: state(p) for p in (tmp_path / "outside").rglob("*.py")}


@symlinks
def test_a_symlink_to_a_file_outside_the_root_is_reported_and_not_followed(tmp_path: Path) -> None:
    outside = _outside_tree(tmp_path)
    (tmp_path / "proj" / "link.py").symlink_to(Path("..") / "outside" / "ext.py")
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode == 2, explain(applied)
    assert "outside" in error_line(applied.stderr, "proj/link.py")
    assert {p.name: state(p) for p in (tmp_path / "outside").rglob("*.py")} == outside
    assert (tmp_path / "proj" / "link.py").is_symlink()
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED


@symlinks
def test_a_symlinked_folder_leading_outside_is_never_read_or_written(tmp_path: Path) -> None:
    outside = _outside_tree(tmp_path)
    (tmp_path / "proj" / "linked").symlink_to(Path("..") / "outside" / "pkg")
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode in (0, 2), explain(applied)
    assert {p.name: state(p) for p in (tmp_path / "outside").rglob("*.py")} == outside
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED


@symlinks
def test_a_symlinked_folder_leading_outside_is_reported(tmp_path: Path) -> None:
    _outside_tree(tmp_path)
    (tmp_path / "proj" / "linked").symlink_to(Path("..") / "outside" / "pkg")
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode == 2, explain(applied)
    assert "outside" in error_line(applied.stderr, "proj/linked")


@symlinks
def test_an_import_through_a_symlink_leading_outside_is_not_read(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _outside_tree(tmp_path)
    write_tree(tmp_path, {"outside/pkg/helpers.py": b"import time\n\n\ndef helper():\n    time.sleep(1)\n"})
    (tmp_path / "proj" / "linked").symlink_to(Path("..") / "outside" / "pkg")
    (tmp_path / "proj" / "link.py").symlink_to(Path("..") / "outside" / "ext.py")
    write_tree(tmp_path, {"proj/app.py": (
        b"from fastapi import FastAPI\nfrom linked.helpers import helper\nfrom link import app as other\n\n"
        b'app = FastAPI()\n\n\n@app.get("/")\nasync def index():\n    helper()\n    return {}\n'
    )})
    with audited() as events:
        run_in_process(monkeypatch, tmp_path, Path("proj"), apply=True)
    read = [value for event, value in events if event == "open" and under(value, tmp_path / "outside")]
    assert read == []


@symlinks
def test_symlinks_leading_outside_are_not_opened_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file and folder links on their own (no import through them): nothing outside is opened."""
    outside = _outside_tree(tmp_path)
    (tmp_path / "proj" / "linked").symlink_to(Path("..") / "outside" / "pkg")
    (tmp_path / "proj" / "link.py").symlink_to(Path("..") / "outside" / "ext.py")
    with audited() as events:
        report = run_in_process(monkeypatch, tmp_path, Path("proj"), apply=True)
    touched = [(event, value) for event, value in events
               if event in ("open", "os.listdir", "os.scandir") and isinstance(value, str)
               and under(value, tmp_path / "outside")]
    assert touched == []
    assert outcome_of(report, "proj/link.py").result.error is not None
    assert {p.name: state(p) for p in (tmp_path / "outside").rglob("*.py")} == outside
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED


@symlinks
def test_a_broken_symlink_is_reported(tmp_path: Path) -> None:
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/good.py": GOOD})
    (tmp_path / "proj" / "dangling.py").symlink_to("missing.py")
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode == 2, explain(applied)
    error_line(applied.stderr, "proj/dangling.py")
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED
    assert not (tmp_path / "proj" / "missing.py").exists()


@symlinks
def test_a_symlink_loop_between_files_is_reported(tmp_path: Path) -> None:
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/good.py": GOOD})
    (tmp_path / "proj" / "loop_a.py").symlink_to("loop_b.py")
    (tmp_path / "proj" / "loop_b.py").symlink_to("loop_a.py")
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert (tmp_path / "proj" / "loop_a.py").is_symlink() and (tmp_path / "proj" / "loop_b.py").is_symlink()
    assert applied.returncode == 2, explain(applied)
    assert "loop" in error_line(applied.stderr, "proj/loop_a.py")
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED


@symlinks
def test_a_symlinked_folder_loop_is_not_followed(tmp_path: Path) -> None:
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/good.py": GOOD})
    (tmp_path / "proj" / "again").symlink_to(".")
    (tmp_path / "proj" / "sub").mkdir()
    (tmp_path / "proj" / "sub" / "up").symlink_to("..")
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode in (0, 2), explain(applied)  # skipped silently or reported: never followed
    assert "Traceback" not in applied.stderr.decode()
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED
    assert (tmp_path / "proj" / "again").is_symlink() and (tmp_path / "proj" / "sub" / "up").is_symlink()


@symlinks
def test_a_file_symlink_inside_the_root_is_fixed_and_stays_a_link(tmp_path: Path) -> None:
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/real/routes.py": GOOD})
    (tmp_path / "proj" / "alias.py").symlink_to(Path("real") / "routes.py")
    applied = cli("--apply", "proj/alias.py", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)
    assert (tmp_path / "proj" / "alias.py").is_symlink()
    assert (tmp_path / "proj" / "real" / "routes.py").read_bytes() == GOOD_FIXED


# == 4. races: deleted or edited between analysis and write ==================================


def _race(monkeypatch: pytest.MonkeyPatch, target: Path, mutate: Callable[[Path], None]) -> None:
    """Call ``mutate(target)`` once, right before the runner writes its first file."""
    real = runner.write_outcome
    done: list[bool] = []

    def racing(outcome: Outcome, path: Path) -> Outcome:
        if not done:
            done.append(True)
            mutate(target)
        return real(outcome, path)

    monkeypatch.setattr(runner, "write_outcome", racing)


EDITED = handler("victim", body="    time.sleep(0.1)\n    # edited by someone else\n").encode()


def _deleted(path: Path) -> None:
    path.unlink()


def _edited(path: Path) -> None:
    path.write_bytes(EDITED)


def _edited_same_size_and_mtime(path: Path) -> None:
    info = path.stat()
    data = path.read_bytes().replace(b"0.1", b"0.2")
    path.write_bytes(data)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


RACES: dict[str, tuple[Callable[[Path], None], str, bytes | None]] = {
    "deleted": (_deleted, "deleted", None),
    "edited": (_edited, "changed on disk", EDITED),
    "edited-same-size-and-mtime": (
        _edited_same_size_and_mtime, "changed on disk", handler("victim").encode().replace(b"0.1", b"0.2")),
}


@pytest.mark.parametrize("race", list(RACES))
@pytest.mark.parametrize("order", ["victim-first", "victim-last"])
def test_a_file_changed_between_analysis_and_write_is_skipped_and_the_new_content_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, race: str, order: str
) -> None:
    mutate, words, kept = RACES[race]
    victim = "a_victim.py" if order == "victim-first" else "z_victim.py"
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, f"proj/{victim}": handler("victim").encode(),
                          "proj/good.py": GOOD})
    _race(monkeypatch, tmp_path / "proj" / victim, mutate)
    report = run_in_process(monkeypatch, tmp_path, Path("proj"), apply=True)
    outcome = outcome_of(report, f"proj/{victim}")
    assert not outcome.written
    assert outcome.result.error is not None and words in outcome.result.error.message
    assert not any(f.fixed for f in outcome.result.findings)
    if kept is None:
        assert not (tmp_path / "proj" / victim).exists()
    else:
        assert (tmp_path / "proj" / victim).read_bytes() == kept
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED
    assert exit_status(report.outcomes, applied=True) == 2
    assert leftovers(tmp_path) == []


@symlinks
def test_a_file_swapped_for_a_symlink_to_outside_before_the_write_is_not_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/victim.py": GOOD, "outside/copy.py": GOOD})
    outside = state(tmp_path / "outside" / "copy.py")

    def swap(path: Path) -> None:
        path.unlink()
        path.symlink_to(tmp_path / "outside" / "copy.py")

    _race(monkeypatch, tmp_path / "proj" / "victim.py", swap)
    run_in_process(monkeypatch, tmp_path, Path("proj"), apply=True)
    assert state(tmp_path / "outside" / "copy.py") == outside


# == 5. read-only files and a full disk =======================================================


@posix_only
def test_a_read_only_file_is_reported_and_left_intact(tmp_path: Path) -> None:
    # We may run as root, which can write a 0444 file: the tool checks the mode bits itself.
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/locked.py": handler("locked").encode(),
                          "proj/good.py": GOOD})
    locked = tmp_path / "proj" / "locked.py"
    locked.chmod(0o444)
    before = state(locked)
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode == 2, explain(applied)
    assert "read-only" in error_line(applied.stderr, "proj/locked.py")
    assert state(locked) == before
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED
    assert leftovers(tmp_path) == []


_ROUTE = (b"import time\n\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
          b'@app.get("/slow")\nasync def slow():\n    time.sleep(1)\n    return {}\n')
_CALLER = b"from app import slow\n\n\nasync def report():\n    return await slow()\n"


@posix_only
@pytest.mark.parametrize("locked_name", ["app.py", "report.py"])
def test_a_conversion_and_its_callers_are_written_together_or_not_at_all(tmp_path: Path, locked_name: str) -> None:
    # app.py is written first: when report.py (its caller) cannot be written, app.py is put back.
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/app.py": _ROUTE, "proj/report.py": _CALLER,
                          "proj/good.py": GOOD})
    (tmp_path / "proj" / locked_name).chmod(0o444)
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode == 2, explain(applied)
    assert (tmp_path / "proj" / "app.py").read_bytes() == _ROUTE
    assert (tmp_path / "proj" / "report.py").read_bytes() == _CALLER
    assert "read-only" in error_line(applied.stderr, f"proj/{locked_name}")
    other = "report.py" if locked_name == "app.py" else "app.py"
    assert "must change with it" in error_line(applied.stderr, f"proj/{other}")
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED
    assert leftovers(tmp_path) == []


def _no_space(*_: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("stage", ["write", "fsync", "replace"])
def test_a_full_disk_leaves_the_original_intact_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/full.py": handler("full").encode(),
                          "proj/good.py": GOOD})
    before = state(tmp_path / "proj" / "full.py")
    real_fdopen, real_fsync, real_replace = os.fdopen, os.fsync, os.replace
    temp_names: list[str] = []

    class FullFile:
        """A temporary file on a full disk: the first write fails."""

        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Any:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            _no_space()
            return 0

        def __getattr__(self, name: str) -> Any:
            return getattr(self.handle, name)

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        name = os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else ""
        if ".full.py." in name:
            temp_names.append(name)
            if stage == "write":
                return FullFile(handle)
        return handle

    def fsync(fd: int) -> None:
        if stage == "fsync" and os.path.exists("/proc/self/fd") and ".full.py." in os.readlink(f"/proc/self/fd/{fd}"):
            _no_space()
        real_fsync(fd)

    def replace(src: Any, dst: Any, **kwargs: Any) -> None:
        if stage == "replace" and os.fspath(dst).endswith("full.py"):
            _no_space()
        real_replace(src, dst, **kwargs)

    if stage != "replace" and not os.path.exists("/proc/self/fd"):
        pytest.skip("needs /proc/self/fd to tell the temporary file apart")
    monkeypatch.setattr(os, "fdopen", fdopen)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    report = run_in_process(monkeypatch, tmp_path, Path("proj"), apply=True)
    outcome = outcome_of(report, "proj/full.py")
    assert not outcome.written
    assert outcome.result.error is not None
    assert "No space left" in outcome.result.error.message and "intact" in outcome.result.error.message
    assert state(tmp_path / "proj" / "full.py") == before
    assert sorted(p.name for p in (tmp_path / "proj").iterdir()) == ["full.py", "good.py", "pyproject.toml"]
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED
    assert exit_status(report.outcomes, applied=True) == 2
    if stage != "replace":
        assert temp_names, "the temporary file was never opened: the simulation missed its target"


def _mount_tmpfs(folder: Path, size: str) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, check=False, timeout=30)
    return done.returncode == 0


@posix_only
def test_a_really_full_disk_on_a_tiny_tmpfs(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "64k"):
        pytest.skip("cannot mount a tmpfs here (needs root on Linux)")
    try:
        big = handler("full", extra="".join(f"# padding line {i:05d} " + "." * 60 + "\n" for i in range(300)))
        write_tree(tmp_path, {"disk/pyproject.toml": PYPROJECT, "disk/full.py": big.encode(),
                              "other/pyproject.toml": PYPROJECT, "other/good.py": GOOD})
        filler = disk / "filler"
        with open(filler, "wb", buffering=0) as handle:  # fill what is left
            try:
                while True:
                    handle.write(b"\0" * 1024)
            except OSError as error:
                assert error.errno == errno.ENOSPC
        before = state(disk / "full.py")
        applied = cli("--apply", "--no-cache", "disk", "other", cwd=tmp_path)
        assert applied.returncode == 2, explain(applied)
        line = error_line(applied.stderr, "disk/full.py")
        assert "No space left" in line, line
        assert state(disk / "full.py") == before
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "full.py", "pyproject.toml"]
        assert (tmp_path / "other" / "good.py").read_bytes() == GOOD_FIXED
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True, check=False, timeout=30)


# == 6. configuration: a broken table stops the run before anything is written ==============

BROKEN_CONFIGS = {
    # name: (pyproject bytes, words the message must hold)
    "broken-toml": (b'[tool.fastapi-unblock]\nselect = ["UNB1"\n', ("invalid TOML",)),
    "unknown-key": (b'[tool.fastapi-unblock]\nselct = ["UNB1"]\n', ("unknown key", "selct", "select")),
    "ill-typed-bool": (b'[tool.fastapi-unblock]\nall-async = "yes"\n', ("all-async", "true or false")),
    "ill-typed-list": (b'[tool.fastapi-unblock]\nignore = "UNB120"\n', ("ignore", "list")),
    "ill-typed-choice": (b'[tool.fastapi-unblock]\nprefer = 3\n', ("prefer",)),
    "unknown-rule-code": (b'[tool.fastapi-unblock]\nselect = ["UNB999"]\n', ("select", "UNB999")),
    "bad-blocking-category": (
        b'[tool.fastapi-unblock]\nextend-blocking-calls = { "acme.fetch" = "teleport" }\n',
        ("extend-blocking-calls", "acme.fetch"),
    ),
    "table-not-a-table": (b'[tool]\nfastapi-unblock = 1\n', ("must be a table",)),
    "not-utf-8": (b'[tool.fastapi-unblock]\n# caf\xe9\nselect = ["UNB1"]\n', ("cannot read",)),
    "plugins": (b'[tool.fastapi-unblock]\nplugins = ["evil_plugin"]\n', ("unknown key", "plugins")),
}


@pytest.mark.parametrize("name", list(BROKEN_CONFIGS))
def test_a_broken_configuration_stops_the_run_naming_file_and_key(tmp_path: Path, name: str) -> None:
    config, words = BROKEN_CONFIGS[name]
    write_tree(tmp_path, {"proj/pyproject.toml": b'[project]\nname = "x"\n\n' + config, "proj/good.py": GOOD,
                          "proj/evil_plugin.py": b"open('PLUGIN_RAN', 'w').close()\n"})
    before = snapshot(tmp_path)
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode == 2, explain(applied)
    assert applied.stdout == b""
    lines = applied.stderr.decode("utf-8", "replace").strip().splitlines()
    assert len(lines) == 1, explain(applied)
    assert "pyproject.toml" in lines[0] and all(word in lines[0] for word in words), lines[0]
    assert snapshot(tmp_path) == before  # no source, no cache entry, no marker: nothing written anywhere


def test_a_pyproject_that_does_not_parse_and_holds_no_table_of_ours_does_not_stop_the_run(tmp_path: Path) -> None:
    """A template's ``{{cookiecutter.name}}/pyproject.toml`` is not TOML, and has no settings for us."""
    template = b'[project]\nname = "{{cookiecutter.package_name}}"\n{%- if cookiecutter.cli %}\nscripts = 1\n'
    write_tree(tmp_path, {"proj/pyproject.toml": b'[project]\nname = "x"\n', "proj/good.py": GOOD,
                          "proj/template/{{cookiecutter.name}}/pyproject.toml": template,
                          "proj/template/{{cookiecutter.name}}/app.py": GOOD})
    applied = cli("--apply", "--no-cache", "proj", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED


# == 7. never run what it reads ==============================================================

EVIL_NAME = "unblock_evil_module_3f9c"


def _evil_tree(tmp_path: Path) -> dict[str, bytes]:
    markers = tmp_path / "markers"

    def marker(label: str) -> str:
        return (f"import os, pathlib\n"
                f"pathlib.Path({str(markers / label)!r}).write_text('ran')\n"
                f"os.system('touch ' + {str(markers / (label + '-system'))!r})\n")

    evil = (marker("module") + handler("evil")).encode()
    return {
        "proj/pyproject.toml": PYPROJECT,
        f"proj/{EVIL_NAME}.py": evil,
        "proj/pkg/__init__.py": marker("package").encode(),
        "proj/pkg/routes.py": (marker("routes") + handler("routes")).encode(),
        "proj/setup.py": marker("setup").encode(),
        "proj/conftest.py": marker("conftest").encode(),
        "proj/sitecustomize.py": marker("sitecustomize").encode(),
        "proj/__main__.py": marker("main").encode(),
    }


def test_analysed_modules_are_never_run(tmp_path: Path) -> None:
    files = _evil_tree(tmp_path)
    write_tree(tmp_path, files)
    (tmp_path / "markers").mkdir()
    dry = cli("--no-color", "proj", cwd=tmp_path)
    assert dry.returncode == 1, explain(dry)
    applied = cli("--apply", "proj", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)
    assert list((tmp_path / "markers").iterdir()) == []
    assert (tmp_path / "proj" / f"{EVIL_NAME}.py").read_bytes() == converted(files[f"proj/{EVIL_NAME}.py"], "evil")
    assert (tmp_path / "proj" / "pkg" / "routes.py").read_bytes() == converted(files["proj/pkg/routes.py"], "routes")


def test_analysed_modules_are_never_imported_or_executed_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, _evil_tree(tmp_path))
    (tmp_path / "markers").mkdir()
    modules_before = set(sys.modules)
    with audited() as events:
        report = run_in_process(monkeypatch, tmp_path, Path("proj"), apply=True)
    assert exit_status(report.outcomes, applied=True) == 0
    assert list((tmp_path / "markers").iterdir()) == []
    new_modules = set(sys.modules) - modules_before
    assert EVIL_NAME not in sys.modules and "pkg" not in new_modules and "pkg.routes" not in sys.modules
    assert not [m for m in new_modules if under(str(getattr(sys.modules[m], "__file__", None) or "<none>"), tmp_path)]
    executed = [value for event, value in events if event == "exec" and under(str(value), tmp_path)]
    imported = [value for event, value in events if event == "import" and value[1] and under(str(value[1]), tmp_path)]
    spawned = [value for event, value in events if event in ("os.system", "os.exec", "os.posix_spawn", "os.spawn")]
    assert (executed, imported, spawned) == ([], [], [])


#: Modules the tool imports (lazily or at start-up) that a project may have a file named after.
SHADOWED = ("click", "rich", "git", "pathspec", "libcst", "tomllib", "tomli", "difflib", "pickle")


def _shadowing_tree(tmp_path: Path) -> None:
    files = {f"work/{name}.py": f"open({str(tmp_path / 'markers' / name)!r}, 'w').close()\n".encode()
             for name in SHADOWED}
    write_tree(tmp_path, {**files, "work/pyproject.toml": PYPROJECT, "work/good.py": GOOD})
    (tmp_path / "markers").mkdir()


def test_the_installed_script_never_imports_project_modules_from_the_current_folder(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("fastapi-unblock")
    if not script.is_file():
        pytest.skip("the fastapi-unblock script is not installed next to this Python")
    _shadowing_tree(tmp_path)
    env = environment(tmp_path / "work")
    env.pop("PYTHONPATH")
    applied = cli("--apply", ".", cwd=tmp_path / "work", command=[str(script)], env=env)
    assert sorted(p.name for p in (tmp_path / "markers").iterdir()) == [], explain(applied)
    assert (tmp_path / "work" / "good.py").read_bytes() == GOOD_FIXED, explain(applied)


def test_python_m_codemods_never_imports_project_modules_from_the_current_folder(tmp_path: Path) -> None:
    _shadowing_tree(tmp_path)
    applied = cli("--apply", ".", cwd=tmp_path / "work")
    assert sorted(p.name for p in (tmp_path / "markers").iterdir()) == [], explain(applied)
    assert (tmp_path / "work" / "good.py").read_bytes() == GOOD_FIXED, explain(applied)


# == a bug of ours in one file: that file's error, the batch goes on =========================

@pytest.mark.parametrize("step", ["registrations", "analyse"])
def test_an_internal_error_in_one_file_is_reported_and_the_rest_is_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    from codemods.engine import ProjectAnalysis

    original = getattr(ProjectAnalysis, step)

    def broken(self: ProjectAnalysis, path: Path, *args: Any, **kwargs: Any) -> Any:
        if path.name == "victim.py":
            raise KeyError("a bug of the tool")
        return original(self, path, *args, **kwargs)

    monkeypatch.setattr(ProjectAnalysis, step, broken)
    victim = handler("victim").encode()
    write_tree(tmp_path, {"proj/pyproject.toml": PYPROJECT, "proj/victim.py": victim, "proj/good.py": GOOD})
    report = run_in_process(monkeypatch, tmp_path, Path("proj"), apply=True, use_cache=True)
    error = outcome_of(report, "proj/victim.py").result.error
    assert error is not None and error.internal
    assert "internal error" in error.message and "KeyError" in error.message
    assert (tmp_path / "proj" / "victim.py").read_bytes() == victim
    assert (tmp_path / "proj" / "good.py").read_bytes() == GOOD_FIXED
    assert exit_status(report.outcomes, applied=True) == 2
    monkeypatch.setattr(ProjectAnalysis, step, original)
    (tmp_path / "proj" / "good.py").write_bytes(GOOD)
    again = run_in_process(monkeypatch, tmp_path, Path("proj"), use_cache=True)
    assert outcome_of(again, "proj/victim.py").result.error is None  # the failed run was not cached
