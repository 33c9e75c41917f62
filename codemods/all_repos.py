"""An all-repos autofixer: fastapi-unblock over every repository all-repos manages.

    python -m codemods.all_repos --config-filename all-repos.json [--dry-run] [--repos ...] [-j N] [-i]

Platform teams fix hundreds of repositories in one go with all-repos
(https://github.com/asottile/all-repos). For each repository (those whose
Python files contain ``async def``, or the ``--repos`` given) this clones it
into a temporary folder, runs the tool's fix there in this process
(:func:`codemods.runner.run` with ``apply=True``), and when something was
fixed leaves one commit, on the branch ``all-repos_autofix_fastapi-unblock``,
then hands that branch to the configured push (a pull request, a merge...).
A repository with nothing to fix gets no commit and no push; ``--dry-run``
commits in the throw-away clone only and pushes nothing.

Why not ``autofix_lib.fix``: it takes one commit message for every repository,
and reviewers of each repository need to see which of *their* handlers were
rewritten and how. No hook in ``fix()`` can change the message per repository
(``apply_fix`` runs before its ``git commit -a -m``; committing there instead
makes that commit fail on a clean tree), short of planting a
``prepare-commit-msg`` git hook in each clone, which would hide the message
from anyone reading the code. So this module drives the per-repository steps
itself with all-repos' public pieces (``add_fixer_args``, ``from_cli``,
``repo_context``, ``run``, ``mapper.process_mapper``, ``config.push``) in the
same order ``fix()`` takes them: check out the autofix branch from
``origin/HEAD``, fix, show the diff, ask (``--interactive``), commit (with
``--author``), push unless ``--dry-run``. The message lists the fixed handlers
(path:line, function, kind, strategy) exactly as the tool's own ``--commit``
does: the lines come from :func:`codemods.commits.commit_groups`.

Also deliberate:

- all-repos is an optional dependency (``pip install all-repos``) without type
  information: it is loaded by name when the command runs
  (:func:`_all_repos`), so importing this module, the package's type check and
  its other commands never need it.
- the clones hold no installed environment, and ``$VIRTUAL_ENV`` is the
  fixer's own, so library lookup is off (``deps = false``); each repository's
  ``[tool.fastapi-unblock]`` settings apply as usual.
- nothing is cached: every clone is a new temporary folder, never seen again.
- with ``--jobs`` > 1 all-repos already runs one process per repository, so the
  analysis of each runs in that process (``jobs=1``) instead of forking more.
"""

from __future__ import annotations

from . import keep_imports_out_of_the_working_folder

if __name__ == "__main__":  # before the imports below: a repository's argparse.py must not be run
    keep_imports_out_of_the_working_folder()

import argparse
import functools
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: all-repos' autofix branch is ``all-repos_autofix_<this>``.
BRANCH_NAME = "fastapi-unblock"
#: The commit's title line; the fixed handlers follow it.
TITLE = "fastapi-unblock: unblock async handlers that block the event loop"
#: Repositories worth cloning: a Python file with an ``async def`` (``git grep -E``).
ASYNC_DEF = r"async[[:space:]]+def[[:space:]]"
#: The last paragraph of every all-repos autofix commit (kept for the same provenance).
FOOTER = "Committed via https://github.com/asottile/all-repos"


def _all_repos(module: str) -> Any:
    """``all_repos.<module>``, or a clear exit when all-repos is not installed."""
    try:
        return importlib.import_module(f"all_repos.{module}")
    except ImportError as error:
        if error.name not in ("all_repos", f"all_repos.{module}"):
            raise
        raise SystemExit("fastapi-unblock: the all-repos autofixer needs all-repos: pip install all-repos") from None


def find_repos(config: Any) -> set[str]:
    """The cloned repositories with an ``async def`` in a tracked Python file."""
    grep = _all_repos("grep")
    found: set[str] = grep.repos_matching(config, ("-E", ASYNC_DEF, "--", "*.py"))
    return found


def commit_message(groups: Sequence[Any], title: str = TITLE) -> str:
    """One message for a repository from the tool's per-project commit groups.

    Each group's body lists its fixed handlers; a repository of several
    projects gets one section per project, headed by that group's own title.
    """
    sections = []
    for group in groups:
        head, _, body = group.message.partition("\n\n")
        body = body.strip("\n")
        sections.append(body if len(groups) == 1 else f"{head}:\n{body}")
    return f"{title}\n\n" + "\n\n".join(sections) + "\n"


