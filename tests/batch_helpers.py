"""Helpers for ``test_batch.py``: small monorepos in real git repositories, and the CLI.

A monorepo has one folder per service, each with its own ``pyproject.toml``
and an ``app/main.py`` whose async route blocks (``time.sleep`` or
``requests.get``) and awaits nothing, so the fix is ``async def`` -> ``def``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import git

ROOT = Path(__file__).resolve().parent.parent

#: service -> (handler name, import line, blocking statement)
SERVICES: dict[str, tuple[str, str, str]] = {
    "alpha": ("ping", "import time", "time.sleep(0.1)"),
    "beta": ("fetch", "import requests", 'requests.get("https://example.com")'),
    "gamma": ("nap", "import time", "time.sleep(0.2)"),
}

#: The marker of generated files, split so this file is not taken for one.
GENERATED = "@" + "generated"


def handler_module(
    function: str,
    imports: str = "import time",
    call: str = "time.sleep(0.1)",
    route: str | None = None,
) -> str:
    return (
        f"{imports}\n"
        "\n"
        "from fastapi import FastAPI\n"
        "\n"
        "app = FastAPI()\n"
        "\n"
        "\n"
        f'@app.get("/{route or function}")\n'
        f"async def {function}():\n"
        f"    {call}\n"
        f'    return {{"{function}": True}}\n'
    )


def fixed(text: str, function: str) -> str:
    """What convert-to-def makes of ``handler_module(function, ...)``."""
    assert text.count(f"async def {function}(") == 1
    return text.replace(f"async def {function}(", f"def {function}(")


def pyproject(name: str, table: str = "") -> str:
    text = f'[project]\nname = "{name}"\nversion = "0.1.0"\n'
    if table:
        text += f"\n[tool.fastapi-unblock]\n{table.strip()}\n"
    return text


def service_files(services: tuple[str, ...] = tuple(SERVICES)) -> dict[str, str]:
    files: dict[str, str] = {}
    for service in services:
        function, imports, call = SERVICES[service]
        files[f"{service}/pyproject.toml"] = pyproject(service)
        files[f"{service}/app/main.py"] = handler_module(function, imports, call)
    return files


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


# -- git ------------------------------------------------------------------------------------


def init_repo(root: Path, files: dict[str, str]) -> git.Repo:
    """A git repository at ``root`` holding ``files``, all committed on ``main``."""
    root.mkdir(parents=True, exist_ok=True)
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as config:
        config.set_value("user", "name", "Test User")
        config.set_value("user", "email", "test@example.com")
        config.set_value("commit", "gpgsign", "false")
        config.set_value("core", "autocrlf", "false")
    write(root, files)
    commit_all(repo, "initial")
    return repo


def commit_all(repo: git.Repo, message: str) -> str:
    repo.git.add("-A")
    repo.git.commit("-q", "-m", message)
    return repo.head.commit.hexsha


@dataclass(frozen=True)
class GitState:
    head: str
    branch: str
    status: str
    index: str
    refs: str


def git_state(repo: git.Repo) -> GitState:
    return GitState(
        head=repo.git.rev_parse("HEAD"),
        branch=repo.git.symbolic_ref("HEAD"),
        status=repo.git.status("--porcelain", "--untracked-files=all"),
        index=repo.git.ls_files("--stage"),
        refs=repo.git.for_each_ref("--format=%(refname) %(objectname)"),
    )


def commits_on(repo: git.Repo, branch: str, base: str = "main") -> list[git.Commit]:
    """The commits of ``branch`` that ``base`` lacks, oldest first."""
    return list(reversed(list(repo.iter_commits(f"{base}..{branch}"))))


def touched(commit: git.Commit) -> set[str]:
    return {str(diff.b_path or diff.a_path) for diff in commit.parents[0].diff(commit)}


def blob(commit: git.Commit, name: str) -> str:
    return (commit.tree / name).data_stream.read().decode("utf-8")


# -- files ----------------------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root`` outside ``.git``: bytes and mtime."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and ".git" not in path.relative_to(root).parts:
            found[path.relative_to(root).as_posix()] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


# -- the command line -----------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str

    def json(self) -> dict[str, Any]:
        return json.loads(self.stdout)  # type: ignore[no-any-return]

    def __str__(self) -> str:
        return f"exit {self.code}\n--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}"


def cli(cwd: Path, *args: str, timeout: float = 120) -> Result:
    """``python -m codemods ARGS`` in ``cwd`` (the cache folder comes from the environment)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    proc = subprocess.run(
        [sys.executable, "-m", "codemods", "--no-color", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def flagged(document: dict[str, Any]) -> list[tuple[str, str]]:
    """(path, function) of every finding of a JSON document."""
    return sorted((f["path"], f["function"]) for f in document["findings"])
