"""Hold the tool's rewrites of real applications to ruff, before and after.

For each application folder given, a copy is rewritten with ``--apply``; ruff
(``check --select F,E,W,I`` and ``format --diff``, with the project's own
configuration) then runs on every file the tool changed, first as rewritten and
then as it was. The script prints, per application and in all, the files
rewritten, the findings ruff reports that the original did not have, and the
lines ``ruff format`` would change before and after.

    python benchmarks/rewrites_pass_ruff.py CHECKOUTS_DIR [APP ...] [--envs ENVS_DIR]

``ENVS_DIR/<app>`` is used as the application's environment when it exists
(``--python``); otherwise the run is ``--no-deps``. Needs ruff on PATH (it is a
test dependency). Nothing in the checkouts is modified.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent


def ruff_findings(files: list[str], cwd: Path) -> collections.Counter[str]:
    if not files:
        return collections.Counter()
    done = subprocess.run(["ruff", "check", "--select", "F,E,W,I", "--output-format", "json", "--no-cache", *files],
                          cwd=cwd, capture_output=True, text=True, check=False)
    return collections.Counter(item["code"] for item in json.loads(done.stdout or "[]"))


def format_lines(files: list[str], cwd: Path) -> int:
    if not files:
        return 0
    done = subprocess.run(["ruff", "format", "--diff", "--no-cache", *files], cwd=cwd, capture_output=True, text=True, check=False)
    return sum(1 for line in done.stdout.splitlines()
               if line.startswith(("+", "-")) and not line.startswith(("+++", "---")))


def measure(source: Path, envs: Path | None) -> tuple[int, collections.Counter[str], int, int]:
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / source.name
        shutil.copytree(source, copy, symlinks=True)
        before = {path: path.read_bytes() for path in copy.rglob("*.py")}
        environment = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
        environment["PYTHONPATH"] = str(REPOSITORY)
        venv = envs / source.name if envs is not None else None
        deps = ["--python", str(venv)] if venv is not None and venv.is_dir() else ["--no-deps"]
        subprocess.run([sys.executable, "-m", "codemods", "--apply", "--allow-dirty", "--no-cache", "-q", *deps, "."],
                       cwd=copy, env=environment, capture_output=True, check=False)
        changed = [path for path in before if path.exists() and path.read_bytes() != before[path]]
        names = [str(path.relative_to(copy)) for path in changed]
        after_findings, after_format = ruff_findings(names, copy), format_lines(names, copy)
        for path in changed:
            path.write_bytes(before[path])
        before_findings, before_format = ruff_findings(names, copy), format_lines(names, copy)
        return len(names), after_findings - before_findings, before_format, after_format


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", type=Path)
    parser.add_argument("apps", nargs="*")
    parser.add_argument("--envs", type=Path)
    options = parser.parse_args()
    apps = options.apps or sorted(p.name for p in options.checkouts.iterdir() if p.is_dir())
    files = 0
    new: collections.Counter[str] = collections.Counter()
    formatted = [0, 0]
    for app in apps:
        count, found, was, now = measure(options.checkouts / app, options.envs)
        files += count
        new += found
        formatted[0] += was
        formatted[1] += now
        print(f"{app:40} files {count:4}  new findings {dict(found) or '-'}  format lines {was:6} -> {now:6}", flush=True)
    print(f"{'all':40} files {files:4}  new findings {dict(new) or '-'}  format lines {formatted[0]:6} -> {formatted[1]:6}")


if __name__ == "__main__":
    main()
