"""How fast fastapi-unblock runs on real FastAPI applications, next to ruff.

A tree of library code has few handlers and shallow helpers; real
applications have hundreds of handlers, deep helper chains and large route
modules, and that is where the analysis spends its time. This builds (once,
then reuses) a corpus of over 1.5M lines of real FastAPI applications at pinned
versions, from their published wheels (``pip download --no-deps``: offline but
for the package registry), keeps only their ``.py`` files, one folder per
application, and times on each application and on the whole corpus, median
of several runs:

- ruff ``check --select ASYNC --no-cache`` (the yardstick),
- fastapi-unblock cold (``--no-cache``) and warm (its cache filled),
- the peak memory of the whole process tree (workers included, PSS sampled) and
  of its largest process (issue 15 asks that no process needs 400 MB),
- what the cold run found (handlers checked, findings).

It prints a Markdown table with the ratios against issue 15's targets (cold at
most 8x ruff, warm at most ruff's cold time, under 400 MB) on stdout; progress
goes to stderr. The installed-packages tree stays in ``speed.py``.

    python benchmarks/real_apps.py                      # median of 3 runs
    python benchmarks/real_apps.py --runs 1 --only mlflow,prefect
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from speed import Run, ensure_ruff, executable, log, machine, output_of, python_files, run_once

#: Applications that serve FastAPI, at exact versions, as published on the registry.
#: (Pure-Python wheels, so every machine unpacks the same bytes.)
APPLICATIONS = """
    agno==3.1.10 chainlit==2.12.0 crawl4ai==0.9.5 feast==0.67.0 fschat==0.2.36 gradio==6.31.0
    khoj==1.42.10 langflow-base==1.13.0 mem0ai==2.2.1 mlflow==3.18.0 open-webui==0.12.4 prefect==3.9.1
