"""``--write-baseline`` / ``--baseline``: fail only on new findings, on the shipped example app."""

from __future__ import annotations

import json
import os
import shutil
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
    assert "held back by the baseline" in plain.stderr and "stale" not in plain.stderr


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
    assert "2 baseline entries are stale" in result.stderr, result.stderr
    assert "main.py:ready UNB100 (time.sleep)" in result.stderr
    assert "catalog.py:price UNB110 (requests.get)" in result.stderr


def test_the_baseline_is_read_relative_to_its_own_folder(shop: Path, tmp_path: Path) -> None:
    (shop / "ci").mkdir()
    assert _run(shop, "--write-baseline", "ci/baseline.json", ".").exit_code == 0
    rows = json.loads((shop / "ci" / "baseline.json").read_text())["findings"]
    assert all(r["path"].startswith("../") for r in rows)
    elsewhere = _run(tmp_path, "--baseline", "shop/ci/baseline.json", "shop")
    assert elsewhere.exit_code == 0, elsewhere.output


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
    for args in (["--apply"], ["--baseline", "x.json"], ["--interactive"]):
        result = _run(shop, "--write-baseline", "b.json", *args, ".")
        assert result.exit_code == 2 and "--write-baseline" in result.stderr
    assert not (shop / "b.json").exists()
