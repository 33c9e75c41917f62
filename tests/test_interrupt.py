"""Interruption: SIGINT or SIGTERM at any moment never leaves a half-written file.

A tree of 2000 small fixable modules (a handful of templates) is fixed by a
REAL ``python -m codemods <tree> --apply --no-cache`` process, which is killed
at several moments: during start-up and analysis (0.2 s, 0.5 s, 1 s) and once
it has started writing (detected by polling the folders' modification times:
the first temporary file changes its folder's), right then and a little later.
SIGINT goes to the whole process group (what Ctrl-C in a terminal does, the
worker processes get it too); SIGTERM to the main process only (what ``kill
PID``, a CI runner's timeout or ``docker stop`` does).

After each kill:

* every file is exactly the original bytes or exactly the fully rewritten ones
  (the rewrite is computed once per template with ``analyse_source``);
* no temporary file is left (``*.unblock-tmp``, cache ``.entry-*``) and every
  cache entry (``*.pickle``) loads;
* killed while writing, the exit status is 130 (SIGINT) or 143 (SIGTERM) and
  stderr lists what was and was not rewritten, which must match the disk;
* if the run finished before the signal arrived (a fast machine), status 0 is
  accepted and the test says so in its output (``-rP`` / ``-s`` shows it).

Output goes to files, not pipes: a leftover worker process holding a pipe open
would make the test wait forever. Every process left in the run's process
group is killed at the end of each test (the group is the one this test
started).
"""

from __future__ import annotations

import os
import pickle
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from codemods import runner
from codemods.api import analyse_source

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and process groups")

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = 20
PER_FOLDER = 100  # 2000 files

TEMPLATES = (
    # convert-to-def
    (
        "import time\n\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
        '@app.get("/ping")\nasync def ping():\n    time.sleep(0.1)\n    return {"pong": True}\n'
    ),
    # wrap-in-threadpool (must stay async: it awaits the body); adds an import
    (
        "from fastapi import FastAPI, Request\n\napp = FastAPI()\n\n\n"
        '@app.post("/note")\nasync def note(request: Request):\n    body = await request.body()\n'
        '    with open("notes.txt", "ab") as handle:\n        handle.write(body)\n    return {"ok": True}\n'
    ),
    # two handlers on a router, CRLF newlines
    ("import subprocess\n\nimport requests\nfrom fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
     '@router.get("/weather")\nasync def weather(city: str):\n'
     '    return requests.get("https://weather.example/api", params={"q": city}).json()\n\n\n'
     '@router.get("/uptime")\nasync def uptime():\n    return subprocess.run(["uptime"], capture_output=True).stdout\n'
     ).replace("\n", "\r\n"),
    # a UTF-8 BOM and non-ASCII text
    (
        "\ufeffimport time, fastapi\napp = fastapi.FastAPI()\n"
        '@app.get("/caf\u00e9")\nasync def cafe():\n    time.sleep(0.1)\n    return {"name": "Caf\u00e9 No\u00ebl"}\n'
    ),
)


@dataclass(frozen=True)
class Template:
    original: bytes
    rewritten: bytes


def _template(text: str) -> Template:
    original = text.encode("utf-8")
    body = text.removeprefix("\ufeff")
    result = analyse_source(body, "module.py")
    assert result.error is None and result.new_text is not None and result.new_text != body, result
    prefix = "\ufeff" if text.startswith("\ufeff") else ""
    return Template(original, (prefix + result.new_text).encode("utf-8"))


@pytest.fixture(scope="module")
def templates() -> tuple[Template, ...]:
    return tuple(_template(text) for text in TEMPLATES)


def _relative(index: int) -> str:
    return f"pkg{index // PER_FOLDER:02d}/mod{index % PER_FOLDER:03d}.py"


def build_tree(root: Path, templates: tuple[Template, ...]) -> dict[str, Template]:
    expected = {}
    for index in range(FOLDERS * PER_FOLDER):
        relative = _relative(index)
        template = templates[index % len(templates)]
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(template.original)
        expected[relative] = template
    return expected


@dataclass
class Killed:
    status: int
    stderr: str
    #: Whether the run had already ended when the signal was to be sent.
    finished_first: bool
    #: Whether a write had been seen before the signal was sent.
    writing: bool
    orphans: list[str]