def unblock_here(overrides: dict[str, object], jobs: int | None = None, title: str = TITLE) -> str | None:
    """Fix the repository in the current folder; its commit message, or ``None`` if nothing changed.

    Files are rewritten in place (the caller commits them). Files that could
    not be read or written are reported on stderr and left as they were.
    """
    from .commits import commit_groups
    from .config import ConfigError
    from .runner import RunError, RunOptions, run
    from .vcs import Repository, VcsError

    options = RunOptions(paths=(Path("."),), overrides=overrides, apply=True, jobs=jobs, use_cache=False)
    try:
        report = run(options)
    except (ConfigError, RunError, VcsError) as error:
        print(f"fastapi-unblock: error: {error}; repository skipped", file=sys.stderr, flush=True)
        return None
    for outcome in report.outcomes:
        if outcome.result.error is not None:
            print(f"fastapi-unblock: {outcome.result.error.path}: {outcome.result.error.message}",
                  file=sys.stderr, flush=True)
    written = [o for o in report.outcomes if o.written]
    if not written:
        return None
    repo = Repository.find(Path.cwd())
    if repo is None:
        raise RunError("not in a git repository")
    files = [Path(o.result.path) for o in report.outcomes]
    groups = commit_groups(repo, files, report.outcomes, report.projects, "project")
    fixed = sum(f.fixed for o in written for f in o.result.findings)
    print(f"fastapi-unblock: fixed {fixed} handler(s) in {len(written)} file(s)", flush=True)
    return commit_message(groups, title)


def _approved(use_color: bool) -> bool:
    """``--interactive``: ask whether to commit (and push) this repository's fix."""
    autofix_lib, color = _all_repos("autofix_lib"), _all_repos("color")
    prompt = color.fmt("***Commit this fix [y,n,s,q,?]? ", color.BLUE_B, use_color=use_color)
    while True:
        try:
            answer = input(prompt).strip().lower()
        except (EOFError, KeyboardInterrupt):
            answer = "q"
        if answer in ("y", "yes"):
            return True
        if answer in ("n", "no"):
            return False
        if answer in ("q", "quit"):
            print("Stopped; repositories already pushed stay pushed.")
            raise SystemExit(1)
        if answer in ("s", "shell"):
            autofix_lib.shell()
            continue
        print("y: commit (and push) this repository's fix; n: skip this repository; "
              "s: open a shell in the clone (changes you make are committed too); q: stop here")


def fix_repository(repo: str, *, config: Any, commit: Any, settings: Any, overrides: dict[str, object]) -> None:
    """all-repos' per-repository steps, with this repository's own commit message."""
    autofix_lib = _all_repos("autofix_lib")
    with autofix_lib.repo_context(repo, use_color=settings.color):
        branch = f"all-repos_autofix_{commit.branch_name}"
        autofix_lib.run("git", "checkout", "--quiet", "origin/HEAD", "-b", branch)
        message = unblock_here(overrides, jobs=1 if settings.jobs > 1 else None, title=commit.msg)
        if message is None:
            return
        if not autofix_lib.run("git", "diff", "origin/HEAD", "--exit-code", check=False).returncode:
            return  # rewritten, yet the same to git (a .gitattributes filter, say): nothing to commit
        if settings.interactive and not _approved(settings.color):
            return
        command: tuple[str, ...] = ("git", "commit", "--quiet", "-a", "-m", f"{message}\n{FOOTER}")
        if commit.author:
            command += ("--author", commit.author)
        autofix_lib.run(*command)
        if settings.dry_run:
            return
        config.push(config.push_settings, branch)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m codemods.all_repos",
        description="Run fastapi-unblock's fix over the repositories all-repos manages: one commit per "
                    "repository with something to fix, listing the handlers fixed.",
    )
    autofix_lib = _all_repos("autofix_lib")
    autofix_lib.add_fixer_args(parser)
    parser.add_argument("--unsafe-fixes", action="store_true", default=None, help="also apply fixes marked unsafe.")
    parser.add_argument("--prefer", choices=("def", "async", "background"), default=None,
                        help="which fix to try first (default: each repository's setting, else def).")
    args = parser.parse_args(argv)

    overrides: dict[str, object] = {"deps": False}
    for name in ("unsafe_fixes", "prefer"):
        if getattr(args, name) is not None:
            overrides[name] = getattr(args, name)
    repos, config, commit, settings = autofix_lib.from_cli(
        args, find_repos=find_repos, msg=TITLE, branch_name=BRANCH_NAME,
    )
    repos = tuple(repos)[: settings.limit]
    mapper = _all_repos("mapper")
    each = functools.partial(fix_repository, config=config, commit=commit, settings=settings, overrides=overrides)
    with mapper.process_mapper(settings.jobs) as do_map:
        mapper.exhaust(do_map(each, repos))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
