"""Batch mode on monorepos: real git repositories, the real CLI in a subprocess.

Each test builds a small monorepo (``alpha``, ``beta``, ``gamma``: a folder
with ``pyproject.toml`` and an ``app/main.py`` whose async route blocks and
awaits nothing, so the fix is convert-to-def) in a temporary git repository
and runs ``python -m codemods`` in it, with a private cache folder.
"""

from __future__ import annotations

import gc
import json
import os
import stat
import subprocess
import sys
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import Any

import git
import pytest
from batch_helpers import (
    GENERATED,
    SERVICES,
    blob,
    cli,
    commit_all,
    commits_on,
    fixed,
    flagged,
    git_state,
    handler_module,
    init_repo,
    pyproject,
    service_files,
    snapshot,
    touched,
    write,
)

from codemods.analysis.callers import CallerSites
from codemods.analysis.modules import ModuleInfo
from codemods.runner import RunOptions, run

ALL = [("alpha/app/main.py", "ping"), ("beta/app/main.py", "fetch"), ("gamma/app/main.py", "nap")]


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user or system git configuration; a cache folder of this test's own."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("FASTAPI_UNBLOCK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def mono(tmp_path: Path) -> git.Repo:
    return init_repo(tmp_path / "repo", service_files())


def root_of(repo: git.Repo) -> Path:
    return Path(repo.working_tree_dir or "")


def findings_in(root: Path, *args: str) -> list[tuple[str, str]]:
    result = cli(root, "--format", "json", *args)
    assert result.code in (0, 1), result
    return flagged(result.json())


# -- which files ----------------------------------------------------------------------------


def test_every_service_is_flagged(mono: git.Repo) -> None:
    assert findings_in(root_of(mono), ".") == ALL


def test_an_untracked_file_git_does_not_ignore_is_analysed(mono: git.Repo) -> None:
    root = root_of(mono)
    write(root, {"beta/app/extra.py": handler_module("extra")})
    assert ("beta/app/extra.py", "extra") in findings_in(root, ".")


def test_a_gitignored_file_is_not_analysed(mono: git.Repo) -> None:
    root = root_of(mono)
    write(root, {".gitignore": "scratch/\n*_local.py\n"})
    write(
        root,
        {
            "beta/scratch/tmp.py": handler_module("tmp"),
            "gamma/app/try_local.py": handler_module("mine"),
        },
    )
    assert findings_in(root, ".") == ALL


def test_outside_git_the_walk_skips_environments_build_output_caches_and_hidden_folders(
    tmp_path: Path,
) -> None:
    root = tmp_path / "plain"
    with pytest.raises(git.InvalidGitRepositoryError):
        git.Repo(tmp_path, search_parent_directories=True)
    write(root, service_files())
    for folder in (
        ".venv/lib",
        "node_modules/pkg",
        "build/lib",
        "alpha/app/__pycache__",
        ".hidden",
        "alpha/.tox",
    ):
        write(root, {f"{folder}/blocking.py": handler_module("skipped")})
    assert findings_in(root, ".") == ALL


def test_a_generated_file_is_skipped_and_counted(mono: git.Repo) -> None:
    root = root_of(mono)
    write(
        root,
        {"gamma/app/client_gen.py": f"# {GENERATED} by a tool\n" + handler_module("generated")},
    )
    result = cli(root, "--format", "json", ".")
    assert result.code == 1, result
    document = result.json()
    assert flagged(document) == ALL
    assert document["summary"]["skipped"] == {"generated (marked @generated)": 1}
    assert document["summary"]["projects"]["gamma"]["skipped"] == {
        "generated (marked @generated)": 1
    }