def _folder_times(tree: Path) -> dict[Path, int]:
    return {folder: folder.stat().st_mtime_ns for folder in tree.iterdir() if folder.is_dir()}


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - the group is ours
        return True
    return True


def _group_members(group: int) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else []:
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
                found.append(f"{entry.name}: {command}")
        except (OSError, IndexError, ValueError):
            continue
    return found or ["(a process of the group is alive)"]


def kill_run(tmp_path: Path, tree: Path, number: int, moment: str, *, use_cache: bool = False,
             to_group: bool | None = None) -> Killed:
    """Start the real command on ``tree``, signal it at ``moment``, wait for it."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env["FASTAPI_UNBLOCK_CACHE_DIR"] = str(tmp_path / "cache")
    args = [sys.executable, "-m", "codemods", str(tree), "--apply"] + ([] if use_cache else ["--no-cache"])
    if to_group is None:
        to_group = number == signal.SIGINT  # Ctrl-C signals the group; `kill PID` the process
    before = _folder_times(tree)
    with open(tmp_path / "stdout", "wb") as out, open(tmp_path / "stderr", "wb") as err:
        # A test run started in the background by a non-interactive shell inherits SIGINT ignored,
        # and Python keeps an inherited SIG_IGN: the tool gets the disposition a terminal gives it.
        previous = signal.signal(signal.SIGINT, signal.SIG_DFL)
        try:
            process = subprocess.Popen(args, cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                       stderr=err, start_new_session=True)
        finally:
            signal.signal(signal.SIGINT, previous)
    group = process.pid
    try:
        start = time.monotonic()
        writing = False
        if moment.startswith("writing"):
            while process.poll() is None and _folder_times(tree) == before:
                if time.monotonic() - start > 240:
                    raise AssertionError("the run never started writing")
                time.sleep(0.002)
            writing = process.poll() is None
            extra = float(moment.partition("+")[2] or 0)
            if extra:
                time.sleep(extra)
        else:
            time.sleep(float(moment))
        finished_first = process.poll() is not None
        if not finished_first:
            (os.killpg if to_group else os.kill)(group if to_group else process.pid, number)
        status = process.wait(timeout=240)
        # Worker processes must not outlive the main one.
        deadline = time.monotonic() + 5
        while _group_alive(group) and time.monotonic() < deadline:
            time.sleep(0.05)
        orphans = _group_members(group) if _group_alive(group) else []
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if _group_alive(group):
            os.killpg(group, signal.SIGKILL)
    stderr = (tmp_path / "stderr").read_text("utf-8", "replace")
    return Killed(status, stderr, finished_first, writing, orphans)


def check_files(tree: Path, expected: dict[str, Template]) -> tuple[set[str], set[str]]:
    """Every file is the original or the full rewrite; returns (rewritten, untouched)."""
    rewritten, untouched, broken = set(), set(), []
    for relative, template in expected.items():
        data = (tree / relative).read_bytes()
        if data == template.rewritten:
            rewritten.add(relative)
        elif data == template.original:
            untouched.add(relative)
        else:
            broken.append(relative)
    assert broken == [], f"{len(broken)} files are neither the original nor the rewrite: {broken[:5]}"
    present = {p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file()}
    extra = sorted(present - set(expected))
    assert present >= set(expected)
    assert extra == [], f"unexpected files left: {extra[:10]}"
    return rewritten, untouched


def check_cache(folder: Path) -> None:
    if not folder.exists():
        return
    assert [p.name for p in folder.iterdir() if p.name.startswith(".entry-")] == []
    for entry in folder.glob("*.pickle"):
        with open(entry, "rb") as handle:
            pickle.load(handle)


_LISTED = re.compile(r"^\s*(not rewritten|rewritten) \((\d+)\): (.*)$", re.MULTILINE)


def listed(stderr: str, tree_name: str) -> dict[str, set[str]]:
    """The interrupted run's lists, as paths relative to the tree."""
    found: dict[str, set[str]] = {}
    for kind, count, names in _LISTED.findall(stderr):
        paths = set() if names.strip() == "-" else {n.strip() for n in names.split(", ")}
        assert len(paths) == int(count), (kind, count, len(paths))
        found[kind] = {p.removeprefix(f"{tree_name}/") for p in paths}
    return found