""".split()  # noqa: SIM905 (a list literal would take a line per pin)
STAMP = ".corpus-v2.json"
TARGET_COLD = 8.0
TARGET_MB = 400.0


def build_corpus(corpus: Path, pins: list[str]) -> None:
    """One folder per application with the ``.py`` files of its wheel (nothing else is read)."""
    stamp = corpus / STAMP
    if stamp.exists() and json.loads(stamp.read_text())["pins"] == pins:
        return
    corpus.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as downloads:
        for pin in pins:
            name = pin.split("==")[0]
            log(f"downloading {pin}")
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
                 "--only-binary=:all:", "--dest", downloads, pin],
                check=True,
            )
            wheel = next(Path(downloads).glob(f"{name.replace('-', '_')}-*.whl"))
            target = corpus / name
            with zipfile.ZipFile(wheel) as archive:
                for member in archive.namelist():
                    if member.endswith(".py") and ".dist-info/" not in member and ".data/" not in member:
                        archive.extract(member, target)
            # Each application is a project of its own, as in its repository (a wheel ships no
            # pyproject.toml): the whole corpus is then a monorepo of twelve projects.
            (target / "pyproject.toml").write_text(f'[project]\nname = "{name}"\nversion = "0"\n')
    stamp.write_text(json.dumps({"pins": pins}))


@dataclass
class Row:
    name: str
    files: int
    lines: int
    handlers: int
    findings: int
    ruff: float
    cold: float
    warm: float
    peak_mb: float  # the whole process tree (PSS, workers included)
    largest_mb: float  # the largest single process (issue 15's "peak RSS of any process")


def _median(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def measure_tree(name: str, tree: Path, tool: str, ruff: str, runs: int) -> Row:
    files = python_files(tree)
    ruff_runs = [run_once([ruff, "check", "--select", "ASYNC", "--no-cache", "--isolated", "--exit-zero", "."], tree)
                 for _ in range(runs)]
    cold_runs: list[Run] = []
    summary: dict[str, int] = {}
    for i in range(runs):
        with tempfile.TemporaryFile() as out:
            cold_runs.append(run_once([tool, "--no-cache", "--format", "json", "-q", "."], tree, stdout=out,
                                      memory=True))
            if i == 0:
                out.seek(0)
                summary = json.loads(out.read() or b"{}").get("summary", {})
    cache = Path(os.environ["FASTAPI_UNBLOCK_CACHE_DIR"])
    shutil.rmtree(cache, ignore_errors=True)
    warm_command = [tool, "--format", "json", "-q", "."]
    run_once(warm_command, tree)  # fills the cache
    warm_runs = [run_once(warm_command, tree) for _ in range(runs)]
    shutil.rmtree(cache, ignore_errors=True)
    row = Row(name, len(files), sum(n for _, n in files), summary.get("handlers_checked", 0),
              summary.get("handlers_flagged", 0), _median(ruff_runs), _median(cold_runs), _median(warm_runs),
              max(r.tree_mb for r in cold_runs), max(r.max_rss_mb for r in cold_runs))
    log(f"{name}: {row.lines:,} lines, ruff {row.ruff:.2f} s, cold {row.cold:.2f} s, warm {row.warm:.2f} s, "
        f"{row.peak_mb:.0f} MB, largest process {row.largest_mb:.0f} MB")
    return row


def report(rows: list[Row], whole: Row | None, runs: int, tool: str, ruff: str) -> str:
    def line(row: Row, bold: bool = False) -> str:
        name = f"**{row.name}**" if bold else row.name
        return (f"| {name} | {row.files:,} | {row.lines:,} | {row.handlers} | {row.findings} | {row.ruff:.2f} s "
                f"| {row.cold:.2f} s | {row.cold / row.ruff:.1f}× | {row.warm:.2f} s | {row.warm / row.ruff:.1f}× "
                f"| {row.peak_mb:.0f} MB | {row.largest_mb:.0f} MB |")

    out = [
        (f"Real FastAPI applications, measured {datetime.date.today().isoformat()} ({machine()}); "
         f"median of {runs} run(s); {output_of([tool, '--version'])}, {output_of([ruff, '--version'])}."),
        "",
        ("| application | files | lines | handlers checked | findings | ruff cold | ours cold | ratio "
         "| ours warm | warm / ruff cold | peak memory (all processes) | largest process |"),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *(line(row) for row in rows),
    ]
    if whole is not None:
        out.append(line(whole, bold=True))
    slowest = max(rows, key=lambda r: r.cold / r.ruff)
    biggest = max(rows, key=lambda r: r.largest_mb)
    over = [r.name for r in rows if r.largest_mb >= TARGET_MB]
    total = whole or rows[0]
    out += [
        "",
        f"Targets (issue 15): cold at most {TARGET_COLD:.0f}× ruff: {total.cold / total.ruff:.1f}× on the whole "
        f"corpus, {slowest.cold / slowest.ruff:.1f}× at worst ({slowest.name}); warm at most ruff's cold time: "
        f"{total.warm / total.ruff:.1f}×; every process under {TARGET_MB:.0f} MB: {biggest.largest_mb:.0f} MB at "
        f"most ({biggest.name}; {len(over)} of {len(rows)} over: {', '.join(over) or 'none'})"
        + (f", {whole.largest_mb:.0f} MB for the whole corpus ({whole.peak_mb:.0f} MB all processes together)."
           if whole else "."),
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "fastapi-unblock-real-apps")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated application names (default: all)")
    parser.add_argument("--no-whole", action="store_true", help="skip the run over the whole corpus")
    parser.add_argument("--no-apps", action="store_true", help="only the run over the whole corpus")
    args = parser.parse_args(argv)
    build_corpus(args.corpus, APPLICATIONS)
    # The tool's cache goes inside the corpus (a hidden folder nobody scans), not ~/.cache.
    os.environ["FASTAPI_UNBLOCK_CACHE_DIR"] = str(args.corpus / ".unblock-cache")
    tool = executable("fastapi-unblock") or sys.exit("fastapi-unblock is not installed in this environment")
    ruff = ensure_ruff()
    wanted = {n.strip() for n in args.only.split(",") if n.strip()}
    names = [pin.split("==")[0] for pin in APPLICATIONS if not wanted or pin.split("==")[0] in wanted]
    rows = [] if args.no_apps else [measure_tree(name, args.corpus / name, tool, ruff, args.runs) for name in names]
    whole = None if args.no_whole or wanted else measure_tree("all applications", args.corpus, tool, ruff, args.runs)
    print(report(rows or [whole] if whole else rows, whole, args.runs, tool, ruff))
    return 0


if __name__ == "__main__":
    sys.exit(main())