def test_outside_git_a_fifo_named_like_a_module_does_not_hang_the_run(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    write(root, service_files())
    os.mkfifo(root / "alpha" / "app" / "pipe.py")
    result = cli(root, "--format", "json", ".", timeout=4)  # TimeoutExpired fails the test
    assert flagged(result.json()) == ALL


# -- exclude --------------------------------------------------------------------------------


def test_exclude_flag_skips_matching_files(mono: git.Repo) -> None:
    root = root_of(mono)
    write(root, {"alpha/app/legacy.py": handler_module("legacy")})
    assert findings_in(root, "--exclude", "beta/", "--exclude", "legacy.py", ".") == [
        ALL[0],
        ALL[2],
    ]


def test_exclude_in_a_project_table_skips_files_of_that_project_only(mono: git.Repo) -> None:
    root = root_of(mono)
    write(
        root,
        {
            "alpha/pyproject.toml": pyproject(
                "alpha", 'exclude = ["app/legacy.py", "migrations/"]'
            ),
            "alpha/app/legacy.py": handler_module("legacy"),
            "alpha/migrations/m001.py": handler_module("migrate"),
            "beta/app/legacy.py": handler_module("kept"),
        },
    )
    assert findings_in(root, ".") == sorted(ALL + [("beta/app/legacy.py", "kept")])


# -- configuration per project --------------------------------------------------------------


def test_each_project_uses_its_own_table(mono: git.Repo) -> None:
    root = root_of(mono)
    write(
        root,
        {
            # The repository root is a project too; its table is not inherited by the services.
            "pyproject.toml": pyproject("monorepo", 'select = ["UNB110"]'),
            "tools/ops.py": handler_module("ops"),
            "alpha/pyproject.toml": pyproject("alpha", 'ignore = ["UNB100"]'),
        },
    )
    assert findings_in(root, ".") == [("beta/app/main.py", "fetch"), ("gamma/app/main.py", "nap")]


def test_an_unknown_key_in_one_project_stops_the_run_and_writes_nothing(
    mono: git.Repo, tmp_path: Path
) -> None:
    root = root_of(mono)
    write(root, {"beta/pyproject.toml": pyproject("beta", 'ignor = ["UNB110"]')})
    before = snapshot(root)
    for args in (["--apply"], ["--format", "json"], []):
        result = cli(root, *args, ".")
        assert result.code == 2, result
        assert result.stdout == "", result
        assert "beta/pyproject.toml" in result.stderr and "'ignor'" in result.stderr, result
        assert "did you mean 'ignore'" in result.stderr, result
    assert snapshot(root) == before
    assert not list((tmp_path / "cache").glob("*.pickle"))


# -- --changed-since ------------------------------------------------------------------------


def test_changed_since_reports_only_the_changed_service(mono: git.Repo) -> None:
    root = root_of(mono)
    base = mono.head.commit.hexsha
    text = (root / "beta/app/main.py").read_text()
    write(root, {"beta/app/main.py": "# touched\n" + text})
    commit_all(mono, "touch beta")
    assert findings_in(root, "--changed-since", base, ".") == [("beta/app/main.py", "fetch")]
    assert findings_in(root, "--changed-since", "HEAD", ".") == []


def test_changed_since_counts_a_registration_in_an_unchanged_file(mono: git.Repo) -> None:
    root = root_of(mono)
    write(
        root,
        {
            "alpha/app/deps.py": "import time\n\n\nasync def get_db():\n    return {}\n",
            "alpha/app/routes.py": (
                "from fastapi import Depends, FastAPI\n\nfrom app.deps import get_db\n\nrouter = FastAPI()\n\n\n"
                '@router.get("/items")\ndef items(db=Depends(get_db)):\n    return db\n'
            ),
        },
    )
    commit_all(mono, "deps")
    write(
        root,
        {
            "alpha/app/deps.py": "import time\n\n\nasync def get_db():\n    time.sleep(1)\n    return {}\n"
        },
    )
    result = cli(root, "--format", "json", "--changed-since", "HEAD", ".")
    assert result.code == 1, result
    [finding] = result.json()["findings"]
    assert (finding["path"], finding["function"], finding["kind"]) == (
        "alpha/app/deps.py",
        "get_db",
        "dependency",
    )


_CONVERTED_ROUTE = (
    "import time\n\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
    '@app.get("/slow")\nasync def slow():\n    time.sleep(1)\n    return {}\n'
)
_AWAITING_CALLER = "from app.main import slow\n\n\nasync def report():\n    return await slow()\n"


def _fix_of(result: Any, function: str) -> dict[str, Any]:
    [finding] = [f for f in result.json()["findings"] if f["function"] == function]
    return finding["fix"]  # type: ignore[no-any-return]


def test_a_converted_route_takes_its_awaiting_caller_in_another_file_along(mono: git.Repo) -> None:
    root = root_of(mono)
    write(root, {"alpha/app/main.py": _CONVERTED_ROUTE, "alpha/app/report.py": _AWAITING_CALLER})
    result = cli(root, "--format", "json", ".")
    assert _fix_of(result, "slow")["strategy"] == "convert-to-def", result
    assert cli(root, "--apply", "--allow-dirty", ".").code == 0
    assert "return await run_in_threadpool(slow)" in (root / "alpha/app/report.py").read_text()
    assert "\ndef slow():" in (root / "alpha/app/main.py").read_text()
    assert cli(root, ".").code == 0  # a second run changes nothing


def test_changed_since_does_not_convert_a_route_whose_caller_is_unchanged(mono: git.Repo) -> None:
    root = root_of(mono)
    write(root, {"alpha/app/main.py": "import time\n", "alpha/app/report.py": _AWAITING_CALLER})
    commit_all(mono, "caller")
    write(root, {"alpha/app/main.py": _CONVERTED_ROUTE})
    result = cli(root, "--format", "json", "--changed-since", "HEAD", ".")
    fix = _fix_of(result, "slow")
    assert fix["strategy"] == "swap-to-async", result
    assert "report.py" in fix["reason"] and "leaves alone" in fix["reason"], fix
    assert "report.py" not in {f["path"] for f in result.json()["findings"]}


def test_changed_since_looks_for_callers_of_the_changed_files_functions_only(
    mono: git.Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a function the run may convert needs its callers: those of the reported files.
    (Asking for every registered name sent the callers pass through most of a large project.)"""
    root = root_of(mono)
    write(root, {"alpha/app/report.py": _AWAITING_CALLER})
    commit_all(mono, "caller")
    write(root, {"alpha/app/main.py": _CONVERTED_ROUTE})
    asked: set[str] = set()
    original = CallerSites.named

    def recording(self: CallerSites, name: str, module: Any) -> Any:
        asked.add(name)
        return original(self, name, module)

    monkeypatch.setattr(CallerSites, "named", recording)
    monkeypatch.chdir(root)
    report = run(RunOptions(jobs=1, changed_since="HEAD", use_cache=False))
    assert [f.function for o in report.outcomes for f in o.result.findings] == ["slow"]
    assert asked == {"slow"}


def test_a_generated_caller_keeps_the_route_async(mono: git.Repo) -> None:
    root = root_of(mono)
    generated = "# @generated by a tool\n" + _AWAITING_CALLER
    write(root, {"alpha/app/main.py": _CONVERTED_ROUTE, "alpha/app/report.py": generated})
    result = cli(root, "--format", "json", ".")
    assert _fix_of(result, "slow")["strategy"] == "swap-to-async", result
    assert cli(root, "--apply", "--allow-dirty", ".").code == 0
    assert (root / "alpha/app/report.py").read_text() == generated


def test_changed_since_an_unknown_revision_is_an_error(mono: git.Repo) -> None:
    result = cli(root_of(mono), "--changed-since", "no-such-rev", ".")
    assert result.code == 2, result
    assert "no-such-rev" in result.stderr or "rev-parse" in result.stderr, result


# -- --apply and uncommitted changes --------------------------------------------------------


def _dirty_beta(root: Path) -> str:
    text = "# work in progress\n" + (root / "beta/app/main.py").read_text()
    write(root, {"beta/app/main.py": text})
    return text


def test_apply_refuses_files_with_uncommitted_changes(mono: git.Repo) -> None:
    root = root_of(mono)
    _dirty_beta(root)
    before, state = snapshot(root), git_state(mono)
    result = cli(root, "--apply", ".")
    assert result.code == 2, result
    assert "uncommitted changes" in result.stderr and "beta/app/main.py" in result.stderr, result
    assert "alpha/app/main.py" not in result.stderr, result
    assert snapshot(root) == before  # bytes and mtimes: nothing written, not even the clean files
    assert git_state(mono) == state


def test_allow_dirty_rewrites_files_with_uncommitted_changes(mono: git.Repo) -> None:
    root = root_of(mono)
    dirty = _dirty_beta(root)
    result = cli(root, "--apply", "--allow-dirty", ".")
    assert result.code == 0, result
    assert (root / "beta/app/main.py").read_text() == fixed(dirty, "fetch")
    assert (root / "alpha/app/main.py").read_text() == fixed(
        service_files()["alpha/app/main.py"], "ping"
    )


# -- --apply --commit -----------------------------------------------------------------------


def test_commit_makes_one_commit_per_service_on_a_dated_branch(mono: git.Repo) -> None:
    root = root_of(mono)
    original = service_files()
    days = {date.today().isoformat()}
    result = cli(root, "--apply", "--commit", ".")
    days.add(date.today().isoformat())
    assert result.code == 0, result
    branches = [b.name for b in mono.branches if b.name != "main"]
    assert len(branches) == 1 and branches[0] in {f"fastapi-unblock/{d}" for d in days}, branches
    commits = commits_on(mono, branches[0])
    assert [c.summary for c in commits] == [
        f"fastapi-unblock: unblock async handlers in {s}" for s in SERVICES
    ]
    assert commits[0].parents[0] == mono.head.commit
    for commit, (path, function) in zip(commits, ALL):
        assert touched(commit) == {path}
        assert f"- {path}:9 {function} (route): convert-to-def" in commit.message
        assert blob(commit, path) == fixed(original[path], function)


def test_commit_leaves_the_current_branch_index_and_working_tree_alone_and_pushes_nothing(
    mono: git.Repo,
    tmp_path: Path,
) -> None:
    root = root_of(mono)
    remote = git.Repo.init(tmp_path / "remote.git", bare=True)
    mono.create_remote("origin", str(tmp_path / "remote.git"))
    mono.git.push("-q", "origin", "main")
    remote_refs = remote.git.for_each_ref()
    write(root, {"notes.txt": "untracked\n", "alpha/README.md": "staged\n"})
    mono.git.add("alpha/README.md")
    before, state = snapshot(root), git_state(mono)

    result = cli(root, "--apply", "--commit", "--branch", "unblock/review", ".")
    assert result.code == 0, result

    assert snapshot(root) == before
    after = git_state(mono)
    assert (after.head, after.branch, after.status, after.index) == (
        state.head,
        state.branch,
        state.status,
        state.index,
    )
    commits = commits_on(mono, "unblock/review")
    assert len(commits) == 3
    assert set().union(*map(touched, commits)) == {path for path, _ in ALL}  # not the staged README
    assert remote.git.for_each_ref() == remote_refs
    assert "refs/remotes/origin/unblock" not in after.refs


def test_commit_to_an_existing_branch_fails_and_changes_nothing(mono: git.Repo) -> None:
    root = root_of(mono)
    first = cli(root, "--apply", "--commit", "--branch", "unblock/review", ".")
    assert first.code == 0, first
    before, state = snapshot(root), git_state(mono)
    again = cli(root, "--apply", "--commit", "--branch", "unblock/review", ".")
    assert again.code == 2, again
    assert "already exists" in again.stderr and "unblock/review" in again.stderr, again
    assert snapshot(root) == before
    assert git_state(mono) == state


def test_commit_stores_what_git_add_would_store_under_gitattributes_eol(mono: git.Repo) -> None:
    root = root_of(mono)
    write(root, {".gitattributes": "*.py text eol=crlf\n"})
    commit_all(mono, "attributes")
    (root / "alpha/app/main.py").unlink()
    mono.git.checkout("--", "alpha/app/main.py")  # now CRLF in the working tree, LF in git
    assert b"\r\n" in (root / "alpha/app/main.py").read_bytes() and not mono.git.status(
        "--porcelain"
    )
    result = cli(root, "--apply", "--commit", "--branch", "crlf", "alpha")
    assert result.code == 0, result
    [commit] = commits_on(mono, "crlf")
    assert mono.git.diff("--numstat", "main", "crlf") == "1\t1\talpha/app/main.py"
    assert blob(commit, "alpha/app/main.py") == fixed(service_files()["alpha/app/main.py"], "ping")


def test_split_by_owner_makes_one_commit_per_codeowners_owner(mono: git.Repo) -> None:
    root = root_of(mono)
    write(
        root,
        {
            ".github/CODEOWNERS": "# owners\n* @platform\n/alpha/ @team-a\n/gamma/ @team-a\n/beta/ @team-b\n"
        },
    )
    commit_all(mono, "owners")
    result = cli(root, "--apply", "--commit", "--branch", "by-owner", "--split-by", "owner", ".")
    assert result.code == 0, result
    commits = commits_on(mono, "by-owner")
    assert {c.summary: touched(c) for c in commits} == {
        "fastapi-unblock: unblock async handlers in @team-a": {
            "alpha/app/main.py",
            "gamma/app/main.py",
        },
        "fastapi-unblock: unblock async handlers in @team-b": {"beta/app/main.py"},
    }


def test_split_by_owner_keeps_a_converted_function_and_its_rewritten_callers_in_one_commit(mono: git.Repo) -> None:
    root = root_of(mono)
    write(root, {
        "alpha/app/main.py": _CONVERTED_ROUTE,
        "alpha/app/report.py": _AWAITING_CALLER,
        "CODEOWNERS": "* @platform\n/alpha/app/main.py @team-a\n/alpha/app/report.py @team-r\n",
    })
    commit_all(mono, "route, caller and owners")
    result = cli(root, "--apply", "--commit", "--branch", "together", "--split-by", "owner", ".")
    assert result.code == 0, result
    [with_caller] = [c for c in commits_on(mono, "together") if "alpha/app/report.py" in touched(c)]
    assert {"alpha/app/main.py", "alpha/app/report.py"} <= touched(with_caller)
    assert "await run_in_threadpool(slow)" in blob(with_caller, "alpha/app/report.py")


def test_split_by_owner_without_codeowners_is_an_error(mono: git.Repo) -> None:
    root = root_of(mono)
    before, state = snapshot(root), git_state(mono)
    result = cli(root, "--apply", "--commit", "--split-by", "owner", ".")
    assert result.code == 2, result
    assert "CODEOWNERS" in result.stderr, result
    assert snapshot(root) == before
    assert git_state(mono) == state


# -- the cache and parallel runs ------------------------------------------------------------


def _sixty_files() -> dict[str, str]:
    files = service_files()
    for service in SERVICES:
        for i in range(19):
            files[f"{service}/app/m{i:02}.py"] = handler_module(f"{service}_{i:02}")
    return files


def test_results_are_the_same_with_or_without_cache_warm_or_cold_and_for_any_jobs(
    tmp_path: Path,
) -> None:
    repo = init_repo(tmp_path / "repo", _sixty_files())
    root = root_of(repo)
    runs = {}
    for name, args in {
        "no-cache -j1": ["--no-cache", "-j", "1"],
        "no-cache -j2": ["--no-cache", "-j", "2"],
        "cold -j2": ["-j", "2"],
        "warm -j2": ["-j", "2"],
        "warm -j1": ["-j", "1"],
    }.items():
        assert bool(list((tmp_path / "cache").glob("*.pickle"))) == name.startswith("warm"), name
        runs[name] = cli(root, "--format", "json", *args, ".")
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 3  # one entry per service
    reference = runs["no-cache -j1"]
    assert reference.code == 1 and len(reference.json()["findings"]) == 60, reference
    for name, result in runs.items():
        assert (result.code, result.stdout) == (reference.code, reference.stdout), name
    # The patch, built from cached outcomes, is the patch built from scratch.
    patch, warm_patch = cli(root, "--no-cache", "-j", "2", "."), cli(root, "-j", "2", ".")
    assert patch.stdout.count("\n-async def ") == 60, patch
    assert (warm_patch.code, warm_patch.stdout) == (patch.code, patch.stdout)


def test_projects_in_batches_give_the_same_results_and_each_batch_is_released(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from codemods import pipeline, workers

    repo = init_repo(tmp_path / "repo", _sixty_files())
    root = root_of(repo)

    def findings(batch_files: int) -> list[tuple[str, int, str, bool]]:
        monkeypatch.setattr(workers, "BATCH_FILES", batch_files)
        report = run(RunOptions(paths=(root,), jobs=1, use_cache=False, overrides={"deps": False}))
        return [(f.path, f.line, f.fix.strategy.value, f.fixed) for o in report.outcomes for f in o.result.findings]

    held: list[int] = []
    passes = pipeline._passes

    def counting(runner: Any, batch: list[Any], *rest: Any) -> None:
        held.append(len(pipeline._PROJECTS))  # analyses alive when a batch starts
        passes(runner, batch, *rest)

    monkeypatch.setattr(pipeline, "_passes", counting)
    together = findings(1000)  # 60 files: the three services in one batch
    assert held == [0]
    held.clear()
    apart = findings(1)  # no batch holds more than the largest project: one service each
    assert held == [0, 0, 0]  # each batch starts with nothing of the one before
    assert apart == together and len(together) == 60


def test_no_parsed_module_outlives_its_batch_where_a_fix_moved_a_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A handler that must stay async gets its blocking call swapped; the fix's context (which
    holds the resolver, and with it every parsed module of the project) was kept by a cache of
    ``with`` statements, so a run over many projects with one worker kept a batch alive while
    the next one was analysed: memory followed the sum of the batches, not the largest."""
    from codemods import pipeline, workers

    files: dict[str, str] = {}
    for service in ("alpha", "beta", "gamma"):
        files[f"{service}/pyproject.toml"] = pyproject(service)
        files[f"{service}/app/main.py"] = handler_module(
            f"{service}_wait", "import asyncio\nimport time", "await asyncio.sleep(0)\n    time.sleep(0.1)")
    root = root_of(init_repo(tmp_path / "repo", files))
    monkeypatch.setattr(workers, "BATCH_FILES", 1)  # one service per batch
    alive: list[int] = []
    passes = pipeline._passes

    def counting(runner: Any, batch: list[Any], *rest: Any) -> None:
        alive.append(sum(isinstance(o, ModuleInfo) for o in gc.get_objects()))  # when a batch starts
        passes(runner, batch, *rest)

    monkeypatch.setattr(pipeline, "_passes", counting)
    report = run(RunOptions(paths=(root,), jobs=1, use_cache=False, overrides={"deps": False}))
    fixes = [f.fix.strategy.value for o in report.outcomes for f in o.result.findings]
    assert fixes == ["swap-to-async"] * 3, fixes
    assert alive[1:] == [0, 0], alive


def test_batches_are_no_bigger_than_the_largest_project_or_the_minimum() -> None:
    from codemods.workers import BATCH_FILES, in_batches

    sizes = [BATCH_FILES - 10, 5, 6, BATCH_FILES * 3, 1, 2]
    batches = in_batches(sizes, lambda size: size)  # the budget is the largest project: 3 * BATCH_FILES
    assert batches == [[BATCH_FILES - 10, 5, 6], [BATCH_FILES * 3], [1, 2]]
    small = [BATCH_FILES // 2, BATCH_FILES // 2, 1]  # no project as big as the minimum: it is the budget
    assert in_batches(small, lambda size: size) == [small[:2], small[2:]]
    assert [s for batch in batches for s in batch] == sizes  # order kept, nothing lost
    assert in_batches([], lambda size: size) == []


def test_the_summary_has_one_entry_per_service(mono: git.Repo) -> None:
    result = cli(root_of(mono), "--format", "json", ".")
    projects = result.json()["summary"]["projects"]
    assert sorted(projects) == sorted(SERVICES)
    assert all(p["files_scanned"] == 1 and p["handlers_flagged"] == 1 for p in projects.values())


def test_an_edit_after_a_cached_run_is_picked_up(mono: git.Repo) -> None:
    root = root_of(mono)
    assert findings_in(root, ".") == ALL
    path = root / "gamma/app/main.py"
    text, info = path.read_text(), path.stat()
    # Same size and mtime: only the content (and the ctime) differ.
    edited = text.replace("    time.sleep(0.2)\n", "    print(0.2, 123)\n")
    assert len(edited) == len(text)
    path.write_text(edited)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert findings_in(root, ".") == ALL[:2] == findings_in(root, "--no-cache", ".")


#: A helper the project's table excludes, called by a route of ``gamma``.
EXCLUDED_HELPER = {
    "gamma/pyproject.toml": '[project]\nname = "gamma"\n\n[tool.fastapi-unblock]\nexclude = ["app/helpers.py"]\n',
    "gamma/app/helpers.py": "def pause():\n    return 0\n",
    "gamma/app/extra.py": (
        "from fastapi import APIRouter\n\nfrom app.helpers import pause\n\nrouter = APIRouter()\n\n\n"
        '@router.get("/extra")\nasync def extra():\n    pause()\n    return {}\n'
    ),
}


def _edits_of_the_excluded_helper_count(root: Path, target: str) -> None:
    assert "extra" not in [f for _path, f in findings_in(root, target)]
    write(root, {"gamma/app/helpers.py": "import time\n\n\ndef pause():\n    time.sleep(1)\n"})
    assert "extra" in [f for _path, f in findings_in(root, target)]
    write(root, {"gamma/app/helpers.py": EXCLUDED_HELPER["gamma/app/helpers.py"]})
    assert "extra" not in [f for _path, f in findings_in(root, target)]


@pytest.mark.parametrize("target", [".", "gamma", "gamma/app"])
def test_an_excluded_helper_edited_after_a_cached_run_is_picked_up(mono: git.Repo, target: str) -> None:
    """The cache key covers every file of a project, also those excluded from the analysis."""
    root = root_of(mono)
    write(root, EXCLUDED_HELPER)
    _edits_of_the_excluded_helper_count(root, target)


@pytest.mark.parametrize("target", [".", "gamma", "gamma/app"])
def test_outside_git_an_excluded_helper_edited_after_a_cached_run_is_picked_up(tmp_path: Path, target: str) -> None:
    """Outside git the cache keys stat the files discovery's walk listed, excluded ones included."""
    root = tmp_path / "plain"
    write(root, {**service_files(), **EXCLUDED_HELPER})
    _edits_of_the_excluded_helper_count(root, target)


def test_outside_git_a_run_does_not_import_gitpython(tmp_path: Path) -> None:
    """No ``.git`` above the paths: git could find no repository, so GitPython (slower to import
    than a warm run takes) is not imported at all."""
    root = tmp_path / "plain"
    write(root, service_files())
    probe = ("import sys, runpy\nsys.argv = ['fastapi-unblock', '--format', 'json', '-q', '.']\n"
             "try:\n    runpy.run_module('codemods', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "sys.stderr.write('git imported: %s' % ('git' in sys.modules))\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[1]), os.environ.get("PYTHONPATH", "")])}
    for _ in range(2):  # cold, then warm
        done = subprocess.run([sys.executable, "-c", probe], cwd=root, env=env, capture_output=True, text=True,
                              check=False)
        assert done.stderr.endswith("git imported: False"), done.stderr
        assert flagged(json.loads(done.stdout)) == ALL


