"""The all-repos autofixer, end to end with the real all-repos (issue 16, item 6).

Three local "remote" repositories (bare, in ``tmp_path``): an app whose route
blocks on ``time.sleep``, a clean async app, and one with no ``async def``
(never cloned for fixing). all-repos lists them from a JSON file, clones them
with ``all-repos-clone``, and pushes with ``merge_to_master`` (fast-forward)
back into the bare repositories, so what a run leaves behind is read straight
from the remotes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from codemods.api import analyse_source

pytest.importorskip("all_repos", reason="all-repos is not installed (pip install all-repos)")

ROOT = Path(__file__).resolve().parent.parent

BLOCKING = '''\
import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/slow")
async def slow() -> dict[str, str]:
    time.sleep(1)
    return {"status": "slow"}
'''

CLEAN = '''\
import asyncio

from fastapi import FastAPI

app = FastAPI()


@app.get("/fast")
async def fast() -> dict[str, str]:
    await asyncio.sleep(0)
    return {"status": "fast"}
'''

SYNC_ONLY = '''\
from fastapi import FastAPI

app = FastAPI()


@app.get("/sync")
def sync() -> dict[str, str]:
    return {"status": "sync"}
'''

APPS = {"blocking": BLOCKING, "clean": CLEAN, "sync-only": SYNC_ONLY}


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "VIRTUAL_ENV"}
    empty = tmp_path / "gitconfig"
    empty.touch()
    env.update(
        GIT_AUTHOR_NAME="Test Author", GIT_AUTHOR_EMAIL="author@example.com",
        GIT_COMMITTER_NAME="Test Committer", GIT_COMMITTER_EMAIL="committer@example.com",
        # No user or system git configuration (signing, hooks, templates) leaks in.
        GIT_CONFIG_GLOBAL=str(empty), GIT_CONFIG_NOSYSTEM="1",
        PYTHONPATH=os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]),
    )
    return env


def _git(env: dict[str, str], *args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _python(env: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, *args], check=False, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture()
def setup(tmp_path: Path) -> tuple[dict[str, str], Path, dict[str, Path]]:
    env = _env(tmp_path)
    remotes: dict[str, Path] = {}
    for name, text in APPS.items():
        work = tmp_path / "work" / name
        work.mkdir(parents=True)
        (work / "app.py").write_text(text, encoding="utf-8")
        _git(env, "init", "--quiet", "--initial-branch=main", cwd=work)
        _git(env, "add", "app.py", cwd=work)
        _git(env, "commit", "--quiet", "-m", "Initial commit", cwd=work)
        remotes[name] = tmp_path / "remotes" / f"{name}.git"
        _git(env, "clone", "--quiet", "--bare", str(work), str(remotes[name]), cwd=tmp_path)
    repos_json = tmp_path / "repos.json"
    repos_json.write_text(json.dumps({name: str(path) for name, path in remotes.items()}), encoding="utf-8")
    config = tmp_path / "all-repos.json"
    config.write_text(json.dumps({
        "output_dir": "output",
        "source": "all_repos.source.json_file",
        "source_settings": {"filename": str(repos_json)},
        "push": "all_repos.push.merge_to_master",
        "push_settings": {"fast_forward": True},
    }), encoding="utf-8")
    config.chmod(0o600)  # all-repos refuses a config others can read
    _python(env, "-m", "all_repos.clone", "--config-filename", str(config), cwd=tmp_path)
    return env, config, remotes


def _heads(env: dict[str, str], remotes: dict[str, Path]) -> dict[str, str]:
    return {name: _git(env, "rev-parse", "main", cwd=path).strip() for name, path in remotes.items()}


def test_one_commit_per_repository_with_something_to_fix(setup: tuple[dict[str, str], Path, dict[str, Path]],
                                                         tmp_path: Path) -> None:
    env, config, remotes = setup
    before = _heads(env, remotes)
    expected = analyse_source(BLOCKING, "app.py")
    assert expected.new_text is not None and expected.new_text != BLOCKING
    [finding] = expected.findings

    dry = _python(env, "-m", "codemods.all_repos", "--config-filename", str(config), "--dry-run", cwd=tmp_path)
    assert "fastapi-unblock: fixed 1 handler(s) in 1 file(s)" in dry.stdout, dry.stdout + dry.stderr
    assert _heads(env, remotes) == before  # a dry run pushes nothing

    done = _python(env, "-m", "codemods.all_repos", "--config-filename", str(config), cwd=tmp_path)
    after = _heads(env, remotes)
    # Only repositories with an ``async def`` are cloned for fixing.
    assert "***" + str(tmp_path / "output" / "sync-only") not in done.stdout
    assert "***" + str(tmp_path / "output" / "clean") in done.stdout

    assert after["clean"] == before["clean"]
    assert after["sync-only"] == before["sync-only"]
    blocking = remotes["blocking"]
    new = _git(env, "rev-list", f"{before['blocking']}..main", cwd=blocking).split()
    assert len(new) == 1
    assert _git(env, "rev-parse", f"{new[0]}^", cwd=blocking).strip() == before["blocking"]
    message = _git(env, "log", "-1", "--format=%B", new[0], cwd=blocking)
    assert message.startswith("fastapi-unblock: unblock async handlers")
    line = f"- app.py:{finding.line} {finding.function} ({finding.kind.value}): {finding.fix.strategy.value}"
    assert line in message.splitlines(), message
    assert _git(env, "log", "-1", "--format=%an <%ae>", new[0], cwd=blocking).strip() == "Test Author <author@example.com>"
    assert _git(env, "show", f"{new[0]}:app.py", cwd=blocking) == expected.new_text
    assert _git(env, "diff", "--name-only", before["blocking"], new[0], cwd=blocking).split() == ["app.py"]
