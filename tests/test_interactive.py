"""``--interactive``: each fix shown with its finding, driven here by scripted answers."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from codemods.cli import main
from codemods.fix_changes import shares
from codemods.runner import RunOptions, run

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "shop"


def _run(folder: Path, *args: str, answers: str = "") -> Result:
    before = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, ["--no-deps", "--no-cache", "--no-color", *args], input=answers)
    finally:
        os.chdir(before)


def _copy(tmp_path: Path, name: str) -> Path:
    project = tmp_path / name
    shutil.copytree(EXAMPLE, project)
    (project / "pyproject.toml").write_text('[project]\nname = "shop"\n')
    return project


def _texts(project: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(project.glob("*.py"))}


def test_accepting_every_fix_writes_exactly_what_apply_writes(tmp_path: Path) -> None:
    reviewed, applied = _copy(tmp_path, "reviewed"), _copy(tmp_path, "applied")
    assert _run(applied, "--apply", ".").exit_code == 1  # one finding has no fix
    result = _run(reviewed, "--interactive", ".", answers="y\n" * 20)
    assert result.exit_code == 1, result.output
    assert _texts(reviewed) == _texts(applied) != _texts(EXAMPLE)
    assert result.stdout.count("Apply this fix") == 6


def test_accept_all_stops_asking_and_accepts_the_rest(tmp_path: Path) -> None:
    reviewed, applied = _copy(tmp_path, "reviewed"), _copy(tmp_path, "applied")
    _run(applied, "--apply", ".")
    result = _run(reviewed, "--interactive", ".", answers="n\na\n")
    assert result.stdout.count("Apply this fix") == 2
    first = shares(run(RunOptions(paths=(EXAMPLE,), overrides={"deps": False}, use_cache=False)).outcomes)[0]
    assert first.finding.function == "list_products"
    texts = _texts(reviewed)
    assert "async def list_products(" in texts["catalog.py"]  # skipped
    assert "\ndef price(" in texts["catalog.py"]  # accepted with the rest
    assert texts["orders.py"] == _texts(applied)["orders.py"]


def test_skipped_fixes_are_left_alone_and_each_hunk_is_shown_with_its_own_finding(tmp_path: Path) -> None:
    project = _copy(tmp_path, "shop")
    result = _run(project, "--interactive", ".", answers="y\nn\nq\n")
    assert result.exit_code == 1  # skipped findings still block
    assert result.stdout.count("Apply this fix") == 3  # q: the rest are skipped unseen
    shown = result.stdout.split("Apply this fix")
    # The first question shows list_products' change and not price's, though both sit in one
    # file a few lines apart (one hunk in a plain diff).
    assert "+def list_products(" in shown[0] and "+def price(" not in shown[0]
    assert "+def price(" in shown[1]
    texts = _texts(project)
    assert "\ndef list_products(" in texts["catalog.py"]
    assert "async def price(" in texts["catalog.py"]
    assert texts["orders.py"] == (EXAMPLE / "orders.py").read_text()
    for name, text in texts.items():
        compile(text, name, "exec")


def test_answering_no_to_everything_writes_nothing(tmp_path: Path) -> None:
    project = _copy(tmp_path, "shop")
    result = _run(project, "--interactive", ".", answers="n\n" * 20)
    assert result.exit_code == 1
    assert "nothing written" in result.stderr
    assert _texts(project) == _texts(EXAMPLE)


def test_a_function_and_the_callers_that_change_with_it_are_one_decision(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "routes.py").write_text(
        "import time\n\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
        '@app.get("/a")\nasync def a() -> None:\n    time.sleep(1)\n')
    (tmp_path / "jobs.py").write_text("import routes\n\n\nasync def nightly() -> None:\n    await routes.a()\n")
    outcomes = run(RunOptions(paths=(tmp_path,), overrides={"deps": False}, use_cache=False)).outcomes
    assert {o.result.path for o in outcomes if o.result.changed} == {
        os.path.relpath(tmp_path / "routes.py"), os.path.relpath(tmp_path / "jobs.py")}
    (item,) = shares(outcomes)
    assert item.finding.function == "a"
    patches = [part.patch() for part in item.files]
    assert len(patches) == 2
    assert b"+def a() -> None:" in patches[0] and b"run_in_threadpool" in patches[1]


@pytest.mark.parametrize("flag", ["--apply", "--commit", "--format=json"])
def test_interactive_goes_without_writing_or_report_flags(tmp_path: Path, flag: str) -> None:
    project = _copy(tmp_path, "shop")
    result = _run(project, "--interactive", flag, ".")
    assert result.exit_code == 2 and "--interactive" in result.stderr


def test_the_end_of_input_skips_the_rest_and_writes_what_was_accepted(tmp_path: Path) -> None:
    project = _copy(tmp_path, "shop")
    result = _run(project, "--interactive", ".", answers="y\n")  # then stdin ends
    assert result.exit_code == 1, result.output
    assert result.stdout.count("Apply this fix") == 2
    texts = _texts(project)
    assert "\ndef list_products(" in texts["catalog.py"] and "async def price(" in texts["catalog.py"]


def test_an_unknown_answer_asks_again(tmp_path: Path) -> None:
    project = _copy(tmp_path, "shop")
    result = _run(project, "--interactive", ".", answers="maybe\nq\n")
    assert result.stdout.count("Apply this fix (1/6)") == 2
    assert "y: apply this fix" in result.stdout
    assert _texts(project) == _texts(EXAMPLE)


def test_uncommitted_files_are_refused_before_any_question(tmp_path: Path) -> None:
    project = _copy(tmp_path, "shop")
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@e.com", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@e.com"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "shop"]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True)
    catalog = project / "catalog.py"
    catalog.write_text(catalog.read_text() + "\n# an edit of mine\n")
    result = _run(project, "--interactive", ".", answers="y\n" * 20)
    assert result.exit_code == 2
    assert "uncommitted changes" in result.stderr and "Apply this fix" not in result.stdout
    allowed = _run(project, "--interactive", "--allow-dirty", ".", answers="y\n" * 20)
    assert allowed.exit_code == 1 and "\ndef list_products(" in catalog.read_text()
