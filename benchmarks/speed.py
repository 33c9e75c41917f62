"""How fast fastapi-unblock scans a real 1M+ line tree, next to ruff and libcst.

Builds (once, then reuses) a tree of pinned pure-Python packages plus a
generated FastAPI monorepo, then times on it, median of several runs:
ruff's ASYNC rules cold and with its cache, libcst's no-op codemod on a
subset (extrapolated by lines/s), fastapi-unblock cold and warm (when it has a
cache), ``fastapi-unblock --version``, and the cold run's peak memory. Prints
Markdown tables, with the ratios against the project's speed targets, on
stdout; progress goes to stderr.

    python benchmarks/speed.py                 # median of 3 runs
    python benchmarks/speed.py --runs 5 --skip-libcst
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

Output = int | IO[Any]
DEVNULL = subprocess.DEVNULL
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import monorepo_template

#: Exact versions, so every machine scans the same bytes. Pure wheels
#: (``--platform any``): the tree does not depend on the Python running this.
PINS = """
    alembic==1.20.1 anyio==4.16.0 boto3==1.44.8 botocore==1.44.8 celery==5.7.0 click==8.5.1
    django==5.2.19 docutils==0.23 fastapi==0.165.0 flask==3.1.3 httpx==0.28.1 jinja2==3.1.6
    kombu==5.7.0 networkx==3.6.1 pydantic==2.14.4 pygments==2.21.0 requests==2.34.2 rich==15.0.0
    setuptools==84.2.1 sphinx==9.0.4 sqlalchemy==2.1.9 sqlmodel==0.0.50 starlette==1.10.0
    urllib3==2.8.0 werkzeug==3.1.9
""".split()  # noqa: SIM905 (a list literal would take a line per pin)
PIP = (
    "-m pip install --quiet --disable-pip-version-check --no-deps --no-compile --only-binary=:all:"
)
PURE = "--platform any --python-version 3.11 --implementation py --abi none"
NOOP = "-m libcst.tool codemod noop.NOOPCommand"
MIN_SITE_LINES = 1_100_000
STAMP = ".bench-tree.json"
#: Folders the tool's discovery skips (README, "Which files"), besides hidden ones.
_SKIPPED = "node_modules build dist __pycache__ site-packages venv env __pypackages__"
SKIPPED = set(_SKIPPED.split())


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the tree ---------------------------------------------------------------


def python_files(root: Path) -> list[tuple[Path, int]]:
    """(file, lines) for every ``.py`` the tool would scan, in a stable order."""
    found = []
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs if not (d.startswith(".") or d in SKIPPED or d.endswith(".egg-info"))
        )
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(directory, name)
                data = path.read_bytes()
                found.append((path, data.count(b"\n") + (not data.endswith(b"\n") and bool(data))))
    return found


def build_tree(tree: Path, services: int) -> dict[str, Any]:
    """Install the pins and generate the monorepo, unless ``tree`` already has them.

    The tree is its own git repository: the tool and ruff then treat it as a
    project of its own (not part of this checkout, which ignores it), and
    git-aware discovery sees every file, since all are committed.
    """
    wanted = {"pins": PINS, "template": monorepo_template.TEMPLATE_VERSION, "services": services}
    stamp = tree / STAMP
    if stamp.exists():
        recorded: dict[str, Any] = json.loads(stamp.read_text())
        if {k: recorded.get(k) for k in wanted} == wanted:
            log(f"reusing the tree in {tree}")
            return recorded
    if tree.exists() and any(tree.iterdir()) and not stamp.exists():
        sys.exit(f"{tree} exists and is not a benchmark tree (no {STAMP}); choose another --tree")
    shutil.rmtree(tree, ignore_errors=True)
    tree.mkdir(parents=True)
    stamp.write_text(json.dumps({"building": True}))  # an interrupted build is rebuilt, not refused
    log(f"installing {len(PINS)} pinned packages into {tree / 'site'} (pip downloads: a while)")
    target = ["--target", str(tree / "site")]
    subprocess.run([sys.executable, *PIP.split(), *PURE.split(), *target, *PINS], check=True)
    site_lines = sum(lines for _, lines in python_files(tree / "site"))
    if site_lines < MIN_SITE_LINES:
        sys.exit(f"the pins have {site_lines:,} lines of Python, fewer than {MIN_SITE_LINES:,}")
    log(f"generating {services} FastAPI services in {tree / 'monorepo'}")
    known = monorepo_template.generate(tree / "monorepo", services)
    git = ["git", "-C", str(tree), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run([*git, "init", "--quiet"], check=True)
    subprocess.run([*git, "add", "--all", "--", ".", f":!{STAMP}"], check=True)
    subprocess.run([*git, "commit", "--quiet", "--no-verify", "-m", "benchmark tree"], check=True)
    recorded = {**wanted, "known": [k.__dict__ for k in known]}
    stamp.write_text(json.dumps(recorded, indent=1))
    return recorded


# --- running and timing -----------------------------------------------------


@dataclass
class Run:
    seconds: float
    returncode: int
    max_rss_mb: float  # the largest single process (sampled VmHWM with ``memory``, else ru_maxrss)
    cpu: float  # user + system seconds of the process and the workers it waited for
    tree_mb: float = 0.0  # PSS summed over the process and its workers, sampled


def _memory_of(pid: int) -> int:
    """PSS in bytes: pages shared by forked workers are split among them, not counted twice."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:  # Linux 4.14 and later
            return next(int(ln.split()[1]) * 1024 for ln in handle if ln.startswith("Pss:"))
    except (OSError, StopIteration):
        return 0


