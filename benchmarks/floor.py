"""The least time any analysis written in Python spends on a tree, next to ruff's whole run.

Issue 15 asks for cold runs within a few times ruff's. This measures what no
Python design can go below, on the same trees as ``real_apps.py`` (and any
other folder given):

- **start**: the tool itself on a folder of one empty file (interpreter, imports,
  discovery, report): every run pays it;
- **parse**: ``ast.parse`` of the files whose text may register something with
  FastAPI (:func:`codemods.first_pass.may_register`): the analysis must parse
  them to know what FastAPI runs (README, Safety: a file the analysis reads is
  parsed in full), spread over every core;
- **walk**: the same, plus one ``ast.walk`` over each tree: any analysis visits
  every node of what it parsed at least once, and a generic walk is the
  cheapest visit there is.

The analysis itself (names, calls, types, across modules) comes on top of all
three. Medians of ``--runs`` runs; a Markdown table on stdout.

    python benchmarks/floor.py                       # the real-applications corpus
    python benchmarks/floor.py --only open-webui,agno
"""

from __future__ import annotations

import argparse
import ast
import os
import statistics
import sys
import tempfile
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from real_apps import APPLICATIONS, build_corpus
from speed import ensure_ruff, executable, log, machine, python_files, run_once

from codemods.first_pass import may_register


def _parse_share(paths: list[Path], walk: bool) -> float:
    """CPU seconds to parse (and walk) the files of ``paths`` that may register something."""
    warnings.simplefilter("ignore")  # invalid escapes in real code: not what is measured
    spent = 0.0
    for path in paths:
        data = path.read_bytes()
        if not may_register(data):
            continue
        start = time.perf_counter()
        try:
            tree = ast.parse(data)
        except (SyntaxError, ValueError):
            continue
        if walk:
            for _node in ast.walk(tree):
                pass
        spent += time.perf_counter() - start
    return spent


def parse_floor(tree: Path, walk: bool, jobs: int) -> float:
    """Wall seconds for :func:`_parse_share` over ``tree`` on ``jobs`` processes (started first)."""
    paths = [path for path, _ in python_files(tree)]
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(abs, range(jobs)))  # the workers are up before the clock starts
        start = time.perf_counter()
        list(pool.map(_parse_share, [paths[i::jobs] for i in range(jobs)], [walk] * jobs))
        return time.perf_counter() - start


def measure(name: str, tree: Path, tool: str, ruff: str, empty: Path, runs: int, jobs: int) -> str:
    ruff_s = statistics.median(
        run_once([ruff, "check", "--select", "ASYNC", "--no-cache", "--isolated", "--exit-zero", "."], tree).seconds
        for _ in range(runs))
    start = statistics.median(run_once([tool, "--no-cache", "-q", "."], empty).seconds for _ in range(runs))
    parse = statistics.median(parse_floor(tree, False, jobs) for _ in range(runs))
    walked = statistics.median(parse_floor(tree, True, jobs) for _ in range(runs))
    log(f"{name}: ruff {ruff_s:.2f} s, start {start:.2f} s, parse {parse:.2f} s, walk {walked:.2f} s")
    floor = start + walked
    return (f"| {name} | {ruff_s:.2f} s | {start:.2f} s | {parse:.2f} s | {walked:.2f} s | "
            f"{floor:.2f} s | {floor / ruff_s:.1f}× |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "fastapi-unblock-real-apps")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated application names (default: all)")
    parser.add_argument("--tree", type=Path, action="append", default=[], help="another folder to measure")
    args = parser.parse_args(argv)
    build_corpus(args.corpus, APPLICATIONS)
    tool = executable("fastapi-unblock") or sys.exit("fastapi-unblock is not installed in this environment")
    ruff = ensure_ruff()
    jobs = os.cpu_count() or 1
    wanted = {n.strip() for n in args.only.split(",") if n.strip()}
    trees = [(pin.split("==")[0], args.corpus / pin.split("==")[0]) for pin in APPLICATIONS
             if not wanted or pin.split("==")[0] in wanted]
    trees += [("all applications", args.corpus)] if not wanted else []
    trees += [(str(tree), tree) for tree in args.tree]
    with tempfile.TemporaryDirectory() as empty:
        Path(empty, "empty.py").write_text("", encoding="utf-8")
        rows = [measure(name, tree, tool, ruff, Path(empty), args.runs, jobs) for name, tree in trees]
    print(f"Median of {args.runs} runs, {jobs} processes for parse and walk; {machine()}.\n")
    print("| tree | ruff cold | start | parse | parse + walk | start + parse + walk | × ruff |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
