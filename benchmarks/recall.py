"""Score fastapi-unblock against the hand-labelled sample in ``benchmarks/recall/labels``.

Two steps, both run by hand (the applications are not part of this repository):

    python benchmarks/recall.py checkout --into /tmp/recall-apps [--mirrors DIR]
    python benchmarks/recall.py score --checkouts /tmp/recall-apps [--held-out exclude|only|include]
    python benchmarks/recall.py roundtrip --checkouts /tmp/recall-apps

``checkout`` makes one folder per labelled application, ``<owner>__<name>``: a
clone of a local mirror at the pinned commit (``--mirrors``: a folder of
``<owner>+<name>/repo`` git directories, as the project's ``fetch`` tool leaves
them), or, for ``pypi:NAME``, the published wheel at the pinned version,
unpacked. ``score`` runs the tool once per application over the whole folder
(``--format json --no-cache``), matches its findings to the labels by path and
function (or line), and prints per application and in total: recall (blocking
callables reported), precision (reported callables that are labelled blocking),
each miss with its labelled chain, and each false alarm with the tool's calls.
Findings on callables nobody labelled are not scored. ``roundtrip`` runs
``--apply`` on a copy of each checkout and checks that every rewritten file
compiles and that a second ``--apply`` changes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "recall" / "labels"
REPOSITORY_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class App:
    label_file: Path
    repository: str
    commit: str
    held_out: bool
    handlers: list[dict[str, object]]

    @property
    def folder_name(self) -> str:
        return self.label_file.stem

    @classmethod
    def load(cls, path: Path) -> App:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(path, data["repository"], data["commit"], bool(data.get("held_out")), data["handlers"])


@dataclass
class Score:
    blocking: int = 0
    found: int = 0
    flagged: int = 0
    false_alarms: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, other: Score) -> None:
        self.blocking += other.blocking
        self.found += other.found
        self.flagged += other.flagged
        self.false_alarms += other.false_alarms

    @property
    def recall(self) -> float:
        return self.found / self.blocking if self.blocking else 1.0

    @property
    def precision(self) -> float:
        return (self.flagged - self.false_alarms) / self.flagged if self.flagged else 1.0


def load_apps(held_out: str, names: list[str] | None = None) -> list[App]:
    apps = [App.load(p) for p in sorted(LABELS.glob("*.json"))]
    if names:
        apps = [a for a in apps if any(n.lower() in a.folder_name.lower() for n in names)]
    if held_out == "exclude":
        return [a for a in apps if not a.held_out]
    if held_out == "only":
        return [a for a in apps if a.held_out]
    return apps


# -- checkouts ------------------------------------------------------------------
def _unpack_published(requirement: str, scratch: Path, target: Path) -> None:
    """The wheel of ``requirement`` unpacked into ``target``; for a version published only as an
    sdist (llama-cpp-python builds its wheels on install), the sdist's one top folder instead."""
    download = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(scratch), requirement]
    if subprocess.run([*download, "--only-binary", ":all:"], check=False).returncode == 0:
        with zipfile.ZipFile(next(scratch.glob("*.whl"))) as archive:
            archive.extractall(target)
        return
    subprocess.run([*download, "--no-binary", ":all:"], check=True)
    with tarfile.open(next(scratch.glob("*.tar.gz"))) as archive:
        archive.extractall(scratch / "sdist", filter="data")
    (top,) = (scratch / "sdist").iterdir()
    shutil.move(top, target)


def checkout(app: App, into: Path, mirrors: Path) -> None:
    target = into / app.folder_name
    if target.exists():
        print(f"{app.folder_name}: already there")
        return
    if app.repository.startswith("pypi:"):
        name = app.repository.removeprefix("pypi:")
        with tempfile.TemporaryDirectory() as scratch:
            _unpack_published(f"{name}=={app.commit}", Path(scratch), target)
        # A wheel has no project marker; the unpacked folder is the project.
        (target / "pyproject.toml").write_text(f'[project]\nname = "{name}"\n', encoding="utf-8")
    else:
        mirror = mirrors / app.repository.replace("/", "+") / "repo"
        subprocess.run(["git", "clone", "-q", "--no-checkout", str(mirror), str(target)], check=True)
        # Only Python sources and project markers: a mirror may lack its largest files.
        subprocess.run(["git", "-C", str(target), "sparse-checkout", "set", "--no-cone", "*.py", "*.toml",
                        "*.cfg", ".gitignore"], check=True)
        subprocess.run(["git", "-C", str(target), "checkout", "-q", app.commit], check=True)
    print(f"{app.folder_name}: {target}")


