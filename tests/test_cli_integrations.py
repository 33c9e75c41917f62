"""The command line of the CI integrations: ``--format sarif|github``, ``rule``, ``--whole-project``."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from codemods.cli import main
from codemods.rules import RULES

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "shop"


def _run(folder: Path, *args: str) -> Result:
    before = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, args)
    finally:
        os.chdir(before)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    project = tmp_path / "shop"
    shutil.copytree(EXAMPLE, project)
    (project / "pyproject.toml").write_text('[project]\nname = "shop"\n')
    (project / "broken.py").write_text("async def broken(:\n")
    return project


@pytest.mark.parametrize("output_format", ["sarif", "github"])
def test_ci_formats_keep_the_exit_status_and_leave_stderr_alone(shop: Path, output_format: str) -> None:
    result = _run(shop, "--no-deps", "--no-cache", "--format", output_format, ".")
    reference = _run(shop, "--no-deps", "--no-cache", "--format", "json", ".")
    assert result.exit_code == reference.exit_code == 2  # findings, and a file that does not parse
    assert result.stderr == ""
    findings = json.loads(reference.stdout)["findings"]
    if output_format == "sarif":
        run = json.loads(result.stdout)["runs"][0]
        assert [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                 r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]] == [
            (f["path"], f["line"]) for f in findings]
        assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for n in run["invocations"][0]["toolExecutionNotifications"]] == ["broken.py"]
    else:
        lines = result.stdout.splitlines()
        assert [line.split("::", 2)[1].split(",")[:2] for line in lines if line.startswith("::warning")] == [
            [f"warning file={f['path']}", f"line={f['line']}"] for f in findings]
        assert [line for line in lines if line.startswith("::error")] == [
            line for line in lines if line.startswith("::error file=broken.py")] != []


def test_rule_prints_a_page_and_all_prints_every_rule(tmp_path: Path) -> None:
    page = _run(tmp_path, "rule", "unb110")
    assert page.exit_code == 0
    for heading in ("What it reports", "Why it matters", "Example", "How to silence it"):
        assert heading in page.stdout
    assert page.stdout.startswith("UNB110 blocking-http-call")
    every = _run(tmp_path, "rule", "--all")
    assert every.exit_code == 0
    assert [rule.code for rule in RULES if f"\n{rule.code} {rule.name}" in "\n" + every.stdout] == [
        rule.code for rule in RULES]


@pytest.mark.parametrize(("args", "message"), [
    (["rule"], "give rule codes"),
    (["rule", "UNB999"], "unknown rule code 'UNB999'"),
    (["rule", "UNB110", "--all"], "give rule codes"),
])
def test_rule_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = _run(tmp_path, *args)
    assert result.exit_code == 2 and message in result.stderr


def test_a_folder_named_rule_is_checked_with_the_check_word(tmp_path: Path) -> None:
    (tmp_path / "rule").mkdir()
    shutil.copy(EXAMPLE / "main.py", tmp_path / "rule" / "main.py")
    hint = _run(tmp_path, "rule")
    assert hint.exit_code == 2 and "fastapi-unblock check rule" in hint.stderr
    checked = _run(tmp_path, "check", "--no-deps", "--no-cache", "--format", "json", "rule")
    assert checked.exit_code == 1
    assert [f["function"] for f in json.loads(checked.stdout)["findings"]] == ["ready"]


def test_whole_project_reports_only_the_files_given_and_does_not_claim_a_fix_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "helpers.py").write_text("import time\n\n\nasync def wait_a_bit() -> None:\n    time.sleep(1)\n")
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom helpers import wait_a_bit\n\napp = FastAPI()\n\n\n"
        '@app.get("/")\nasync def index() -> dict:\n    await wait_a_bit()\n    return {}\n')
    before = {p.name: p.read_text() for p in tmp_path.glob("*.py")}
    everything = _run(tmp_path, "--no-deps", "--no-cache", "--format", "json", ".")
    assert {f["path"] for f in json.loads(everything.stdout)["findings"]} == {"main.py", "helpers.py"}
    given = _run(tmp_path, "--no-deps", "--no-cache", "--whole-project", "--format", "json", "main.py")
    assert [f["path"] for f in json.loads(given.stdout)["findings"]] == ["main.py"]
    result = _run(tmp_path, "--no-deps", "--no-cache", "--whole-project", "--apply", "main.py")
    assert result.exit_code == 1, result.output  # the fix is in helpers.py, which was not given
    assert "which this run leaves alone" in result.stderr
    assert {p.name: p.read_text() for p in tmp_path.glob("*.py")} == before
    both = _run(tmp_path, "--no-deps", "--no-cache", "--whole-project", "--apply", "main.py", "helpers.py")
    assert both.exit_code == 0, both.output
    assert "await asyncio.sleep(1)" in (tmp_path / "helpers.py").read_text()