def test_a_git_worktree_is_found_through_its_git_file(mono: git.Repo, tmp_path: Path) -> None:
    """A worktree (or submodule) has a ``.git`` file, not a folder: it is still a repository."""
    from codemods.vcs import Repository

    mono.git.worktree("add", str(tmp_path / "worktree"), "-b", "side")
    assert (tmp_path / "worktree" / ".git").is_file()
    found = Repository.find(tmp_path / "worktree" / "alpha" / "app")
    assert found is not None and found.root == (tmp_path / "worktree").resolve()
    assert findings_in(tmp_path / "worktree", ".") == ALL


def test_a_plain_file_broken_after_a_cached_run_is_reported(mono: git.Repo) -> None:
    """Pass 1's per-file verdicts are keyed by size, mtime and ctime: a stale one is never served."""
    root = root_of(mono)
    path = root / "gamma/app/util.py"
    # Async code (no registration): syntax-checked by pass 1 and, parsing, found plain.
    write(root, {"gamma/app/util.py": "async def double(x):\n    return 2 * x\n"})
    assert findings_in(root, ".") == ALL
    assert list((root.parent / "cache" / "files").glob("*.pickle"))
    info = path.stat()
    path.write_bytes(b"async def double(x:)\n    return 2 * x\n")  # same size and mtime, a syntax error
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    result = cli(root, "--format", "json", ".")
    assert result.code == 2, result
    assert [e["path"] for e in result.json()["errors"]] == ["gamma/app/util.py"]
    assert "syntax error" in result.json()["errors"][0]["message"]