@pytest.fixture
def tree(tmp_path: Path, templates: tuple[Template, ...]) -> Iterator[tuple[Path, dict[str, Template]]]:
    root = tmp_path / "tree"
    yield root, build_tree(root, templates)


SIGNALS = {"SIGINT": signal.SIGINT, "SIGTERM": signal.SIGTERM}
#: What a process killed before its write phase may answer: its own status for the signal,
#: death by the signal itself (start-up; SIGTERM before its handler is set), click's
#: "Aborted!" (1) for a Ctrl-C while click parses the arguments.
EARLY = {signal.SIGINT: {130, -signal.SIGINT, 1}, signal.SIGTERM: {143, -signal.SIGTERM}}


@pytest.mark.parametrize("moment", ["0.2", "0.5", "1.0", "writing", "writing+0.5"])
@pytest.mark.parametrize("name", list(SIGNALS))
def test_a_killed_run_leaves_every_file_whole(tmp_path: Path, tree: tuple[Path, dict[str, Template]],
                                              name: str, moment: str) -> None:
    root, expected = tree
    number = SIGNALS[name]
    killed = kill_run(tmp_path, root, number, moment)
    rewritten, untouched = check_files(root, expected)
    check_cache(tmp_path / "cache")
    note = f"{name} at {moment}: exit {killed.status}, {len(rewritten)} rewritten, {len(untouched)} untouched"
    print(note)
    if killed.finished_first:
        # The machine was fast enough to finish first: the run is a complete, normal one.
        print(f"NOTE: the run finished before {name} was sent ({note})")
        assert killed.status == 0, killed.stderr
        assert untouched == set()
        return
    stopped = 128 + number
    if killed.writing:
        if killed.status == -number and untouched == set():
            print(f"NOTE: {name} arrived after the last write, before the handler was restored")
            return
        assert killed.status == stopped, f"{note}\n{killed.stderr}"
    else:
        assert killed.status in EARLY[number] | {stopped}, f"{note}\n{killed.stderr}"
    if killed.status == stopped and "rewritten (" in killed.stderr:
        # Stopped while writing: stderr says what was done, and it is what the disk holds.
        lists = listed(killed.stderr, root.name)
        assert lists.get("rewritten") == rewritten, note
        assert lists.get("not rewritten") == untouched, note
        assert "every file is either unchanged or fully rewritten" in killed.stderr
    elif killed.status == stopped:
        assert rewritten == set(), f"{note}: files were written but stderr does not list them\n{killed.stderr}"
        assert "before anything was written" in killed.stderr, killed.stderr
    if killed.writing:
        assert "rewritten (" in killed.stderr, f"{note}: no summary of what was applied\n{killed.stderr}"


@pytest.mark.parametrize("moment", ["1.0", "writing"])
def test_a_killed_run_with_the_cache_leaves_no_half_written_entry(
    tmp_path: Path, tree: tuple[Path, dict[str, Template]], moment: str
) -> None:
    root, expected = tree
    killed = kill_run(tmp_path, root, signal.SIGTERM, moment, use_cache=True)
    check_files(root, expected)
    check_cache(tmp_path / "cache")
    assert killed.status in {0, 143, -signal.SIGTERM}, killed.stderr


def test_sigterm_during_analysis_leaves_no_worker_process_behind(
    tmp_path: Path, tree: tuple[Path, dict[str, Template]]
) -> None:
    root, expected = tree
    killed = kill_run(tmp_path, root, signal.SIGTERM, "1.0", to_group=False)
    check_files(root, expected)
    assert not killed.finished_first
    assert killed.orphans == [], "\n".join(killed.orphans)


