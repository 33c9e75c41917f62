"""Rewrites a reviewer merges as written (issue 14): ruff finds nothing new in them.

Every rewritten fixture file (``expected``) is held to ruff's rules F, E, W and I
and to ``ruff format``, against its ``input``: no finding the input did not
have, and no more lines ``ruff format`` would change. Both run with ruff's
defaults (88 columns, isort's sections), from the case's own folder, so the
case's top-level packages are first-party as in a real project.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import tomllib
from fixtures import TESTDATA

#: Rewrites that knowingly add a finding, and why.
KNOWN = {
    # Two statements on one line (``r = requests.get(u); ok = True``): only the call is
    # rewritten, and a formatter would first part the statements, which the fix leaves alone.
    "keep-async/requests-sharing-its-line-falls-back/expected.py": Counter({"E501": 1}),
}


def _ruff() -> list[str]:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "ruff"]


def _pairs() -> dict[Path, list[tuple[Path, Path]]]:
    """(input, expected) files of every case with a rewrite, grouped by the folder ruff runs from."""
    groups: dict[Path, list[tuple[Path, Path]]] = {}
    for expected in sorted(TESTDATA.rglob("expected.py")):
        source = expected.with_name("input.py")
        if source.exists():
            groups.setdefault(TESTDATA, []).append((source, expected))
    for root in sorted(TESTDATA.rglob("expected")):
        if root.is_dir():
            groups[root.parent] = [(root.parent / "input" / p.relative_to(root), p)
                                   for p in sorted(root.rglob("*.py")) if (root.parent / "input" / p.relative_to(root)).exists()]
    return groups


def _findings(files: list[Path], cwd: Path, first_party: list[str]) -> dict[Path, Counter[str]]:
    config = ["--config", f"lint.isort.known-first-party = {json.dumps(first_party)}"] if first_party else []
    config += _isort_settings(cwd)
    proc = subprocess.run([*_ruff(), "check", "--isolated", "--no-cache", *config, "--select", "F,E,W,I", "--output-format", "json",
                           *map(str, files)], cwd=cwd, capture_output=True, text=True, check=False)
    counts: dict[Path, Counter[str]] = {Path(f).resolve(): Counter() for f in files}
    for finding in json.loads(proc.stdout or "[]"):
        counts.setdefault(Path(finding["filename"]).resolve(), Counter())[finding["code"]] += 1
    return counts


def _isort_settings(case: Path) -> list[str]:
    """The case project's own ``[tool.ruff.lint.isort]`` settings (``force-single-line``...),
    which ``--isolated`` would otherwise drop."""
    pyproject = case / "input" / "pyproject.toml"
    if not pyproject.is_file():
        return []
    table = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("ruff", {})
    options = table.get("lint", {}).get("isort", {})
    return [part for key, value in options.items() for part in ("--config", f"lint.isort.{key} = {json.dumps(value)}")]


def _format_lines(files: list[Path], cwd: Path) -> dict[Path, int]:
    proc = subprocess.run([*_ruff(), "format", "--isolated", "--no-cache", "--diff", *map(str, files)], cwd=cwd,
                          capture_output=True, text=True, check=False)
    counts: dict[Path, int] = {f.resolve(): 0 for f in files}
    current: Path | None = None
    for line in proc.stdout.splitlines():
        if line.startswith("--- "):
            current = (cwd / line[4:].strip()).resolve()
        elif line.startswith(("+", "-")) and not line.startswith("+++") and current is not None:
            counts[current] = counts.get(current, 0) + 1
    return counts


def _first_party(case: Path) -> list[str]:
    if case == TESTDATA:
        return []
    root = case / "input"
    # A folder that is not a package (``backend/``) is an import root of its own, as ruff's
    # ``src`` would name it in such a project: its packages are first-party too.
    tops = [root, *(p for p in root.iterdir() if p.is_dir() and not (p / "__init__.py").exists())]
    return sorted({p.stem if p.suffix == ".py" else p.name
                   for top in tops for p in top.iterdir() if p.suffix == ".py" or p.is_dir()})


GROUPS = _pairs()


@pytest.mark.parametrize("case", list(GROUPS), ids=[str(c.relative_to(TESTDATA)) or "single-file" for c in GROUPS])
def test_rewritten_files_add_no_ruff_finding_and_no_format_change(case: Path) -> None:
    pairs = GROUPS[case]
    sources, rewrites = [s for s, _ in pairs], [e for _, e in pairs]
    first_party = _first_party(case)
    before, after = _findings(sources, case, first_party), _findings(rewrites, case, first_party)
    shaped_before, shaped_after = _format_lines(sources, case), _format_lines(rewrites, case)
    problems = []
    for source, rewrite in pairs:
        name = rewrite.relative_to(TESTDATA).as_posix()
        added = after[rewrite.resolve()] - before[source.resolve()] - KNOWN.get(name, Counter())
        if added:
            problems.append(f"{name}: new ruff findings {dict(added)}")
        grown = shaped_after[rewrite.resolve()] - shaped_before[source.resolve()]
        if grown > 0:
            problems.append(f"{name}: ruff format would change {grown} more lines")
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_badly_laid_out_rewrite(tmp_path: Path) -> None:
    """The comparison fails on a rewrite that appends an unsorted import and leaves a long line."""
    source = tmp_path / "input.py"
    rewrite = tmp_path / "expected.py"
    source.write_text("import os\n\nimport requests\n\n\ndef f():\n    return requests.get(os.sep)\n", encoding="utf-8")
    rewrite.write_text("import os\n\nimport requests\nimport asyncio\n\n\nasync def f():\n"
                       "    return await asyncio.to_thread(requests.get, os.sep, timeout=30, allow_redirects=True, x=1)\n",
                       encoding="utf-8")
    before, after = _findings([source], tmp_path, []), _findings([rewrite], tmp_path, [])
    assert after[rewrite.resolve()] - before[source.resolve()] == Counter({"I001": 1, "E501": 1})
    assert _format_lines([rewrite], tmp_path)[rewrite.resolve()] > _format_lines([source], tmp_path)[source.resolve()]


def test_the_shipped_example_rewritten_adds_no_ruff_finding(tmp_path: Path) -> None:
    """README's first command runs on ``examples/shop``: its rewrite is held to ruff too."""
    example = Path(__file__).resolve().parent.parent / "examples" / "shop"
    copy = tmp_path / "shop"
    shutil.copytree(example, copy)
    originals = {p: p.read_bytes() for p in copy.rglob("*.py")}
    subprocess.run([sys.executable, "-m", "codemods", "--apply", "--allow-dirty", "--no-cache", "-q", "--no-deps",
                    str(copy)], cwd=tmp_path, capture_output=True, check=False)
    changed = sorted(p for p in originals if p.read_bytes() != originals[p])
    assert changed, "the example was not rewritten"
    after, shaped_after = _findings(changed, tmp_path, []), _format_lines(changed, tmp_path)
    for path in changed:
        path.with_suffix(".orig.py").write_bytes(originals[path])
    sources = [p.with_suffix(".orig.py") for p in changed]
    before, shaped_before = _findings(sources, tmp_path, []), _format_lines(sources, tmp_path)
    for path, source in zip(changed, sources):
        assert after[path.resolve()] - before[source.resolve()] == Counter(), path.name
        assert shaped_after[path.resolve()] <= shaped_before[source.resolve()], path.name