def _high_water_of(pid: int) -> int:
    """The process's peak RSS in bytes (``VmHWM``). Unlike ``ru_maxrss``, it starts again at
    ``exec``: the rusage of a child carries its parent's peak over (this script's own, 100 MB
    once the corpus is listed), which made every small application look 100 MB large."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            return next(int(ln.split()[1]) * 1024 for ln in handle if ln.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return 0


def _tree_memory_mb(root_pid: int) -> tuple[float, float]:
    """Memory of ``root_pid`` and all its descendants now, from /proc: their PSS summed, and the
    largest peak RSS among them."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, largest, stack = 0, 0, [root_pid]
    while stack:
        pid = stack.pop()
        stack += children.get(pid, [])
        total += _memory_of(pid)
        largest = max(largest, _high_water_of(pid))
    return total / 2**20, largest / 2**20


def run_once(cmd: list[str], cwd: Path, stdout: Output = DEVNULL, memory: bool = False) -> Run:
    """Wall time and peak RSS of one command (``os.wait4``: the child's own rusage)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=stdout, stderr=errors, stdin=DEVNULL)
        peak = [0.0, 0.0]  # all processes together (PSS), the largest one (peak RSS)
        done = threading.Event()

        def sample() -> None:  # every 50 ms: the workers' memory counts too, a machine holds it all
            while not done.wait(0.05):
                together, largest = _tree_memory_mb(proc.pid)
                peak[0], peak[1] = max(peak[0], together), max(peak[1], largest)

        sampler = threading.Thread(target=sample, daemon=True)
        if memory and os.path.isdir("/proc"):
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        if sampler.is_alive():
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        kib = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)
        if proc.returncode not in (0, 1):
            errors.seek(0)
            log(
                f"  warning: exit {proc.returncode} from {' '.join(cmd[:4])}...: "
                f"{errors.read().decode(errors='replace')[-600:]}"
            )
        cpu = usage.ru_utime + usage.ru_stime
        return Run(seconds, proc.returncode, peak[1] or kib / 1024, cpu, peak[0])


@dataclass
class Series:
    label: str
    lines: int  # lines of Python each run reads (0: none, as for --version)
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def spread(self) -> str:
        return f"{min(r.seconds for r in self.runs):.3f}–{max(r.seconds for r in self.runs):.3f}"


def measure(
    series: Series, cmd: list[str], cwd: Path, runs: int, prime: bool = False, memory: bool = False
) -> Series:
    """``runs`` timed runs of ``cmd``; with ``prime``, one untimed run first to fill a cache."""
    if prime:
        log(f"{series.label}: priming the cache")
        run_once(cmd, cwd)
    for i in range(runs):
        series.runs.append(run_once(cmd, cwd, memory=memory))
        log(f"{series.label}: run {i + 1}/{runs}: {series.runs[-1].seconds:.2f} s")
    return series


def executable(name: str) -> str | None:
    """A console script of this environment first, then one on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def ensure_ruff() -> str:
    """ruff from this environment, installed into it with pip if missing."""
    if executable("ruff") is None:
        log("installing ruff with pip")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "ruff"], check=True)
    return executable("ruff") or sys.exit("ruff could not be installed")