def test_an_uninterrupted_run_rewrites_every_file(tmp_path: Path, tree: tuple[Path, dict[str, Template]]) -> None:
    """The control: the expected rewrites are what the real run writes."""
    root, expected = tree
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env["FASTAPI_UNBLOCK_CACHE_DIR"] = str(tmp_path / "cache")
    done = subprocess.run([sys.executable, "-m", "codemods", "tree", "--apply", "--no-cache"], cwd=tmp_path,
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    rewritten, untouched = check_files(root, expected)
    assert (len(rewritten), untouched) == (len(expected), set())


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_a_signal_right_after_the_temporary_file_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: str
) -> None:
    """In-process: the signal is simulated by raising what its handler raises as mkstemp returns."""
    template = _template(TEMPLATES[0])
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "proj" / "mod.py").write_bytes(template.original)
    real = os.open

    def interrupted_open(name: str, flags: int, mode: int = 0o777, **kwargs: object) -> int:
        handle = real(name, flags, mode, **kwargs)  # type: ignore[arg-type]
        if not str(name).endswith(".unblock-tmp"):
            return handle
        os.close(handle)
        assert os.path.exists(name)  # the temporary file exists when the "signal" lands
        if stop == "SIGINT":
            raise KeyboardInterrupt
        raise runner._Terminated(signal.SIGTERM)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FASTAPI_UNBLOCK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(os, "open", interrupted_open)  # how runner._atomic_write creates its temporary file
    with pytest.raises(runner.Interrupted) as raised:
        runner.run(runner.RunOptions(paths=(Path("proj"),), apply=True, jobs=1, use_cache=False))
    assert raised.value.written == []
    assert (tmp_path / "proj" / "mod.py").read_bytes() == template.original
    assert sorted(p.name for p in (tmp_path / "proj").iterdir()) == ["mod.py", "pyproject.toml"]


def test_a_ctrl_c_after_the_last_write_does_not_claim_nothing_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from codemods.cli import main

    template = _template(TEMPLATES[0])
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "proj" / "mod.py").write_bytes(template.original)
    real = runner._write_all

    def then_ctrl_c(changed: list[tuple[Path, runner.Outcome]], *rest: Any) -> dict[Path, runner.Outcome]:
        real(changed, *rest)
        raise KeyboardInterrupt  # the signal lands right after the last write

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FASTAPI_UNBLOCK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(runner, "_write_all", then_ctrl_c)
    result = CliRunner().invoke(main, ["--apply", "--no-cache", "proj"])
    assert (tmp_path / "proj" / "mod.py").read_bytes() == template.rewritten
    assert result.exit_code == 130
    assert "before anything was written" not in result.output, result.output
    assert "rewritten (1): proj/mod.py" in result.output, result.output


@pytest.mark.parametrize(("stop", "status"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_that_lands_while_a_class_is_made_still_stops_the_run_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: str, status: int
) -> None:
    """A SIGTERM during the import of a module the run loads on demand (the handler raised
    inside a ``cached_property``'s ``__set_name__``) reached the command as Python's
    ``RuntimeError("Error calling __set_name__ ...")``: exit 1 and a traceback instead of 143."""
    from click.testing import CliRunner

    from codemods.cli import main

    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    signalled: BaseException = runner._Terminated(signal.SIGTERM) if stop == "SIGTERM" else KeyboardInterrupt()

    def wrapped(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("Error calling __set_name__ on 'cached_property' instance") from signalled

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner, "run", wrapped)
    result = CliRunner().invoke(main, ["--no-cache", "proj"])
    assert result.exit_code == status, result.output
    assert f"interrupted ({stop}) before anything was written" in result.output, result.output


def test_an_unrelated_runtime_error_is_not_taken_for_a_signal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    from click.testing import CliRunner

    from codemods.cli import main

    (tmp_path / "proj").mkdir()

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("a bug of ours")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner, "run", broken)
    result = CliRunner().invoke(main, ["--no-cache", "proj"])
    assert result.exit_code not in (130, 143) and isinstance(result.exception, RuntimeError), result.output


def test_a_ctrl_c_the_interpreter_dropped_still_stops_the_run_before_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SIGINT landing in a callback Python cannot raise from (the import lock's, at start-up)
    is printed and dropped; the handler noted it, and the write phase stops on the note."""
    from codemods import interrupts

    template = _template(TEMPLATES[0])
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "proj" / "mod.py").write_bytes(template.original)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FASTAPI_UNBLOCK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(interrupts, "_received", False)  # put back after the test
    with pytest.raises(KeyboardInterrupt):
        interrupts._note_and_raise(signal.SIGINT, None)  # what the handler does; the raise is then lost
    assert interrupts.interrupted()
    with pytest.raises(runner.Interrupted) as raised:
        runner.run(runner.RunOptions(paths=(Path("proj"),), apply=True, jobs=1, use_cache=False))
    assert raised.value.written == []
    assert (tmp_path / "proj" / "mod.py").read_bytes() == template.original
