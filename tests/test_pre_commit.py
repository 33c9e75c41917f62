"""The pre-commit hooks, run for real with ``pre-commit try-repo`` on a temporary repository.

pre-commit installs this repository (as it stands, uncommitted edits included) into an
environment of its own and runs a hook with the files of a commit. The project below is
built so that only a whole-project analysis finds the handler: ``handlers.py`` defines it,
``main.py`` registers it and ``store.py`` holds the blocking call, and only
``handlers.py`` is passed. ``other.py`` blocks too but is not passed: it must be neither
reported nor rewritten.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codemods.api import analyse_tree

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("pre_commit", reason="pre-commit is a test dependency: pip install -e '.[test]'")

FILES = {
    "pyproject.toml": '[project]\nname = "shop"\n',
    "main.py": (
        "from fastapi import FastAPI\n\nimport handlers\nimport other\n\napp = FastAPI()\n"
        'app.add_api_route("/report", handlers.report)\napp.add_api_route("/other", other.slow)\n'
    ),
    "handlers.py": "from store import load_report\n\n\nasync def report() -> dict:\n    return load_report()\n",
    "store.py": "import requests\n\n\ndef load_report() -> dict:\n    return requests.get(\"https://r.example\", timeout=5).json()\n",
    "other.py": "import time\n\n\nasync def slow() -> None:\n    time.sleep(1)\n",
}

GIT_ENV = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com"}


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit store for the module: the hook's environment is installed once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "shop"
    project.mkdir()
    for name, text in FILES.items():
        (project / name).write_text(text)
    env = {**os.environ, **GIT_ENV}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "shop"]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True)
    return project


def _try_repo(project: Path, hook: str, home: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or "pre-commit"
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "FASTAPI_UNBLOCK_CACHE_DIR": str(cache),
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("VIRTUAL_ENV", None)  # the hook must use its own environment, not ours
    return subprocess.run([executable, "try-repo", str(ROOT), hook, "--files", "handlers.py", "--verbose"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=900, check=False)


def test_the_check_hook_sees_the_whole_project_and_reports_only_the_files_passed(
        tmp_path: Path, pre_commit_home: Path) -> None:
    project = _project(tmp_path)
    run = _try_repo(project, "fastapi-unblock", pre_commit_home, tmp_path / "cache")
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "Failed" in output
    assert "-async def report() -> dict:" in output and "+def report() -> dict:" in output, output
    assert "other.py" not in output, output
    assert (project / "handlers.py").read_text() == FILES["handlers.py"]  # a check writes nothing


def test_the_fix_hook_rewrites_the_files_passed_as_apply_does(tmp_path: Path, pre_commit_home: Path) -> None:
    project = _project(tmp_path)
    expected = {r.path: r.new_text for r in analyse_tree(project) if r.new_text is not None}
    assert set(expected) == {"handlers.py", "other.py"}  # the whole-project run fixes both
    run = _try_repo(project, "fastapi-unblock-fix", pre_commit_home, tmp_path / "cache")
    output = run.stdout + run.stderr
    assert run.returncode == 1, output  # pre-commit fails a hook that modified files
    assert "files were modified by this hook" in output, output
    assert (project / "handlers.py").read_text() == expected["handlers.py"]
    assert (project / "other.py").read_text() == FILES["other.py"]
    compile((project / "handlers.py").read_text(), "handlers.py", "exec")
    again = _try_repo(project, "fastapi-unblock-fix", pre_commit_home, tmp_path / "cache")
    assert again.returncode == 0, again.stdout + again.stderr  # nothing left to fix: the hook passes