def output_of(cmd: list[str], cwd: Path | None = None) -> str:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False).stdout.strip()


def libcst_subset(files: list[tuple[Path, int]], lines: int) -> list[tuple[Path, int]]:
    """Every k-th file of the tree, so the subset mixes packages and services like the whole."""
    total = sum(n for _, n in files)
    return files[:: max(1, round(total / lines))]


# --- the report -------------------------------------------------------------


def machine() -> str:
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    names = [ln.split(":", 1)[1].strip() for ln in info.splitlines() if ln.startswith("model name")]
    cpu = f", {names[0]}" if names else ""
    nproc = output_of(["nproc"]) if shutil.which("nproc") else str(os.cpu_count())
    return (
        f"nproc {nproc}{cpu}; Python {platform.python_version()} "
        f"({platform.python_implementation()}, {platform.system()} {platform.machine()})"
    )


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "**missed**")


@dataclass
class Context:
    """What the report needs besides the timings."""

    tree: Path
    files: int
    lines: int
    site_lines: int
    services: int
    ruff_files: int
    versions: str
    runs: int
    load: float  # 1-minute load average before the first measurement


def report(
    s: dict[str, Series], ctx: Context, document: dict[str, Any], rc: int, check: str
) -> None:
    """Markdown on stdout: what was measured, then each target with its ratio."""
    lines, ruff_cold = ctx.lines, s["ruff_cold"].median
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Date: {now}  \nMachine: {machine()}  \nVersions: {ctx.versions}  ")
    after = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(
        f"Load average (1 min): {ctx.load:.2f} before, {after:.2f} after "
        "(other work skews timings)  "
    )
    print(
        f"Tree: `{ctx.tree}`: {ctx.files:,} files, {lines:,} lines of Python "
        f"({ctx.site_lines:,} in {len(PINS)} pinned packages, {lines - ctx.site_lines:,} in "
        f"{ctx.services} generated services); ruff checked {ctx.ruff_files:,} of them "
        "(and `.pyi`, `pyproject.toml` files)  "
    )
    print(
        f"Median of {ctx.runs} runs (min–max shown) of the wall time, output to /dev/null; "
        "CPU is user + system time, all processes (less sensitive to other load).\n"
    )
    print("| measurement | median (s) | min–max (s) | CPU (s) | lines/s | × ruff cold |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    rates = {key: series.lines / series.median for key, series in s.items() if series.lines}
    for key, series in s.items():
        rate = f"{rates[key]:,.0f}" if key in rates else "–"
        ratio = series.median / ruff_cold
        cells = f"{series.median:.3f} | {series.spread} | {series.cpu:.2f} | {rate} | {ratio:.2f}"
        print(f"| {series.label} | {cells} |")
        if key == "libcst":
            full = lines / rates[key]
            label = (
                f"libcst no-op, **extrapolated** to the whole tree ({lines:,} lines at that rate)"
            )
            print(f"| {label} | {full:.1f} | – | – | {rate} | {full / ruff_cold:.2f} |")
    cold, warm = s["unblock_cold"], s.get("unblock_warm")
    tree_mb = max(r.tree_mb for r in cold.runs)
    proc_mb = max(r.max_rss_mb for r in cold.runs)
    print(
        f"\nfastapi-unblock cold, peak memory: {tree_mb:.0f} MB for the process and its workers "
        f"(PSS summed, sampled every 50 ms); {proc_mb:.0f} MB RSS for the largest single process "
        f"(`/usr/bin/time -v`'s figure).  "
    )
    summary = document.get("summary", {})
    print(
        f"JSON summary: {summary.get('files_scanned', 0):,} files scanned ({lines:,} lines), "
        f"{summary.get('handlers_flagged')} handlers flagged, {summary.get('errors')} files with "
        f"errors; exit status {rc}.  "
    )
    if summary.get("files_scanned") != ctx.files:
        print(f"Note: by the documented discovery rules this script counted {ctx.files:,} files.  ")
    print(f"Sanity: {check}\n")
    cold_x, warm_x = cold.median / ruff_cold, warm.median / ruff_cold if warm else -1.0
    cst_x = rates["unblock_cold"] / rates["libcst"] if "libcst" in rates else -1.0
    ruff_cpu, libcst = s["ruff_cold"].cpu, s.get("libcst")
    cold_cpu = f"{cold_x:.2f}× (CPU: {cold.cpu / ruff_cpu:.2f}×)"
    warm_cpu = f"{warm_x:.2f}× (CPU: {warm.cpu / ruff_cpu:.2f}×)" if warm else "no cache"
    cst_cpu = (
        f"{cst_x:.2f}× (CPU: {libcst.cpu / libcst.lines / (cold.cpu / lines):.2f}×)"
        if libcst
        else "skipped"
    )
    version = s["version"].median
    checks = [
        ("cold ≤ 4× ruff cold", cold_cpu, "≤ 4×", cold_x <= 4),
        ("warm ≤ 1× ruff cold", warm_cpu, "≤ 1×", warm_x <= 1 if warm else None),
        ("≥ 20× libcst no-op's lines/s", cst_cpu, "≥ 20×", cst_x >= 20 if libcst else None),
        ("peak memory of the cold run", f"{tree_mb:.0f} MB (largest process {proc_mb:.0f} MB)",
         "< 500 MB", tree_mb < 500),
        ("`fastapi-unblock --version`", f"{version:.3f} s", "< 0.15 s", version < 0.15),
    ]  # fmt: skip
    print("| target | measured (wall; CPU) | limit | verdict (wall) |\n| --- | ---: | ---: | --- |")
    for name, measured, limit, ok in checks:
        print(f"| {name} | {measured} | {limit} | {verdict(ok)} |")


def sanity(document: dict[str, Any], known: list[dict[str, str]]) -> str:
    """Did the tool report exactly the monorepo's known blocking handlers?"""
    found = {
        (f["path"].replace(os.sep, "/").removeprefix("./"), f["function"])
        for f in document.get("findings", [])
    }
    under = {key for key in found if key[0].startswith("monorepo/")}
    expected = {(k["path"], k["function"]) for k in known}
    missing, extra = expected - under, under - expected
    text = (
        f"{len(under)} findings under monorepo/; {len(expected & under)}/{len(expected)} known "
        f"blocking handlers found, {len(missing)} missing, {len(extra)} not in the known list; "
        f"{len(found) - len(under)} findings elsewhere."
    )
    if missing:
        text += " Missing e.g.: " + ", ".join(f"`{p}:{f}`" for p, f in sorted(missing)[:3])
    return text


# --- the measurements ------------------------------------------------------


def time_ruff(ruff: str, tree: Path, lines: int, runs: int) -> tuple[Series, Series, int]:
    """The yardstick, ruff's flake8-async rules: cold, then warm from its own cache."""
    check = [ruff, "check", "--isolated", "--select", "ASYNC", "--exit-zero", "--quiet"]
    shown = output_of([*check, "--no-cache", "--show-files", "."], cwd=tree).splitlines()
    cold = Series("ruff --select ASYNC, cold (`--no-cache`)", lines)
    measure(cold, [*check, "--no-cache", "."], tree, runs)
    shutil.rmtree(tree / ".ruff_cache", ignore_errors=True)
    warm = Series("ruff --select ASYNC, warm (its cache, second run)", lines)
    measure(warm, [*check, "--cache-dir", str(tree / ".ruff_cache"), "."], tree, runs, prime=True)
    return cold, warm, sum(name.endswith(".py") for name in shown)


def time_libcst(
    files: list[tuple[Path, int]], size: int, jobs: int, tree: Path, runs: int
) -> Series:
    """The floor of any libcst-based tool: parse and print every file, change nothing.

    On a subset: the whole tree would take minutes a run, and lines/s carries over.
    """
    subset = libcst_subset(files, size)
    lines = sum(n for _, n in subset)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(str(p) for p, _ in subset))
    flags = ["--no-format", "--hide-progress", "--include-generated", "-j", str(jobs)]
    cmd = [sys.executable, *NOOP.split(), *flags, f"@{listing.name}"]
    label = f"libcst no-op codemod, **subset**: {len(subset):,} files, {lines:,} lines, `-j {jobs}`"
    try:
        return measure(Series(label, lines), cmd, tree, runs)
    finally:
        os.unlink(listing.name)


