"""``--write-baseline`` / ``--baseline``: fail only on new findings, on the shipped example app."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from codemods.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "shop"


@contextmanager
def _in(folder: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _run(folder: Path, *args: str) -> Result:
    with _in(folder):
        return CliRunner().invoke(main, ["--no-deps", "--no-cache", "--no-color", *args])


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    project = tmp_path / "shop"
    shutil.copytree(EXAMPLE, project)
    (project / "pyproject.toml").write_text('[project]\nname = "shop"\n')
    return project


def _findings(result: Result) -> list[dict[str, object]]:
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return findings


def test_a_baseline_records_every_finding_without_line_numbers(shop: Path) -> None:
    everything = _findings(_run(shop, "--format", "json", "."))
    written = _run(shop, "--write-baseline", "baseline.json", ".")
    assert written.exit_code == 0, written.output
    document = json.loads((shop / "baseline.json").read_text())
    rows = document["findings"]
    assert len(rows) == len(everything) > 0
    assert {(r["path"], r["function"], r["code"]) for r in rows} == {
        (f["path"], f["function"], f["code"]) for f in everything}
    assert all(set(r) == {"path", "function", "code", "calls"} for r in rows)  # no line, no column
    assert rows == sorted(rows, key=lambda r: (r["path"], r["function"], r["code"], r["calls"]))


def test_with_its_baseline_a_run_reports_nothing_and_passes_even_after_unrelated_edits(shop: Path) -> None:
    assert _run(shop, "--write-baseline", "baseline.json", ".").exit_code == 0
    for path in shop.glob("*.py"):  # every line moves down
        path.write_text("# a comment\n\n" + path.read_text())
    result = _run(shop, "--format", "json", "--baseline", "baseline.json", ".")
    assert result.exit_code == 0, result.output
    assert _findings(result) == []
    plain = _run(shop, "--baseline", "baseline.json", ".")
    assert plain.exit_code == 0 and plain.stdout == ""  # no diff: held-back findings are not fixed either
    assert "7 finding(s) of the baseline baseline.json still found, held back" in plain.stderr, plain.stderr
    assert "stale" not in plain.stderr


def test_a_new_finding_fails_and_only_it_is_fixed(shop: Path) -> None:
    assert _run(shop, "--write-baseline", "baseline.json", ".").exit_code == 0
    (shop / "late.py").write_text(
        "import time\n\nfrom fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
        '@router.get("/late")\nasync def late() -> None:\n    time.sleep(1)\n')
    result = _run(shop, "--format", "json", "--baseline", "baseline.json", ".")
    assert result.exit_code == 1
    assert [(f["path"], f["function"]) for f in _findings(result)] == [("late.py", "late")]
    before = {p.name: p.read_text() for p in shop.glob("*.py")}
    applied = _run(shop, "--apply", "--baseline", "baseline.json", ".")
    assert applied.exit_code == 0, applied.output
    after = {p.name: p.read_text() for p in shop.glob("*.py")}
    assert [name for name in before if before[name] != after[name]] == ["late.py"]
    assert "def late() -> None:" in after["late.py"] and "async def" not in after["late.py"]


def test_a_fixed_finding_is_reported_as_stale_and_a_changed_one_as_new(shop: Path) -> None:
    assert _run(shop, "--write-baseline", "baseline.json", ".").exit_code == 0
    main_py = shop / "main.py"
    main_py.write_text(main_py.read_text().replace("time.sleep(warmup)", "pass"))
    catalog = shop / "catalog.py"
    text = catalog.read_text()
    # One more blocking call in a recorded handler: the finding is not the recorded one any more.
    catalog.write_text(text.replace("    response = requests.get(", "    requests.head(PRICING_URL, timeout=5)\n"
                                                                    "    response = requests.get(", 1))
    result = _run(shop, "--format", "json", "--baseline", "baseline.json", ".")
    assert result.exit_code == 1
    assert [(f["path"], f["function"]) for f in _findings(result)] == [("catalog.py", "price")]
    # `price` still makes its recorded call: its entry is not stale, the new call is what fails.
    assert "1 baseline entry is stale" in result.stderr, result.stderr
    assert "main.py:ready UNB100 (time.sleep)" in result.stderr
    assert "catalog.py:price" not in result.stderr


def test_the_baseline_is_read_relative_to_its_own_folder(shop: Path, tmp_path: Path) -> None:
    (shop / "ci").mkdir()
    assert _run(shop, "--write-baseline", "ci/baseline.json", ".").exit_code == 0
    rows = json.loads((shop / "ci" / "baseline.json").read_text())["findings"]
    assert all(r["path"].startswith("../") for r in rows)
    elsewhere = _run(tmp_path, "--baseline", "shop/ci/baseline.json", "shop")
    assert elsewhere.exit_code == 0, elsewhere.output
    assert f"{len(rows)} finding(s) of the baseline" in elsewhere.stderr


@pytest.mark.parametrize(("text", "message"), [
    ("not json", "invalid JSON"),
    ('{"tool": "other"}', "not a fastapi-unblock baseline"),
    ('{"tool": "fastapi-unblock", "format": 99, "findings": []}', "format 99"),
    ('{"tool": "fastapi-unblock", "format": 1, "findings": [{"path": "a.py"}]}', "entry 1 is malformed"),
])
def test_a_broken_baseline_is_a_clear_error(shop: Path, text: str, message: str) -> None:
    (shop / "baseline.json").write_text(text)
    result = _run(shop, "--baseline", "baseline.json", ".")
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_missing_baseline_and_bad_combinations_are_usage_errors(shop: Path) -> None:
    missing = _run(shop, "--baseline", "nowhere.json", ".")
    assert missing.exit_code == 2 and "no such baseline file" in missing.stderr
    for args in (["--apply"], ["--baseline", "x.json"], ["--interactive"], ["--changed-since", "HEAD"],
                 ["--whole-project"]):
        result = _run(shop, "--write-baseline", "b.json", *args, ".")
        assert result.exit_code == 2 and "--write-baseline" in result.stderr
    assert not (shop / "b.json").exists()


def test_fewer_rules_selected_still_match_and_make_nothing_stale(shop: Path) -> None:
    assert _run(shop, "--write-baseline", "baseline.json", ".").exit_code == 0
    narrowed = _run(shop, "--baseline", "baseline.json", "--select", "UNB100", ".")
    assert narrowed.exit_code == 0, narrowed.output
    assert narrowed.stdout == "" and "stale" not in narrowed.stderr


def _git_shop(shop: Path) -> None:
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@e.com", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@e.com"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "shop"]):
        subprocess.run(["git", *args], cwd=shop, env={**os.environ, **env}, check=True)


@pytest.mark.parametrize("narrowing", [["--changed-since", "HEAD"], ["--whole-project", "catalog.py"]])
def test_files_read_but_not_reported_on_make_no_entry_stale(shop: Path, narrowing: list[str]) -> None:
    assert _run(shop, "--write-baseline", "baseline.json", ".").exit_code == 0
    _git_shop(shop)
    catalog = shop / "catalog.py"
    catalog.write_text(catalog.read_text() + "\n# touched\n")
    args = [*narrowing, "."] if narrowing[0] == "--changed-since" else narrowing
    result = _run(shop, "--baseline", "baseline.json", *args)
    assert result.exit_code == 0, result.output
    assert "2 finding(s) of the baseline" in result.stderr  # catalog.py's two, the only file reported on
    assert "stale" not in result.stderr


def test_a_held_back_handler_still_has_its_awaited_helper_checked(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "helpers.py").write_text("import time\n\n\nasync def wait_a_bit() -> None:\n    time.sleep(1)\n")
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom helpers import wait_a_bit\n\napp = FastAPI()\n\n\n"
        '@app.get("/")\nasync def index() -> dict:\n    await wait_a_bit()\n    return {}\n')
    assert _run(tmp_path, "--write-baseline", "b.json", ".").exit_code == 0
    assert len(json.loads((tmp_path / "b.json").read_text())["findings"]) == 2  # the route and its helper
    result = _run(tmp_path, "--baseline", "b.json", ".")
    assert result.exit_code == 0, result.output
    assert "2 finding(s) of the baseline" in result.stderr and "stale" not in result.stderr


def test_warm_and_parallel_runs_with_a_baseline_agree_and_reuse_one_cache_entry(shop: Path, tmp_path: Path) -> None:
    assert _run(shop, "--write-baseline", "baseline.json", ".").exit_code == 0
    (shop / "late.py").write_text(
        "import time\n\nfrom fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
        '@router.get("/late")\nasync def late() -> None:\n    time.sleep(1)\n')
    cache = tmp_path / "cache"
    runs = []
    for seed, jobs in (("1", "1"), ("2", "2"), ("3", "2")):
        # Each run its own interpreter and hash seed: the order of a set's items differs between
        # them, and the cache key made of the settings (the baseline's calls) must not.
        env = {**os.environ, "PYTHONHASHSEED": seed, "FASTAPI_UNBLOCK_CACHE_DIR": str(cache),
               "PYTHONPATH": str(EXAMPLE.parent.parent)}
        runs.append(subprocess.run(
            [sys.executable, "-m", "codemods", "--no-deps", "--format", "json", "-j", jobs, "--baseline",
             "baseline.json", "."], cwd=shop, env=env, capture_output=True, text=True, check=False, timeout=300))
    assert len({r.stdout for r in runs}) == 1 and runs[0].returncode == 1, runs[0].stderr
    assert [f["function"] for f in json.loads(runs[0].stdout)["findings"]] == ["late"]
    assert len(list(cache.glob("*.pickle"))) == 1


def test_write_baseline_never_overwrites_a_file_that_is_not_one(shop: Path) -> None:
    before = (shop / "main.py").read_text()
    result = _run(shop, "--write-baseline", "main.py", ".")
    assert result.exit_code == 2 and "not a baseline file" in result.stderr
    assert (shop / "main.py").read_text() == before
    assert _run(shop, "--write-baseline", "b.json", ".").exit_code == 0
    again = _run(shop, "--write-baseline", "b.json", ".")  # an existing baseline is rewritten
    assert again.exit_code == 0 and again.stdout == ""  # and no patch is printed