# -- scoring ----------------------------------------------------------------------
def run_tool(folder: Path, extra: list[str], tool_root: Path = REPOSITORY_ROOT) -> tuple[dict[str, object], float]:
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "codemods", "--format", "json", "--no-cache", "-q", *extra, "."],
        cwd=folder, capture_output=True, text=True, check=False,
        env={**{k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}, "PYTHONPATH": str(tool_root)},
    )
    elapsed = time.perf_counter() - started
    if completed.returncode not in (0, 1, 2) or not completed.stdout:
        raise RuntimeError(f"{folder}: exit {completed.returncode}\n{completed.stderr[-2000:]}")
    return json.loads(completed.stdout), elapsed


def score_app(app: App, folder: Path, extra: list[str], tool_root: Path = REPOSITORY_ROOT) -> Score:
    try:
        report, elapsed = run_tool(folder, extra, tool_root)
    except RuntimeError as error:  # the run stopped (an older build, a configuration error): nothing found
        print(f"  ! {app.folder_name}: {str(error).splitlines()[-1][:200]}", file=sys.stderr)
        report, elapsed = {"findings": []}, 0.0
    findings = report["findings"]
    assert isinstance(findings, list)
    by_function: dict[tuple[str, str], dict[str, object]] = {}
    by_line: dict[tuple[str, int], dict[str, object]] = {}
    for finding in findings:
        path = Path(str(finding["path"])).as_posix()
        by_function[(path, str(finding["function"]))] = finding
        by_line[(path, int(finding["line"]))] = finding
    score = Score(seconds=elapsed)
    names = Counter((str(h["path"]), str(h["function"])) for h in app.handlers)
    for handler in app.handlers:
        verdict = handler["verdict"]
        if verdict == "unsure":
            continue
        path, function, line = str(handler["path"]), str(handler["function"]), int(str(handler["line"]))
        # A module may define two functions of one name (the second wins at run time): then by line only.
        finding = by_line.get((path, line))
        if finding is None and names[(path, function)] == 1:
            finding = by_function.get((path, function))
        where = f"{path}:{line} {function}"
        if verdict == "blocking":
            score.blocking += 1
            if finding is not None:
                score.found += 1
            else:
                chain = " -> ".join(str(c) for c in handler.get("chain") or [])  # type: ignore[attr-defined]
                score.misses.append(f"{where}  [{handler.get('category')}] {chain}  ({handler.get('reason')})")
        if finding is not None:
            score.flagged += 1
            if verdict == "clean":
                score.false_alarms += 1
                calls = ", ".join(f"{c['name']} via {c['via']}" for c in finding["calls"])  # type: ignore[index]
                score.alarms.append(f"{where}  tool: {calls}  (label: {handler.get('reason')})")
    return score


# -- round trip ----------------------------------------------------------------------
def _hashes(folder: Path) -> dict[Path, bytes]:
    found = {}
    for path in folder.rglob("*.py"):
        if ".git" not in path.parts:
            try:
                found[path] = path.read_bytes()
            except OSError:
                continue
    return found


def _compiles(text: bytes, path: Path) -> bool:
    try:
        compile(text, str(path), "exec", dont_inherit=True)
        return True
    except SyntaxError:
        import libcst  # syntax newer than this Python: the grammar libcst knows decides

        try:
            libcst.parse_module(text)
            return True
        except libcst.ParserSyntaxError:
            return False