def test_unchanged_plain_files_are_not_read_again_when_their_project_is(
    mono: git.Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from codemods import pipeline

    root = root_of(mono)
    write(root, {f"alpha/app/plain{i}.py": f"X = {i}\n" for i in range(3)})
    monkeypatch.chdir(root)
    scanned: list[str] = []
    scan = pipeline.scan_file

    def counting(path: Path, project_of: object) -> object:
        scanned.append(path.name)
        return scan(path, project_of)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "scan_file", counting)
    first = run(RunOptions(paths=(Path("alpha"),), jobs=1))
    assert sorted(scanned) == ["main.py", "plain0.py", "plain1.py", "plain2.py"]
    scanned.clear()
    (root / "alpha/app/main.py").write_text((root / "alpha/app/main.py").read_text() + "# edited\n")
    second = run(RunOptions(paths=(Path("alpha"),), jobs=1))
    assert scanned == ["main.py"]  # the project is re-analysed; its plain files are not re-read
    assert [o.result.findings for o in second.outcomes] == [o.result.findings for o in first.outcomes]


def test_a_warm_run_prints_the_patch_kept_with_the_cached_outcome(
    mono: git.Repo, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """The worker that analysed a file made its patch; the cache keeps it, so a warm run
    prints it without diffing the texts again, and prints what a cold run prints."""
    from codemods import diffing, pipeline
    from codemods.console import emit_report

    root = root_of(mono)
    monkeypatch.chdir(root)
    cold = run(RunOptions(paths=(Path("."),), jobs=1))
    changed = [o for o in cold.outcomes if o.result.changed]
    assert len(changed) == 3
    assert all(o.patch == diffing.unified_diff(o.result.old_text, o.result.new_text or "", o.result.path)
               for o in changed)
    emit_report(cold, "diff", False, True, False, True)
    printed = capsysbinary.readouterr().out

    def no_diffing(*_args: object) -> bytes:
        raise AssertionError("a warm run diffed the texts again")

    monkeypatch.setattr(diffing, "unified_diff", no_diffing)
    monkeypatch.setattr(pipeline, "analyse_files", no_diffing)  # served from the cache
    warm = run(RunOptions(paths=(Path("."),), jobs=1))
    assert [o.patch for o in warm.outcomes] == [o.patch for o in cold.outcomes]
    emit_report(warm, "diff", False, True, False, True)
    assert capsysbinary.readouterr().out == printed and b"+++ b/alpha/app/main.py" in printed


def test_a_warm_run_writes_the_json_report_from_the_findings_laid_out_in_the_cache(
    mono: git.Repo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The worker that found a finding laid it out as the JSON report writes it; the cache
    keeps that, so a warm run writes the report without laying out a finding again, and
    writes what the cold run wrote."""
    from codemods import pipeline, report
    from codemods.console import emit_report

    root = root_of(mono)
    monkeypatch.chdir(root)
    cold = run(RunOptions(paths=(Path("."),), jobs=1))
    emit_report(cold, "json", False, False, False, True)
    written = capsys.readouterr().out
    assert len(json.loads(written)["findings"]) == 3

    def no_layout(*_args: object) -> object:
        raise AssertionError("a warm run laid a finding out again")

    monkeypatch.setattr(report, "finding_as_dict", no_layout)
    monkeypatch.setattr(pipeline, "analyse_files", no_layout)  # served from the cache
    warm = run(RunOptions(paths=(Path("."),), jobs=1))
    emit_report(warm, "json", False, False, False, True)
    assert capsys.readouterr().out == written


def test_an_edit_to_a_helper_module_outside_the_named_files_is_picked_up(mono: git.Repo) -> None:
    root = root_of(mono)
    write(
        root,
        {
            "alpha/app/main.py": handler_module("ping", "from app.helpers import slow", "slow()"),
            "alpha/app/helpers.py": "import time\n\n\ndef slow():\n    time.sleep(1)\n",
        },
    )
    commit_all(mono, "helpers")
    assert findings_in(root, "alpha/app/main.py") == [("alpha/app/main.py", "ping")]
    write(root, {"alpha/app/helpers.py": "import time\n\n\ndef slow():\n    return 1\n"})
    assert findings_in(root, "--no-cache", "alpha/app/main.py") == []
    assert findings_in(root, "alpha/app/main.py") == []


# -- files that disappear or cannot be read -------------------------------------------------


def test_a_file_deleted_between_two_runs(mono: git.Repo) -> None:
    root = root_of(mono)
    assert findings_in(root, ".") == ALL
    (root / "beta/app/main.py").unlink()
    result = cli(root, "--format", "json", ".")
    assert result.code == 1, result
    assert flagged(result.json()) == [ALL[0], ALL[2]]
    assert sorted(result.json()["summary"]["projects"]) == ["alpha", "gamma"]


def test_a_file_deleted_during_the_run_is_reported(
    mono: git.Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = root_of(mono)
    monkeypatch.chdir(root)

    def delete_beta(total: int) -> None:  # called after discovery, before any file is read
        (root / "beta/app/main.py").unlink()

    report = run(RunOptions(paths=(Path("."),), jobs=1), on_total=delete_beta)
    errors = {
        o.result.path: o.result.error.message for o in report.outcomes if o.result.error is not None
    }
    assert list(errors) == ["beta/app/main.py"]
    assert "no such file" in errors["beta/app/main.py"]
    assert sorted((f.path, f.function) for o in report.outcomes for f in o.result.findings) == [
        ALL[0],
        ALL[2],
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_file_is_reported_and_the_others_still_fixed(mono: git.Repo) -> None:
    root = root_of(mono)
    path = root / "beta/app/main.py"
    path.chmod(0)
    try:
        result = cli(root, "--format", "json", "--apply", ".")
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert result.code == 2, result
    document = result.json()
    assert [(e["path"], "cannot read" in e["message"]) for e in document["errors"]] == [
        ("beta/app/main.py", True)
    ]
    assert "async def" not in (root / "alpha/app/main.py").read_text()


# -- monorepo workspaces ---------------------------------------------------------------------

_CORE_STORAGE = '''\
import sqlite3
from abc import ABC, abstractmethod


class Storage(ABC):
    @abstractmethod
    def load(self, key: str) -> bytes: ...


class SqlStorage(Storage):
    def load(self, key: str) -> bytes:
        return sqlite3.connect("core.db").execute("select v from kv where k = ?", (key,)).fetchone()[0]
'''

_SERVE_APP = '''\
from core.storage import SqlStorage, Storage
from fastapi import FastAPI

app = FastAPI()


def storage() -> Storage:
    return SqlStorage()


@app.get("/items/{key}")
async def item(key: str):
    return {"value": storage().load(key)}
'''


def test_a_service_imports_its_sibling_library_and_its_implementations(tmp_path: Path) -> None:
    """uv/poetry workspaces: ``packages/serve`` imports ``core`` from ``packages/core/src`` as installed,
    and the abstract ``Storage.load`` resolves to the implementation defined there."""
    root = tmp_path / "mono"
    init_repo(root, {
        "packages/core/pyproject.toml": pyproject("core"),
        "packages/core/src/core/__init__.py": "",
        "packages/core/src/core/storage.py": _CORE_STORAGE,
        "packages/serve/pyproject.toml": pyproject("serve"),
        "packages/serve/src/serve/__init__.py": "",
        "packages/serve/src/serve/app.py": _SERVE_APP,
    })
    assert findings_in(root, "packages/serve") == [("packages/serve/src/serve/app.py", "item")]


_API_LAB = '''from abc import ABC, abstractmethod

from fastapi import APIRouter


class Lab(ABC):
    def __init__(self) -> None:
        self.router = APIRouter()

        @self.router.get("/settings")
        async def get_settings():
            return await self.get_settings()

    @abstractmethod
    async def get_settings(self) -> dict: ...
'''

_PLUGIN_LAB = '''import json
from pathlib import Path

from api_lab import Lab


class LocalLab(Lab):
    async def get_settings(self) -> dict:
        return json.loads(Path("settings.json").read_text())
'''


def test_an_api_package_s_interface_runs_the_plugin_package_that_implements_it(tmp_path: Path) -> None:
    """jupyverse's layout: ``api/lab`` declares the routes and the abstract methods they await;
    ``plugins/lab``, a project of its own, implements them. The API project's routes block when
    the one implementation there is blocks."""
    root = tmp_path / "mono"
    init_repo(root, {
        "api/lab/pyproject.toml": pyproject("api-lab"),
        "api/lab/src/api_lab/__init__.py": "from .lab import Lab as Lab\n",
        "api/lab/src/api_lab/lab.py": _API_LAB,
        "plugins/lab/pyproject.toml": pyproject("plugin-lab"),
        "plugins/lab/src/plugin_lab/__init__.py": "",
        "plugins/lab/src/plugin_lab/routes.py": _PLUGIN_LAB,
    })
    assert findings_in(root, "api/lab") == [("api/lab/src/api_lab/lab.py", "Lab.__init__.get_settings")]


_SHARED_FACTORY = '''from fastapi import FastAPI


def make_app(lifespan=None, extra_middleware=None):
    return FastAPI(title="Shared API", lifespan=lifespan)
'''

_DESKTOP_SERVER = '''import subprocess
from contextlib import asynccontextmanager

import shared_server.server as shared_server


@asynccontextmanager
async def lifespan(app):
    yield
    subprocess.run(["git", "gc", "--auto"], check=True)


def make_app():
    return shared_server.make_app(lifespan=lifespan, extra_middleware=[])
'''


def test_a_shared_app_factory_registers_the_lifespan_a_sibling_service_passes_it(tmp_path: Path) -> None:
    """A uv workspace whose server library builds the app (``FastAPI(lifespan=lifespan)`` with the
    factory's parameter) and whose desktop service passes its own lifespan: the lifespan is
    found though the call that says what it is lives in another project of the batch."""
    root = tmp_path / "mono"
    init_repo(root, {
        "pyproject.toml": pyproject("root", '') + '\n[tool.uv.workspace]\nmembers = ["libs/server", "app/desktop"]\n',
        "libs/server/pyproject.toml": pyproject("shared-server"),
        "libs/server/shared_server/__init__.py": "",
        "libs/server/shared_server/server.py": _SHARED_FACTORY,
        "app/desktop/pyproject.toml": pyproject("desktop"),
        "app/desktop/desktop/__init__.py": "",
        "app/desktop/desktop/server.py": _DESKTOP_SERVER,
    })
    assert findings_in(root, ".") == [("app/desktop/desktop/server.py", "lifespan")]


_SHARED_ROUTES = '''import shutil

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel

from core.store import job_folder

router = APIRouter()


class Deleted(BaseModel):
    job: str


@router.delete("/jobs/{job}")
async def delete_job(job: str, request: Request) -> Deleted:
    if (await request.json()).get("confirm"):
        shutil.rmtree(job_folder(job))
    return Deleted(job=job)


@router.get("/jobs/{job}/log")
async def job_log(job: str) -> FileResponse:
    return FileResponse(job_folder(job) / "log.txt")
'''


def test_an_added_import_is_sorted_as_ruff_sorts_a_workspace_member_without_settings(tmp_path: Path) -> None:
    """ruff reads the repository's settings for a member with none of its own: first-party is
    what lies in the repository's root (``app``), plus the checked file's own package
    (``core``, ruff's ``detect-same-package``); ``fastapi.concurrency`` then goes between
    ``fastapi`` and ``fastapi.responses``."""
    root = tmp_path / "mono"
    init_repo(root, {
        "pyproject.toml": "[tool.ruff]\nline-length = 100\n",
        "app/__init__.py": "",
        "libs/server/pyproject.toml": pyproject("shared-server"),
        "libs/server/core/__init__.py": "",
        "libs/server/core/store.py": "from pathlib import Path\n\n\ndef job_folder(job: str) -> Path:\n    return Path('/jobs') / job\n",
        "libs/server/core/routes.py": _SHARED_ROUTES,
    })
    result = cli(root, "--apply", ".")
    assert result.code in (0, 1), result
    text = (root / "libs/server/core/routes.py").read_text(encoding="utf-8")
    assert "from fastapi import APIRouter, Request\nfrom fastapi.concurrency import run_in_threadpool\nfrom fastapi.responses" \
        in text
    checked = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "I", "libs/server/core/routes.py"],
                             cwd=root, capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout


def _worker_pid(analysed: tuple[Path, ...]) -> tuple[int, tuple[Path, ...]]:
    return os.getpid(), analysed


def test_a_lone_task_goes_back_to_the_worker_that_had_its_files() -> None:
    """A later round of one chunk must reach the worker holding its analyses: run elsewhere it
    rebuilds them (mlflow, two workers: its second round 7.5 s, against 1.0 s)."""
    from codemods.workers import Runner

    runner = Runner(2, 100)
    first, second, helper = (Path("/p/a.py"),), (Path("/p/b.py"), Path("/p/c.py")), Path("/p/helper.py")
    try:
        # Two chunks, two workers: one each; the second one's analysis read a helper module.
        workers = runner.map(_worker_pid, [(), (helper,)], [first, second], analysed=itemgetter(1))
        assert workers[0][0] != workers[1][0]
        for _ in range(3):  # both workers idle each time: the task must not go to the first free one
            assert runner.map(_worker_pid, [()], [(Path("/p/c.py"),)])[0][0] == workers[1][0]
            assert runner.map(_worker_pid, [()], [first])[0][0] == workers[0][0]
            assert runner.map(_worker_pid, [()], [(helper,)])[0][0] == workers[1][0]
        # As many chunks as workers: shared out as a pool would, every core busy.
        assert {pid for pid, _ in runner.map(_worker_pid, [()] * 4, [first] * 4)} == {pid for pid, _ in workers}
        assert runner.map(str.upper, list("xyz")) == ["X", "Y", "Z"]  # results in the items' order
    finally:
        runner.close()


def test_a_pass_with_few_files_of_a_large_project_still_keeps_both_workers_busy() -> None:
    from codemods.workers import Runner

    runner = Runner(2, 2400)  # a project of 2,400 files, of which 139 hold a handler
    try:
        handlers = [Path(f"/p/m{i}.py") for i in range(139)]
        chunks = runner.chunks(handlers)
        assert len(chunks) >= 2 * 2  # before: sized by the 2,400 files, one chunk of all 139
        assert [p for chunk in chunks for p in chunk] == handlers
        assert len(runner.chunks([Path(f"/p/n{i}.py") for i in range(2400)])) == 16
    finally:
        runner.close()
