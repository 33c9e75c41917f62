"""The command line, end to end: real processes on real files in a temporary folder.

Every test runs ``python -m codemods`` in a subprocess (the installed
``fastapi-unblock`` script for ``--help``), so stdout and stderr are the
streams a user sees, exit codes are real and files are really written.
``PYTHONPATH`` points at this checkout, so the code under test is the code
next to these tests even when another copy is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

import codemods
from codemods.models import Strategy

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "shop"

#: An old timestamp given to every input file, so any write shows in ``st_mtime_ns``.
OLD_MTIME_NS = 1_000_000_000_123_456_789

#: Variables that change colours, encodings or the environment found (``VIRTUAL_ENV``, in the
#: JSON summary); removed unless a test sets them.
_TERMINAL_VARIABLES = (
    "VIRTUAL_ENV",
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "PYTHONIOENCODING",
    "COLUMNS",
)


# -- inputs ---------------------------------------------------------------------------------
# Each fixable sample has handlers whose only change is ``async def NAME`` -> ``def NAME``;
# FIXABLE maps the file name to those names, so the expected bytes are exact.


def _lf(text: str) -> bytes:
    return text.encode("utf-8")


CRLF = _lf(
    "import time\n"
    "\n"
    "from fastapi import FastAPI\n"
    "\n"
    "app = FastAPI()\n"
    "\n"
    "\n"
    '@app.get("/ping")\n'
    "async def ping():\n"
    "    time.sleep(0.1)\n"
    '    return {"pong": True}\n'
).replace(b"\n", b"\r\n")

# The fix is within three lines of the first line, so line 1 (behind the BOM) is
# context in the patch; non-ASCII text sits inside the hunk too.
BOM = b"\xef\xbb\xbf" + _lf(
    "import time, fastapi\n"
    "app = fastapi.FastAPI()\n"
    '@app.get("/caf\u00e9")\n'
    "async def cafe():\n"
    "    time.sleep(0.1)\n"
    '    return {"name": "Caf\u00e9 No\u00ebl"}\n'
)

# A latin-1 file: the non-ASCII comment is in the hunk's context, its bytes are not UTF-8.
LATIN1 = (
    "# -*- coding: latin-1 -*-\n"
    "import time\n"
    "\n"
    "from fastapi import FastAPI\n"
    "\n"
    "app = FastAPI()\n"
    "\n"
    "\n"
    "# Prix en euros, caf\u00e9 compris, \u00e0 la cr\u00e8me\n"
    '@app.get("/prix")\n'
    "async def prix():\n"
    "    time.sleep(0.1)\n"
    '    return {"prix": 3}\n'
).encode("latin-1")

NO_NEWLINE = _lf(
    "import time\n"
    "\n"
    "from fastapi import FastAPI\n"
    "\n"
    "app = FastAPI()\n"
    "\n"
    "\n"
    '@app.get("/last")\n'
    "async def last():\n"
    "    time.sleep(0.1)\n"
    '    return {"last": True}'
)

# Plain UTF-8 with two fixes far apart (two hunks) and a handler that is fine.
PLAIN = _lf(
    "import subprocess\n"
    "\n"
    "import requests\n"
    "from fastapi import APIRouter\n"
    "\n"
    "router = APIRouter()\n"
    "\n"
    "\n"
    '@router.get("/weather")\n'
    "async def weather(city: str):\n"
    '    return requests.get("https://weather.example/api", params={"q": city}).json()\n'
    "\n"
    "\n"
    '@router.get("/fine")\n'
    "async def fine():\n"
    '    return {"fine": True}\n'
    "\n"
    "\n"
    "def helper(value: int) -> int:\n"
    "    return value * 2\n"
    "\n"
    "\n"
    '@router.get("/uptime")\n'
    "async def uptime():\n"
    '    return subprocess.run(["uptime"], capture_output=True).stdout\n'
)

SAMPLES: dict[str, bytes] = {
    "crlf.py": CRLF,
    "bom.py": BOM,
    "latin1.py": LATIN1,
    "no_newline.py": NO_NEWLINE,
    "plain.py": PLAIN,
}
FIXABLE: dict[str, tuple[str, ...]] = {
    "crlf.py": ("ping",),
    "bom.py": ("cafe",),
    "latin1.py": ("prix",),
    "no_newline.py": ("last",),
    "plain.py": ("weather", "uptime"),
}

CLEAN = _lf(
    "import asyncio\n"
    "\n"
    "from fastapi import FastAPI\n"
    "\n"
    "app = FastAPI()\n"
    "\n"
    "\n"
    '@app.get("/")\n'
    "async def index():\n"
    "    await asyncio.sleep(0)\n"
    '    return {"ok": True}\n'
    "\n"
    "\n"
    '@app.get("/sync")\n'
    "def sync_route():\n"
    '    return open("data.txt").read()\n'
)

NOT_ASYNC = _lf("def add(a: int, b: int) -> int:\n    return a + b\n")

# Must stay async (`async for`) and the blocking `with` cannot move to a thread
# (its body iterates asynchronously): no strategy applies.
UNFIXABLE = _lf(
    "from fastapi import FastAPI, Request\n"
    "\n"
    "app = FastAPI()\n"
    "\n"
    "\n"
    '@app.post("/upload")\n'
    "async def upload(request: Request):\n"
    '    with open("upload.bin", "wb") as sink:\n'
    "        async for chunk in request.stream():\n"
    "            sink.write(chunk)\n"
    '    return {"stored": True}\n'
)

BROKEN = _lf("async def broken(:\n    pass\n")


def fixed(name: str, data: bytes) -> bytes:
    for function in FIXABLE.get(name, ()):
        old = b"async def " + function.encode() + b"("
        assert data.count(old) == 1
        data = data.replace(old, b"def " + function.encode() + b"(")
    return data


# -- helpers --------------------------------------------------------------------------------


def _environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _TERMINAL_VARIABLES}
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p
    )
    env.update(extra or {})
    return env


def cli(
    *args: str | Path, cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "codemods", *map(str, args)],
        cwd=cwd,
        env=_environment(env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=300,
        check=False,
    )


def explain(proc: subprocess.CompletedProcess[bytes]) -> str:
    return (
        f"exit {proc.returncode}\n--- stdout ---\n{proc.stdout.decode('utf-8', 'replace')}"
        f"\n--- stderr ---\n{proc.stderr.decode('utf-8', 'replace')}"
    )


def write_tree(root: Path, files: Mapping[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))


def snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under ``root`` (hidden ones too): bytes, mtime_ns, mode."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and ".git" not in path.relative_to(root).parts:
            info = path.stat()
            found[path.relative_to(root).as_posix()] = (
                path.read_bytes(),
                info.st_mtime_ns,
                info.st_mode,
            )
    return found


#: Git without the user's configuration, with an identity (the tool's --commit needs one).
GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
}


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {**os.environ, **GIT_ENV, "LC_ALL": "C"}
    return subprocess.run(
        ["git", "-c", "core.autocrlf=false", "-c", "core.safecrlf=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )


def json_of(proc: subprocess.CompletedProcess[bytes]) -> dict:  # type: ignore[type-arg]
    # json.loads rejects anything after the document: stdout holds exactly one.
    return json.loads(proc.stdout.decode("utf-8"))  # type: ignore[no-any-return]


# -- the patch ------------------------------------------------------------------------------


def _patch_then_apply(tmp_path: Path, files: Mapping[str, bytes]) -> None:
    """Dry-run patch applied by ``git apply`` == what ``--apply`` writes == the expected bytes."""
    by_patch, by_apply = tmp_path / "by-patch", tmp_path / "by-apply"
    for root in (by_patch, by_apply):
        root.mkdir()
        write_tree(root, files)
    assert git("init", "-q", ".", cwd=by_patch).returncode == 0

    dry = cli("--no-color", ".", cwd=by_patch)
    assert dry.returncode == 1, explain(dry)
    for name in files:
        if FIXABLE.get(Path(name).name):
            assert f"--- a/{name}\n".encode() in dry.stdout, explain(dry)
    patch = tmp_path / "fix.patch"
    patch.write_bytes(dry.stdout)

    applied = cli("--apply", ".", cwd=by_apply)
    assert applied.returncode == 0, explain(applied)
    for name, data in files.items():
        assert (by_apply / name).read_bytes() == fixed(Path(name).name, data), (
            f"--apply wrote {name} wrongly"
        )

    checked = git("apply", "--whitespace=nowarn", str(patch), cwd=by_patch)
    assert checked.returncode == 0, (
        "git apply rejected the dry-run patch:\n" + checked.stderr.decode("utf-8", "replace")
    )
    for name in files:
        assert (by_patch / name).read_bytes() == (by_apply / name).read_bytes(), (
            f"{name}: patch != --apply"
        )


@pytest.mark.parametrize("name", list(SAMPLES))
def test_dry_run_patch_applied_by_git_equals_apply(tmp_path: Path, name: str) -> None:
    _patch_then_apply(tmp_path, {name: SAMPLES[name]})


def test_dry_run_patch_applied_by_git_equals_apply_for_a_whole_tree(tmp_path: Path) -> None:
    files = {f"app/{name}": data for name, data in SAMPLES.items()}
    files |= {"app/clean.py": CLEAN, "app/__init__.py": b"", "tools/not_async.py": NOT_ASYNC}
    _patch_then_apply(tmp_path, files)


def test_patch_is_written_in_the_file_encoding_whatever_stdout_encoding(tmp_path: Path) -> None:
    # A patch is bytes for `git apply`: it must not be re-encoded for the terminal
    # (Windows pipes default to cp1252; here an ASCII stdout makes the difference visible).
    source = SAMPLES["bom.py"][3:]  # UTF-8 with non-ASCII text in the hunk
    write_tree(tmp_path, {"utf8.py": source})
    dry = cli("--no-color", "utf8.py", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert dry.returncode == 1, explain(dry)
    assert '    return {"name": "Caf\u00e9 No\u00ebl"}\n'.encode() in dry.stdout, explain(dry)


# -- what gets written ----------------------------------------------------------------------


ALL_INPUTS: dict[str, bytes] = {
    **SAMPLES,
    "clean.py": CLEAN,
    "not_async.py": NOT_ASYNC,
    "unfixable.py": UNFIXABLE,
    "broken.py": BROKEN,
    "README.txt": b"not python\n",
}


@pytest.mark.parametrize("output", [["--no-color"], ["--format", "json"]], ids=["diff", "json"])
def test_dry_run_writes_nothing(tmp_path: Path, output: list[str]) -> None:
    write_tree(tmp_path, ALL_INPUTS)
    before = snapshot(tmp_path)
    dry = cli(*output, ".", cwd=tmp_path)
    assert dry.returncode == 2, explain(dry)  # broken.py
    assert snapshot(tmp_path) == before


def test_apply_rewrites_only_fixed_files_and_keeps_their_encoding(tmp_path: Path) -> None:
    write_tree(tmp_path, ALL_INPUTS)
    (tmp_path / "plain.py").chmod(0o640)
    before = snapshot(tmp_path)

    applied = cli("--apply", ".", cwd=tmp_path)
    assert applied.returncode == 2, explain(applied)  # broken.py; everything else is processed
    after = snapshot(tmp_path)

    assert sorted(after) == sorted(before), (
        "files were created or removed (temporary files left behind?)"
    )
    assert not list(tmp_path.rglob("*.unblock-tmp"))
    for name, (data, mtime_ns, mode) in before.items():
        new_data, new_mtime_ns, new_mode = after[name]
        assert new_mode == mode, f"{name}: permissions changed"
        if name in FIXABLE:
            assert new_data == fixed(name, data), name
        else:
            assert new_data == data, f"{name} has no fix but was changed"
            assert new_mtime_ns == mtime_ns, f"{name} has no fix but was written"

    assert (
        after["bom.py"][0].startswith(b"\xef\xbb\xbf")
        and after["bom.py"][0].count(b"\xef\xbb\xbf") == 1
    )
    crlf = after["crlf.py"][0]
    assert crlf.count(b"\n") == crlf.count(b"\r\n") > 0
    latin1 = after["latin1.py"][0]
    assert "caf\u00e9 compris, \u00e0 la cr\u00e8me".encode("latin-1") in latin1
    assert b"\xc3" not in latin1  # not re-encoded as UTF-8
    assert not after["no_newline.py"][0].endswith(b"\n")


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_apply_does_not_replace_a_symlink_with_a_copy(tmp_path: Path) -> None:
    # app/routes.py -> ../shared/routes.py: folders are walked without following
    # links to folders, but a linked *file* is still analysed. Writing must not
    # turn the link into a regular file and leave the real file unfixed.
    write_tree(tmp_path, {"shared/routes.py": PLAIN})
    link = tmp_path / "app" / "routes.py"
    link.parent.mkdir()
    link.symlink_to(Path("..") / "shared" / "routes.py")
    applied = cli("--apply", "app", cwd=tmp_path)
    assert link.is_symlink(), "--apply replaced the symbolic link with a regular file"
    target = (tmp_path / "shared" / "routes.py").read_bytes()
    if applied.returncode == 0:  # it claims everything is fixed: the real file must be
        assert target == fixed("plain.py", PLAIN), explain(applied)
    else:
        assert target == PLAIN, explain(applied)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_file_reached_directly_and_through_a_symlink_is_fixed_once(tmp_path: Path) -> None:
    # Walking "." finds shared/routes.py and app/routes.py -> ../shared/routes.py:
    # one file, so one change in the patch, and --apply must not trip over its
    # own first write ("changed on disk since it was read").
    write_tree(tmp_path, {"shared/routes.py": PLAIN, "pyproject.toml": b"[project]\nname = 'x'\n"})
    link = tmp_path / "app" / "routes.py"
    link.parent.mkdir()
    link.symlink_to(Path("..") / "shared" / "routes.py")
    dry = cli("--no-color", ".", cwd=tmp_path)
    assert dry.returncode == 1, explain(dry)
    assert dry.stdout.count(b"\n--- a/") + dry.stdout.startswith(b"--- a/") == 1, explain(dry)
    applied = cli("--apply", ".", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)
    assert link.is_symlink()
    assert (tmp_path / "shared" / "routes.py").read_bytes() == fixed("plain.py", PLAIN)


def test_apply_reports_a_read_only_file_and_fixes_the_others(tmp_path: Path) -> None:
    write_tree(tmp_path, {"locked.py": PLAIN, "crlf.py": CRLF})
    (tmp_path / "locked.py").chmod(0o444)
    applied = cli("--apply", ".", cwd=tmp_path)
    assert applied.returncode == 2, explain(applied)
    assert b"locked.py" in applied.stderr and b"read-only" in applied.stderr, explain(applied)
    assert (tmp_path / "locked.py").read_bytes() == PLAIN
    assert (tmp_path / "crlf.py").read_bytes() == fixed("crlf.py", CRLF)


def test_a_file_named_twice_is_processed_once(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/plain.py": PLAIN})
    proc = cli("--format", "json", "app", "app/plain.py", "./app/plain.py", cwd=tmp_path)
    assert proc.returncode == 1, explain(proc)
    document = json_of(proc)
    assert document["summary"]["files_scanned"] == 1
    assert [f["function"] for f in document["findings"]] == ["weather", "uptime"]


def test_apply_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    write_tree(tmp_path, SAMPLES)
    first = cli("--apply", ".", cwd=tmp_path)
    assert first.returncode == 0, explain(first)
    for path in tmp_path.iterdir():
        os.utime(path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
    once = snapshot(tmp_path)
    second = cli("--apply", ".", cwd=tmp_path)
    assert second.returncode == 0, explain(second)
    assert snapshot(tmp_path) == once


# -- exit codes -----------------------------------------------------------------------------


def test_exit_0_when_there_is_nothing_to_fix(tmp_path: Path) -> None:
    write_tree(tmp_path, {"clean.py": CLEAN, "not_async.py": NOT_ASYNC})
    dry = cli("--no-color", ".", cwd=tmp_path)
    assert dry.returncode == 0, explain(dry)
    assert dry.stdout == b""
    applied = cli("--apply", ".", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)


def test_exit_1_when_findings_are_pending_in_a_dry_run(tmp_path: Path) -> None:
    write_tree(tmp_path, {"plain.py": PLAIN, "clean.py": CLEAN})
    dry = cli("--no-color", ".", cwd=tmp_path)
    assert dry.returncode == 1, explain(dry)
    as_json = cli("--format", "json", ".", cwd=tmp_path)
    assert as_json.returncode == 1, explain(as_json)


def test_exit_0_after_apply_when_everything_was_fixed(tmp_path: Path) -> None:
    write_tree(tmp_path, {**SAMPLES, "clean.py": CLEAN})
    applied = cli("--apply", ".", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)
    again = cli("--no-color", ".", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, b""), explain(again)


def test_exit_1_after_apply_when_an_unfixable_finding_remains(tmp_path: Path) -> None:
    write_tree(tmp_path, {"plain.py": PLAIN, "unfixable.py": UNFIXABLE})
    applied = cli("--apply", ".", cwd=tmp_path)
    assert applied.returncode == 1, explain(applied)
    assert (tmp_path / "plain.py").read_bytes() == fixed("plain.py", PLAIN)
    assert (tmp_path / "unfixable.py").read_bytes() == UNFIXABLE
    assert b"unfixable.py:7 upload" in applied.stderr, explain(applied)


def test_exit_2_on_a_syntax_error_and_the_other_files_are_still_fixed(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a_broken.py": BROKEN, "plain.py": PLAIN, "z_broken.py": BROKEN})
    dry = cli("--no-color", ".", cwd=tmp_path)
    assert dry.returncode == 2, explain(dry)
    assert b"--- a/plain.py\n" in dry.stdout
    assert (
        b"a_broken.py" in dry.stderr
        and b"z_broken.py" in dry.stderr
        and b"syntax error" in dry.stderr
    )

    applied = cli("--apply", ".", cwd=tmp_path)
    assert applied.returncode == 2, explain(applied)
    assert (tmp_path / "plain.py").read_bytes() == fixed("plain.py", PLAIN)
    assert (tmp_path / "a_broken.py").read_bytes() == BROKEN


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"# -*- coding: bogus -*-\nasync def f():\n    pass\n", b"encoding"),
        (b'async def f():\n    return "\xff"\n', b"utf-8"),
    ],
    ids=["unknown-cookie", "invalid-utf8"],
)
def test_exit_2_for_an_undecodable_file(tmp_path: Path, data: bytes, message: bytes) -> None:
    write_tree(tmp_path, {"bad.py": data, "plain.py": PLAIN})
    applied = cli("--apply", ".", cwd=tmp_path)
    assert applied.returncode == 2, explain(applied)
    assert b"bad.py" in applied.stderr and message in applied.stderr, explain(applied)
    assert (tmp_path / "bad.py").read_bytes() == data
    assert (tmp_path / "plain.py").read_bytes() == fixed("plain.py", PLAIN)


def test_exit_2_for_a_path_that_does_not_exist(tmp_path: Path) -> None:
    write_tree(tmp_path, {"plain.py": PLAIN})
    missing = cli("--no-color", "nowhere.py", cwd=tmp_path)
    assert missing.returncode == 2, explain(missing)
    assert b"nowhere.py" in missing.stderr and missing.stdout == b""
    # Bad arguments stop the run before anything is written.
    mixed = cli("--apply", "plain.py", "nowhere", cwd=tmp_path)
    assert mixed.returncode == 2, explain(mixed)
    assert (tmp_path / "plain.py").read_bytes() == PLAIN


# -- the JSON document ----------------------------------------------------------------------

ROUTES = _lf(
    "import time\n"  # 1
    "\n"  # 2
    "from fastapi import FastAPI\n"  # 3
    "\n"  # 4
    "app = FastAPI()\n"  # 5
    "\n"  # 6
    "\n"  # 7
    "@app.get(\n"  # 8
    '    "/slow",\n'  # 9
    "    status_code=200,\n"  # 10
    ")\n"  # 11
    "async def slow():\n"  # 12  <- the def line is the finding's line
    "    x = 1\n"  # 13
    "    time.sleep(x)\n"  # 14  <- column 5
    '    return {"x": x}\n'  # 15
)

FINDING_KEYS = {"path", "line", "column", "function", "kind", "code", "message", "calls", "fix"}
CALL_KEYS = {"name", "code", "line", "column", "via"}
FIX_KEYS = {"strategy", "safe", "reason", "applied"}


def _json_tree(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "pyproject.toml": b"[project]\nname = 'demo'\n",  # one project: the whole tree
            "app/routes.py": ROUTES,
            "app/upload.py": UNFIXABLE,
            "app/clean.py": CLEAN,
            "broken.py": BROKEN,
        },
    )


@pytest.mark.parametrize("absolute", [False, True], ids=["relative-args", "absolute-args"])
def test_json_document(tmp_path: Path, absolute: bool) -> None:
    _json_tree(tmp_path)
    base = tmp_path if absolute else Path()
    proc = cli("--format", "json", base / "app", base / "broken.py", cwd=tmp_path)
    assert proc.returncode == 2, explain(proc)
    document = json_of(proc)
    assert proc.stderr == b"", "with --format json everything is in the document"

    assert set(document) == {"version", "findings", "errors", "summary"}
    assert document["version"] == codemods.__version__

    findings = {f["path"]: f for f in document["findings"]}
    assert sorted(findings) == ["app/routes.py", "app/upload.py"]  # relative to the working folder
    for finding in document["findings"]:
        assert set(finding) == FINDING_KEYS
        assert all(set(call) == CALL_KEYS for call in finding["calls"])
        assert set(finding["fix"]) == FIX_KEYS
        assert finding["fix"]["strategy"] in {s.value for s in Strategy}

    slow = findings["app/routes.py"]
    message = slow.pop("message")
    reason = slow["fix"].pop("reason")
    assert slow == {
        "path": "app/routes.py",
        "line": 12,
        "column": 1,
        "function": "slow",
        "kind": "route",
        "code": "UNB100",
        "calls": [{"name": "time.sleep", "code": "UNB100", "line": 14, "column": 5, "via": []}],
        # A dry run reports what --apply would do: the fix is part of the proposed change.
        "fix": {"strategy": "convert-to-def", "safe": True, "applied": True},
    }
    assert isinstance(message, str) and "slow" in message and "time.sleep" in message
    assert isinstance(reason, str) and reason

    upload = findings["app/upload.py"]
    assert (upload["line"], upload["function"], upload["code"]) == (7, "upload", "UNB120")
    assert [(c["code"], c["line"]) for c in upload["calls"]] == [("UNB120", 8), ("UNB120", 10)]
    assert upload["calls"][0]["name"] == "open"
    assert upload["fix"]["strategy"] == "none" and upload["fix"]["safe"] is False
    assert upload["fix"]["applied"] is False
    assert "async for" in upload["fix"]["reason"]

    assert len(document["errors"]) == 1
    error = document["errors"][0]
    assert set(error) == {"path", "message"}
    assert error["path"] == "broken.py" and "syntax error" in error["message"]

    totals = {
        "files_scanned": 4,
        "files_changed": 1,
        "handlers_checked": 3,  # clean.py's index too
        "handlers_flagged": 2,
        "fixes": {
            s.value: int(s is Strategy.CONVERT_TO_DEF) for s in Strategy if s is not Strategy.NONE
        },
        "not_fixable": 1,
        "unapplied": 0,
        "errors": 1,
        "skipped": {},
        "library_functions": 0,
        "library_summaries_reused": 0,
        "environment": None,  # no virtual environment in tmp_path
    }
    assert document["summary"] == {**totals, "projects": {".": totals}}


def test_json_with_apply_marks_what_was_applied(tmp_path: Path) -> None:
    _json_tree(tmp_path)
    (tmp_path / "broken.py").unlink()
    proc = cli("--format", "json", "--apply", ".", cwd=tmp_path)
    assert proc.returncode == 1, explain(proc)  # upload.py cannot be fixed
    document = json_of(proc)
    applied = {f["function"]: f["fix"]["applied"] for f in document["findings"]}
    assert applied == {"slow": True, "upload": False}
    assert document["errors"] == []
    assert (tmp_path / "app/routes.py").read_bytes() == ROUTES.replace(
        b"async def slow", b"def slow"
    )


def test_json_is_clean_json_on_stdout_even_with_non_ascii(tmp_path: Path) -> None:
    write_tree(tmp_path, {"bom.py": BOM, "latin1.py": LATIN1})
    proc = cli("--format", "json", ".", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 1, explain(proc)
    assert {f["function"] for f in json_of(proc)["findings"]} == {"cafe", "prix"}


# -- streams and colour ---------------------------------------------------------------------

_DIFF_PREFIXES = (b"--- a/", b"+++ b/", b"@@ -", b" ", b"+", b"-", b"\\ No newline at end of file")


def test_stdout_carries_only_the_patch_and_stderr_the_summary(tmp_path: Path) -> None:
    write_tree(tmp_path, {"plain.py": PLAIN, "unfixable.py": UNFIXABLE, "broken.py": BROKEN})
    proc = cli("--no-color", ".", cwd=tmp_path)
    assert proc.returncode == 2, explain(proc)
    lines = proc.stdout.splitlines(keepends=True)
    assert lines and lines[0] == b"--- a/plain.py\n"
    assert all(line.endswith(b"\n") and line.startswith(_DIFF_PREFIXES) for line in lines), explain(
        proc
    )
    assert b"scanned" not in proc.stdout and b"unfixable.py" not in proc.stdout

    assert b"3 files scanned, 4 async handlers checked, 3 handlers flagged" in proc.stderr
    assert b"unfixable.py:7 upload" in proc.stderr
    assert b"broken.py" in proc.stderr


def test_apply_prints_no_patch(tmp_path: Path) -> None:
    write_tree(tmp_path, {"plain.py": PLAIN})
    proc = cli("--apply", ".", cwd=tmp_path)
    assert proc.returncode == 0, explain(proc)
    assert proc.stdout == b""
    assert b"fixes applied: 2 convert-to-def" in proc.stderr


@pytest.mark.parametrize("no_color", [{}, {"NO_COLOR": "1"}], ids=["piped", "piped-NO_COLOR"])
def test_no_ansi_escapes_when_piped(tmp_path: Path, no_color: dict[str, str]) -> None:
    write_tree(tmp_path, {"plain.py": PLAIN, "unfixable.py": UNFIXABLE, "broken.py": BROKEN})
    proc = cli(".", cwd=tmp_path, env={"TERM": "xterm-256color", **no_color})
    assert proc.returncode == 2, explain(proc)
    assert b"\x1b" not in proc.stdout and b"\x1b" not in proc.stderr
    assert b"--- a/plain.py" in proc.stdout


def _on_terminal(args: list[str], cwd: Path, env: Mapping[str, str]) -> tuple[int, bytes]:
    """Run with stdout and stderr on a pseudo-terminal; return the exit code and all output."""
    pty = pytest.importorskip("pty")
    controller, terminal = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "codemods", *args],
        cwd=cwd,
        env=_environment(env),
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    return proc.wait(timeout=300), b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ([], {}, True),  # proves the check below can see colour at all
        ([], {"NO_COLOR": "1"}, False),
        (["--no-color"], {}, False),
    ],
    ids=["terminal", "terminal-NO_COLOR", "terminal-no-color-flag"],
)
def test_colour_on_a_terminal_only_when_allowed(
    tmp_path: Path, args: list[str], env: dict[str, str], coloured: bool
) -> None:
    write_tree(tmp_path, {"plain.py": PLAIN, "unfixable.py": UNFIXABLE})
    code, output = _on_terminal([*args, "."], tmp_path, {"TERM": "xterm-256color", **env})
    assert code == 1, output
    assert b"plain.py" in output and b"files scanned" in output
    assert (b"\x1b[" in output) is coloured, output


# -- options --------------------------------------------------------------------------------

OPTIONS = _lf(
    "import time\n"
    "\n"
    "import requests\n"
    "from fastapi import FastAPI\n"
    "\n"
    "app = FastAPI()\n"
    "hits = 0\n"
    'FILES = ["a.txt", "b.txt"]\n'
    "\n"
    "\n"
    "async def helper():\n"  # not run by FastAPI: only with --all-async
    "    time.sleep(1)\n"
    "\n"
    "\n"
    '@app.get("/both")\n'
    "async def both():\n"
    '    requests.get("https://example.com")\n'
    "    time.sleep(1)\n"
    "\n"
    "\n"
    '@app.get("/count")\n'
    "async def count():\n"  # only fix: convert-to-def, unsafe (global)
    "    global hits\n"
    "    hits += 1\n"
    "    return sum(len(open(name).read()) for name in FILES)\n"
)


def _findings(tmp_path: Path, *options: str, name: str = "options.py") -> dict[str, Any]:
    proc = cli("--format", "json", *options, name, cwd=tmp_path)
    assert proc.returncode in (0, 1), explain(proc)
    return {f["function"]: f for f in json_of(proc)["findings"]}


def _codes(tmp_path: Path, *options: str, name: str = "options.py") -> dict[str, set[str]]:
    found = _findings(tmp_path, *options, name=name)
    return {function: {c["code"] for c in f["calls"]} for function, f in found.items()}


def test_select_and_ignore(tmp_path: Path) -> None:
    write_tree(tmp_path, {"options.py": OPTIONS})
    assert _codes(tmp_path) == {"both": {"UNB110", "UNB100"}, "count": {"UNB120"}}
    assert _codes(tmp_path, "--select", "unb11") == {"both": {"UNB110"}}  # prefix, any case
    assert _codes(tmp_path, "--select", "UNB100", "--select", "UNB120") == {
        "both": {"UNB100"},
        "count": {"UNB120"},
    }
    assert _codes(tmp_path, "--select", "UNB110,UNB100", "--ignore", "UNB100") == {
        "both": {"UNB110"}
    }
    assert _codes(tmp_path, "--ignore", "UNB1") == {}


def test_all_async(tmp_path: Path) -> None:
    write_tree(tmp_path, {"options.py": OPTIONS})
    assert set(_findings(tmp_path)) == {"both", "count"}
    found = _findings(tmp_path, "--all-async")
    assert set(found) == {"helper", "both", "count"}
    assert found["helper"]["kind"] == "other" and found["both"]["kind"] == "route"


@pytest.mark.parametrize("scope", [[], ["--all-async"]], ids=["registered", "all-async"])
def test_unsafe_fixes(tmp_path: Path, scope: list[str]) -> None:
    write_tree(tmp_path, {"options.py": OPTIONS})
    count = _findings(tmp_path)["count"]["fix"]
    assert count["strategy"] != "none" and count["safe"] is False  # the sample has an unsafe fix
    for f in _findings(tmp_path, *scope).values():
        fix = f["fix"]
        assert fix["applied"] is (fix["strategy"] != "none" and fix["safe"]), f
    for f in _findings(tmp_path, *scope, "--unsafe-fixes").values():
        assert f["fix"]["applied"] is (f["fix"]["strategy"] != "none"), f
    proc = cli("--no-color", *scope, "options.py", cwd=tmp_path)
    assert b"use --unsafe-fixes" in proc.stderr, explain(proc)
    applied = cli("--apply", "--unsafe-fixes", *scope, "options.py", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)
    assert b"async def count(" not in (tmp_path / "options.py").read_bytes()


def _pyproject(tmp_path: Path, table: str) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f"[project]\nname = 'demo'\n\n[tool.fastapi-unblock]\n{table}\n"
    )


def test_pyproject_table_is_used_and_flags_win(tmp_path: Path) -> None:
    write_tree(tmp_path, {"options.py": OPTIONS})
    _pyproject(tmp_path, 'ignore = ["UNB110"]\nunsafe-fixes = true')
    found = _findings(tmp_path)
    assert {name: {c["code"] for c in f["calls"]} for name, f in found.items()} == {
        "both": {"UNB100"},
        "count": {"UNB120"},
    }
    assert found["count"]["fix"]["applied"] is True  # unsafe-fixes from the table
    # --ignore replaces the table's ignore.
    assert _codes(tmp_path, "--ignore", "UNB100") == {"both": {"UNB110"}, "count": {"UNB120"}}


def test_select_flag_wins_over_ignore_in_pyproject(tmp_path: Path) -> None:
    # "flag > table" (codemods/config.py) and ruff's behaviour: an explicit
    # `--select UNB100` reports UNB100 even when the project's table ignores it.
    write_tree(tmp_path, {"options.py": OPTIONS})
    _pyproject(tmp_path, 'ignore = ["UNB100"]')
    assert _codes(tmp_path, "--select", "UNB100") == {"both": {"UNB100"}}


def test_select_flag_wins_over_a_broader_ignore_prefix_in_pyproject(tmp_path: Path) -> None:
    # As in ruff (`ignore = ["F"]` in config, `--select F401` on the command line
    # reports F401): the command line's selection comes last, whatever the prefix.
    write_tree(tmp_path, {"options.py": OPTIONS})
    _pyproject(tmp_path, 'ignore = ["UNB1"]')
    assert _codes(tmp_path, "--select", "UNB100") == {"both": {"UNB100"}}


def test_extend_blocking_calls_in_pyproject(tmp_path: Path) -> None:
    source = _lf(
        "import acme\n"
        "from fastapi import FastAPI\n"
        "\n"
        "app = FastAPI()\n"
        "\n"
        "\n"
        '@app.get("/")\n'
        "async def index():\n"
        "    return acme.fetch()\n"
    )
    write_tree(tmp_path, {"options.py": source})
    assert _findings(tmp_path) == {}
    _pyproject(tmp_path, 'extend-blocking-calls = { "acme.fetch" = "http" }')
    found = _findings(tmp_path)
    assert list(found) == ["index"]
    assert [(c["name"], c["code"]) for c in found["index"]["calls"]] == [("acme.fetch", "UNB110")]


@pytest.mark.parametrize(
    ("table", "hint"),
    [
        ('ignor = ["UNB100"]', "did you mean 'ignore'"),
        ('ignore = ["UNB999"]', "UNB999"),
        ('all-async = "yes"', "all-async"),
    ],
    ids=["unknown-key", "unknown-code", "wrong-type"],
)
def test_a_broken_pyproject_table_stops_the_run_with_exit_2(
    tmp_path: Path, table: str, hint: str
) -> None:
    write_tree(tmp_path, {"plain.py": PLAIN})
    _pyproject(tmp_path, table)
    for args in (["--apply"], ["--format", "json"], ["--no-color"]):
        proc = cli(*args, ".", cwd=tmp_path)
        assert proc.returncode == 2, explain(proc)
        assert proc.stdout == b"", explain(proc)
        assert b"pyproject.toml" in proc.stderr and hint.encode() in proc.stderr, explain(proc)
    assert (tmp_path / "plain.py").read_bytes() == PLAIN


def test_jobs_give_the_same_result_in_parallel(tmp_path: Path) -> None:
    # Enough files for the process pool to be used.
    files = {
        f"pkg{i // 20}/m{i:03}.py": OPTIONS.replace(b"hits = 0", f"hits = {i}".encode())
        for i in range(60)
    }
    write_tree(tmp_path / "one", files)
    write_tree(tmp_path / "four", files)
    serial = cli("--format", "json", "-j", "1", ".", cwd=tmp_path / "one")
    parallel = cli("--format", "json", "--jobs", "4", ".", cwd=tmp_path / "four")
    assert serial.returncode == parallel.returncode == 1, explain(parallel)
    assert serial.stdout == parallel.stdout
    applied = cli("--apply", "-j", "4", ".", cwd=tmp_path / "four")
    assert applied.returncode == 1, explain(applied)  # count() needs --unsafe-fixes
    assert all(b"\ndef both(" in path.read_bytes() for path in (tmp_path / "four").rglob("*.py"))
    assert not list((tmp_path / "four").rglob("*.unblock-tmp"))


# -- git and batch mode ---------------------------------------------------------------------


def _repository(root: Path, files: Mapping[str, bytes]) -> None:
    """A git repository at ``root`` with ``files`` committed on its default branch."""
    root.mkdir(parents=True, exist_ok=True)
    write_tree(root, files)
    for args in (["init", "-q", "."], ["add", "-A"], ["commit", "-q", "-m", "initial"]):
        done = git(*args, cwd=root)
        assert done.returncode == 0, done.stderr.decode()


def git_cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return cli(*args, cwd=cwd, env=GIT_ENV)


def test_apply_refuses_files_with_uncommitted_changes(tmp_path: Path) -> None:
    _repository(tmp_path, {"plain.py": PLAIN, "crlf.py": CRLF})
    edited = PLAIN + b"# work in progress\n"
    (tmp_path / "plain.py").write_bytes(edited)
    (tmp_path / "new.py").write_bytes(NO_NEWLINE)  # untracked counts as uncommitted too
    refused = git_cli("--apply", ".", cwd=tmp_path)
    assert refused.returncode == 2, explain(refused)
    assert b"uncommitted changes" in refused.stderr and b"plain.py" in refused.stderr
    assert b"new.py" in refused.stderr
    # Nothing is written, not even the clean, committed file that has a fix.
    assert (tmp_path / "plain.py").read_bytes() == edited
    assert (tmp_path / "crlf.py").read_bytes() == CRLF

    allowed = git_cli("--apply", "--allow-dirty", ".", cwd=tmp_path)
    assert allowed.returncode == 0, explain(allowed)
    assert (tmp_path / "plain.py").read_bytes() == fixed(
        "plain.py", PLAIN
    ) + b"# work in progress\n"
    assert (tmp_path / "crlf.py").read_bytes() == fixed("crlf.py", CRLF)


@pytest.mark.parametrize("args", [["--allow-dirty"], ["--commit"], ["--apply", "--branch", "x"]])
def test_batch_flags_without_their_companion_are_usage_errors(
    tmp_path: Path, args: list[str]
) -> None:
    write_tree(tmp_path, {"plain.py": PLAIN})
    proc = cli(*args, ".", cwd=tmp_path)
    assert proc.returncode == 2, explain(proc)
    assert proc.stdout == b""
    assert (tmp_path / "plain.py").read_bytes() == PLAIN


def test_commit_puts_the_fixes_on_a_new_branch_only(tmp_path: Path) -> None:
    _repository(tmp_path, {"plain.py": PLAIN, "crlf.py": CRLF, "clean.py": CLEAN})
    head = git("rev-parse", "HEAD", cwd=tmp_path).stdout
    proc = git_cli("--apply", "--commit", "--branch", "unblock/test", ".", cwd=tmp_path)
    assert proc.returncode == 0, explain(proc)
    # The working tree, the index and the current branch are as they were.
    assert (tmp_path / "plain.py").read_bytes() == PLAIN
    assert git("status", "--porcelain", cwd=tmp_path).stdout == b""
    assert git("rev-parse", "HEAD", cwd=tmp_path).stdout == head
    for name, data in (("plain.py", PLAIN), ("crlf.py", CRLF), ("clean.py", CLEAN)):
        shown = git("show", f"unblock/test:{name}", cwd=tmp_path)
        assert shown.stdout == fixed(name, data), name
    assert git("rev-parse", "unblock/test~1", cwd=tmp_path).stdout == head  # one commit
    again = git_cli("--apply", "--commit", "--branch", "unblock/test", ".", cwd=tmp_path)
    assert again.returncode == 2 and b"already exists" in again.stderr, explain(again)


def test_changed_since_limits_the_run_to_changed_files(tmp_path: Path) -> None:
    _repository(tmp_path, {"plain.py": PLAIN, "crlf.py": CRLF})
    (tmp_path / "crlf.py").write_bytes(CRLF + b"# touched\r\n")
    found = json_of(git_cli("--format", "json", "--changed-since", "HEAD", ".", cwd=tmp_path))
    assert [f["path"] for f in found["findings"]] == ["crlf.py"]
    outside = tmp_path / "outside"
    write_tree(outside, {"plain.py": PLAIN})
    proc = cli("--changed-since", "HEAD", ".", cwd=outside.parent.parent)
    assert proc.returncode == 2, explain(proc)


def test_exclude_flag_and_table(tmp_path: Path) -> None:
    files = {"app/plain.py": PLAIN, "migrations/m1.py": PLAIN, "app/api_pb2.py": PLAIN}
    write_tree(tmp_path, files)
    flagged = cli(
        "--format", "json", "--exclude", "migrations/", "--exclude", "*_pb2.py", ".", cwd=tmp_path
    )
    assert {f["path"] for f in json_of(flagged)["findings"]} == {"app/plain.py"}
    _pyproject(tmp_path, 'exclude = ["migrations/", "*_pb2.py"]')
    applied = cli("--apply", ".", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)
    assert (tmp_path / "app/plain.py").read_bytes() == fixed("plain.py", PLAIN)
    assert (tmp_path / "migrations/m1.py").read_bytes() == PLAIN
    assert (tmp_path / "app/api_pb2.py").read_bytes() == PLAIN


def test_generated_files_are_left_alone(tmp_path: Path) -> None:
    generated = b"# This file is @" + b"generated by a tool; do not edit.\n" + PLAIN
    write_tree(tmp_path, {"gen.py": generated, "plain.py": PLAIN})
    document = json_of(cli("--format", "json", ".", cwd=tmp_path))
    assert {f["path"] for f in document["findings"]} == {"plain.py"}
    assert sum(document["summary"]["skipped"].values()) == 1
    applied = cli("--apply", ".", cwd=tmp_path)
    assert applied.returncode == 0, explain(applied)
    assert (tmp_path / "gen.py").read_bytes() == generated


def test_quiet_prints_the_patch_and_nothing_on_stderr(tmp_path: Path) -> None:
    write_tree(tmp_path, {"plain.py": PLAIN, "unfixable.py": UNFIXABLE})
    loud = cli("--no-color", ".", cwd=tmp_path)
    quiet = cli("--no-color", "-q", ".", cwd=tmp_path)
    assert quiet.returncode == loud.returncode == 1
    assert quiet.stdout == loud.stdout and quiet.stdout
    assert quiet.stderr == b"" and loud.stderr


def test_a_path_outside_the_current_git_repository_is_analysed(tmp_path: Path) -> None:
    # Run from inside one repository on a folder that is not in it (another
    # checkout, or no repository at all): the folder is analysed all the same.
    _repository(tmp_path / "here", {"README.md": b"here\n"})
    _repository(tmp_path / "other", {"plain.py": PLAIN})
    write_tree(tmp_path / "plain-folder", {"plain.py": PLAIN})
    for target in ("../other", "../plain-folder"):
        proc = git_cli("--format", "json", target, cwd=tmp_path / "here")
        assert proc.returncode == 1, explain(proc)
        assert [f["function"] for f in json_of(proc)["findings"]] == ["weather", "uptime"]


# -- version and help -----------------------------------------------------------------------


def _project_version() -> str:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    return str(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    )


def test_python_m_codemods_version(tmp_path: Path) -> None:
    proc = cli("--version", cwd=tmp_path)
    assert proc.returncode == 0, explain(proc)
    assert proc.stdout.decode().strip() == f"fastapi-unblock, version {codemods.__version__}"
    assert codemods.__version__ == _project_version()


def _installed_script() -> str:
    scripts = sysconfig.get_path("scripts")
    found = shutil.which("fastapi-unblock", path=scripts) or shutil.which("fastapi-unblock")
    if found is None:
        pytest.fail("the fastapi-unblock script is not installed (pip install -e '.[test]')")
    return found


def test_installed_script_help(tmp_path: Path) -> None:
    proc = subprocess.run(
        [_installed_script(), "--help"],
        cwd=tmp_path,
        env=_environment(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, explain(proc)
    text = proc.stdout.decode()
    assert text.startswith("Usage: fastapi-unblock [OPTIONS] [PATHS]...")
    for option in (
        "--apply",
        "--format",
        "--no-color",
        "--all-async",
        "--unsafe-fixes",
        "--select",
        "--ignore",
        "--jobs",
        "--version",
        "--help",
    ):
        assert option in text, option


def test_python_m_codemods_help_names_the_command(tmp_path: Path) -> None:
    proc = cli("-h", cwd=tmp_path)
    assert proc.returncode == 0, explain(proc)
    assert proc.stdout.decode().startswith("Usage: fastapi-unblock ")


# -- the shipped example (README's first command) -------------------------------------------

EXAMPLE_FINDINGS = {
    "shop/main.py": {"ready": "convert-to-def"},
    "shop/catalog.py": {"list_products": "convert-to-def", "price": "convert-to-def"},
    "shop/orders.py": {
        "checkout": "convert-to-def",
        "invoice": "convert-to-def",
        "add_note": "wrap-in-threadpool",  # awaits, then blocks: cannot become `def`
        "upload_receipt": "none",
    },
}


def test_the_shipped_example(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "shop", ignore=shutil.ignore_patterns("__pycache__"))
    dry = cli("--format", "json", "shop", cwd=tmp_path)
    assert dry.returncode == 1, explain(dry)
    found: dict[str, dict[str, str]] = {}
    for finding in json_of(dry)["findings"]:
        found.setdefault(finding["path"], {})[finding["function"]] = finding["fix"]["strategy"]
    assert found == EXAMPLE_FINDINGS
    codes = {call["code"] for f in json_of(dry)["findings"] for call in f["calls"]}
    assert codes == {"UNB100", "UNB110", "UNB120", "UNB130"}

    applied = cli("--apply", "shop", cwd=tmp_path)
    assert applied.returncode == 1, explain(applied)  # upload_receipt has no fix
    assert b"upload_receipt" in applied.stderr
    orders = (tmp_path / "shop" / "orders.py").read_text(encoding="utf-8")
    assert "async def add_note(" in orders and "await run_in_threadpool(" in orders
    after = json_of(cli("--format", "json", "shop", cwd=tmp_path))["findings"]
    assert [(f["function"], f["fix"]["strategy"]) for f in after] == [("upload_receipt", "none")]


def test_the_fixed_example_still_serves(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    shutil.copytree(EXAMPLE, tmp_path / "shop", ignore=shutil.ignore_patterns("__pycache__"))
    applied = cli("--apply", "shop", cwd=tmp_path)
    assert applied.returncode == 1, explain(applied)
    script = (
        "import warnings; warnings.simplefilter('ignore')\n"
        "from fastapi.testclient import TestClient\n"
        "from shop.main import app\n"
        "client = TestClient(app)\n"
        "assert client.get('/health').json() == {'status': 'ok'}\n"
        "skus = [p['sku'] for p in client.get('/products').json()]\n"
        "assert skus == ['MUG-01', 'TEE-02', 'BAG-03']\n"
        "assert client.get('/orders/A-1001').json()['status'] == 'paid'\n"
        "print('served')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=_environment(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout.strip() == b"served", explain(proc)


def test_readme_quick_start_shows_real_output() -> None:
    # README's first command runs on examples/shop: its excerpts of the output
    # must be what the tool prints today (update README.md when this fails).
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Quick start") : readme.index("## Run the tests")]
    diff_block = section.split("```diff\n", 1)[1].split("```", 1)[0]
    text_block = section.split("```text\n", 1)[1].split("```", 1)[0]
    proc = cli("--no-color", "examples/shop", cwd=ROOT)
    assert proc.returncode == 1, explain(proc)
    patch, summary = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    for excerpt in diff_block.split("...\n"):
        assert excerpt in patch, f"README's patch excerpt is out of date:\n{excerpt}"
    for line in text_block.splitlines():
        shown = line.split("...", 1)[0]
        assert shown in summary, f"README's summary excerpt is out of date:\n{line}"