def roundtrip(app: App, folder: Path, deps: list[str]) -> str:
    """``--apply`` on a copy of the checkout: every rewritten file compiles, a second run changes nothing."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / folder.name
        subprocess.run(["cp", "-a", str(folder), str(copy)], check=True)
        before = _hashes(copy)
        apply = [sys.executable, "-m", "codemods", "--apply", "--allow-dirty", "--no-cache", "-q", *deps, "."]
        env = {**{k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}, "PYTHONPATH": str(REPOSITORY_ROOT)}
        subprocess.run(apply, cwd=copy, capture_output=True, check=False, env=env)
        after = _hashes(copy)
        changed = [p for p, data in after.items() if before.get(p) != data]
        broken = [p.relative_to(copy).as_posix() for p in changed if not _compiles(after[p], p)]
        subprocess.run(apply, cwd=copy, capture_output=True, check=False, env=env)
        again = [p.relative_to(copy).as_posix() for p, data in _hashes(copy).items() if after.get(p) != data]
    return (f"{app.folder_name:40} rewritten {len(changed):4}  not compiling {len(broken):3}  "
            f"changed by a second run {len(again):3}" + "".join(f"\n    broken: {b}" for b in broken)
            + "".join(f"\n    unstable: {a}" for a in again))


ENVIRONMENTS = Path(__file__).resolve().parent / "recall" / "envs"


def make_environment(app: App, into: Path) -> None:
    """``into/<folder name>``: a virtual environment with the pinned distributions the application
    imports (``recall/envs/<folder name>.txt``, its direct dependencies as the labeller installed
    them), each without its own dependencies, wheels only. Read by the tool, never run."""
    listed = ENVIRONMENTS / f"{app.folder_name}.txt"
    target = into / app.folder_name
    if not listed.is_file() or target.exists():
        print(f"{app.folder_name}: {'already there' if target.exists() else 'no environment listed'}")
        return
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(target)], check=True)
    python = target / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-compile",
               "--only-binary", ":all:", "--disable-pip-version-check"]
    if subprocess.run([*install, "-r", str(listed)], check=False).returncode != 0:
        for line in listed.read_text(encoding="utf-8").split():  # one by one: skip what cannot install here
            subprocess.run([*install, line], check=False, capture_output=True)
    print(f"{app.folder_name}: {target}")


def _deps(envs: Path | None, app: App) -> list[str]:
    """The application's environment (``envs/<folder name>``) when there is one, else ``--no-deps``."""
    environment = envs / app.folder_name if envs is not None else None
    return ["--python", str(environment)] if environment is not None and environment.is_dir() else ["--no-deps"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("checkout", help="make the checkouts of the labelled applications")
    make.add_argument("--into", type=Path, required=True)
    make.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    make.add_argument("--app", action="append", help="only applications whose folder name contains this (repeatable)")
    make.add_argument("--held-out", choices=("exclude", "only", "include"), default="include")
    build = sub.add_parser("envs", help="make the environments of the applications that list one")
    build.add_argument("--into", type=Path, required=True)
    build.add_argument("--app", action="append", help="only applications whose folder name contains this (repeatable)")
    build.add_argument("--held-out", choices=("exclude", "only", "include"), default="include")
    run = sub.add_parser("score", help="run the tool and score it against the labels")
    run.add_argument("--checkouts", type=Path, required=True)
    run.add_argument("--app", action="append", help="only applications whose folder name contains this (repeatable)")
    run.add_argument("--held-out", choices=("exclude", "only", "include"), default="exclude")
    run.add_argument("--quiet", action="store_true", help="totals only, no misses and false alarms")
    run.add_argument("--envs", type=Path, default=None,
                     help="folder of environments, one per application (DIR/<folder name>, made with `python -m venv` "
                          "and the application's dependencies): the tool follows calls into those libraries; "
                          "applications without one, and every application without --envs, run with --no-deps")
    run.add_argument("--tool-root", type=Path, default=REPOSITORY_ROOT,
                     help="a checkout of fastapi-unblock to score instead of this one (to compare builds)")
    run.add_argument("tool_args", nargs="*", help="extra arguments for fastapi-unblock (after --)")
    trip = sub.add_parser("roundtrip", help="--apply on a copy of each checkout: compiles, and a second run is a no-op")
    trip.add_argument("--checkouts", type=Path, required=True)
    trip.add_argument("--app", action="append", help="only applications whose folder name contains this (repeatable)")
    trip.add_argument("--held-out", choices=("exclude", "only", "include"), default="include")
    trip.add_argument("--envs", type=Path, default=None, help="as for score")
    args = parser.parse_args()
    apps = load_apps(args.held_out, args.app)
    if args.command == "checkout":
        args.into.mkdir(parents=True, exist_ok=True)
        for app in apps:
            checkout(app, args.into, args.mirrors)
        return 0
    if args.command == "envs":
        args.into.mkdir(parents=True, exist_ok=True)
        for app in apps:
            make_environment(app, args.into)
        return 0
    if args.command == "roundtrip":
        for app in apps:
            if (args.checkouts / app.folder_name).is_dir():
                print(roundtrip(app, args.checkouts / app.folder_name, _deps(args.envs, app)), flush=True)
        return 0
    total = Score()
    print(f"{'application':40} {'blocking':>8} {'found':>6} {'recall':>7} {'flagged':>8} {'false':>6} "
          f"{'precision':>9} {'seconds':>8}")
    details: list[str] = []
    for app in apps:
        folder = args.checkouts / app.folder_name
        if not folder.is_dir():
            print(f"{app.folder_name:40} (no checkout: run `checkout` first)")
            continue
        score = score_app(app, folder, [*_deps(args.envs, app), *args.tool_args], args.tool_root)
        total.add(score)
        held = " (held out)" if app.held_out else ""
        print(f"{app.folder_name + held:40} {score.blocking:8} {score.found:6} {score.recall:7.1%} "
              f"{score.flagged:8} {score.false_alarms:6} {score.precision:9.1%} {score.seconds:8.2f}")
        details += [f"MISS  {app.folder_name}: {m}" for m in score.misses]
        details += [f"FALSE {app.folder_name}: {a}" for a in score.alarms]
    print(f"{'total':40} {total.blocking:8} {total.found:6} {total.recall:7.1%} {total.flagged:8} "
          f"{total.false_alarms:6} {total.precision:9.1%}")
    if not args.quiet:
        print("\n".join(["", *details]) if details else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