def time_tool(tool: str, tree: Path, lines: int, runs: int) -> dict[str, Series]:
    """Cold (``--no-cache`` if the tool has a cache), warm (its cache), and ``--version``."""
    has_cache = "--no-cache" in output_of([tool, "--help"])
    scan = [tool, "--format", "json", "."]
    cold = [tool, "--no-cache", *scan[1:]] if has_cache else scan
    label = "fastapi-unblock, cold" + (" (`--no-cache`)" if has_cache else "")
    series = {"unblock_cold": measure(Series(label, lines), cold, tree, runs, memory=True)}
    if has_cache:
        shutil.rmtree(tree / ".unblock-cache", ignore_errors=True)
        warm = Series("fastapi-unblock, warm (its cache)", lines)
        series["unblock_warm"] = measure(warm, scan, tree, runs, prime=True)
    version = Series("`fastapi-unblock --version`", 0)
    series["version"] = measure(version, [tool, "--version"], tree, max(runs, 5))
    return series


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--runs", type=int, default=3, help="timed runs per measurement (the median is shown)")
    add("--tree", type=Path, default=HERE / ".tree", help="where the tree is built and reused")
    add("--services", type=int, default=40, help="generated FastAPI services")
    add("--skip-libcst", action="store_true", help="skip the libcst no-op codemod")
    add("--libcst-lines", type=int, default=250_000, help="lines in libcst's subset")
    add("--jobs", type=int, default=os.cpu_count() or 1, help="libcst's -j (default: all cores)")
    args = parser.parse_args(argv)
    if sys.platform != "linux":
        log("warning: made for Linux; memory figures need /proc")

    tree = args.tree.resolve()
    stamp = build_tree(tree, args.services)
    files = python_files(tree)
    lines = sum(n for _, n in files)
    site_lines = sum(n for p, n in files if p.is_relative_to(tree / "site"))
    tool = executable("fastapi-unblock")
    if tool is None:
        sys.exit("fastapi-unblock is not installed in this environment (pip install -e .)")
    ruff = ensure_ruff()
    # The tool's cache goes inside the tree (a hidden folder: nobody scans it), not ~/.cache.
    os.environ["FASTAPI_UNBLOCK_CACHE_DIR"] = str(tree / ".unblock-cache")
    checkout = output_of(["git", "-C", str(HERE.parent), "describe", "--always", "--dirty"])
    versions = (
        f"{output_of([tool, '--version'])} (checkout {checkout or '?'}); "
        f"{output_of([ruff, '--version'])}; libcst {importlib.metadata.version('libcst')}"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    if load > 0.5:
        log(f"warning: load average {load:.2f}: other processes are running; timings will suffer")

    series: dict[str, Series] = {}
    series["ruff_cold"], series["ruff_warm"], ruff_files = time_ruff(ruff, tree, lines, args.runs)
    if not args.skip_libcst:
        series["libcst"] = time_libcst(files, args.libcst_lines, args.jobs, tree, args.runs)
    series.update(time_tool(tool, tree, lines, args.runs))

    log("one more run of fastapi-unblock, for its JSON summary")
    with tempfile.TemporaryFile("w+") as out:
        rc = run_once([tool, "--format", "json", "."], tree, stdout=out).returncode
        out.seek(0)
        document = json.load(out)
    ctx = Context(tree, len(files), lines, site_lines, args.services, ruff_files, versions,
                  args.runs, load)  # fmt: skip
    report(series, ctx, document, rc, sanity(document, stamp["known"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
