"""The command line: the only module that imports click.

It turns flags into :class:`~codemods.models.Settings`, calls the runner, and
hands outcomes to the console or the JSON report. No analysis happens here.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__


def _use_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _codes(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def _exit_now(status: int) -> None:
    """Leave after an interruption: everything is written or put back, and said. When worker
    processes were killed, leave at once: one killed while it sent a result can leave the pool's
    manager thread blocked on half a message, and the interpreter's exit would join it forever."""
    from .workers import pool_aborted

    if pool_aborted():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    sys.exit(status)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--apply", is_flag=True, help="Write the fixes in place (default: dry run, print a diff).")
@click.option(
    "--format", "output_format", type=click.Choice(["diff", "json"]), default="diff", show_default=True,
    help="diff: a unified diff on stdout; json: one JSON document with every finding.",
)
@click.option("--no-color", is_flag=True, help="Plain output even on a terminal (NO_COLOR is honoured too).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary on stderr.")
@click.option("--all-async", is_flag=True, default=None, help="Check every async function, not only those FastAPI runs.")
@click.option("--unsafe-fixes", is_flag=True, default=None, help="Also apply fixes marked unsafe.")
@click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes (prefixes allowed).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes (prefixes allowed).")
@click.option("--prefer", type=click.Choice(["def", "async", "background"]), default=None,
              help="def (default): convert to def first; async: swap to the async twin first; "
                   "background: hand calls whose result is unused to BackgroundTasks first (unsafe).")
@click.option("--http-library", type=click.Choice(["httpx", "httpx2"]), default=None,
              help="Library requests calls are swapped to (default: httpx).")
@click.option("--python", "python", type=click.Path(path_type=Path), default=None, metavar="PATH",
              help="The project's interpreter or virtual environment, read but never run "
                   "(default: $VIRTUAL_ENV, else .venv or venv in the project).")
@click.option("--no-deps", is_flag=True, default=None, help="Do not look for the project's installed libraries.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave files matching this glob alone (repeatable).")
@click.option("--changed-since", metavar="REV", help="Only report and fix files changed since this git revision.")
@click.option("--allow-dirty", is_flag=True, help="With --apply, also rewrite files that have uncommitted changes.")
@click.option("--commit", is_flag=True,
              help="With --apply, commit the fixes on a new branch (one commit per project); the working tree "
                   "and the current branch are left as they are.")
@click.option("--branch", metavar="NAME", help="Branch for --commit (default: fastapi-unblock/<date>).")
@click.option("--split-by", type=click.Choice(["project", "owner"]), default="project", show_default=True,
              help="With --commit: one commit per project, or per CODEOWNERS owner.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.version_option(__version__, "--version", prog_name="fastapi-unblock")
def main(
    paths: tuple[Path, ...],
    apply: bool,
    output_format: str,
    no_color: bool,
    quiet: bool,
    all_async: bool | None,
    unsafe_fixes: bool | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    prefer: str | None,
    http_library: str | None,
    python: Path | None,
    no_deps: bool | None,
    exclude: tuple[str, ...],
    changed_since: str | None,
    allow_dirty: bool,
    commit: bool,
    branch: str | None,
    split_by: str,
    no_cache: bool,
    jobs: int | None,
) -> None:
    """Find async FastAPI handlers that block the event loop, and fix them.

    PATHS are files or folders (default: the current folder). Without
    --apply nothing is written: the fixes are printed as a patch that
    `git apply` accepts.
    """
    from .config import ConfigError
    from .environment import PythonPathError, python_path
    from .report import exit_status, json_document, summarise
    from .runner import Interrupted, RunError, RunOptions, Terminated, install_sigterm_handler, run
    from .vcs import VcsError

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.BadParameter(", ".join(str(p) for p in missing) + ": no such file or folder", param_hint="PATHS")
    if (commit or allow_dirty) and not apply:
        raise click.UsageError("--commit and --allow-dirty go with --apply")
    if branch and not commit:
        raise click.UsageError("--branch goes with --commit")
    if python is not None and no_deps:
        raise click.UsageError("--python and --no-deps exclude each other")
    overrides: dict[str, object] = {}
    for name, value in (("all_async", all_async), ("unsafe_fixes", unsafe_fixes), ("prefer", prefer),
                        ("http_library", http_library)):
        if value is not None:
            overrides[name] = value
    if select:
        overrides["select"] = _codes(select)
    if ignore:
        overrides["ignore"] = _codes(ignore)
    if python is not None:
        # Relative to the current folder, as for PATHS; the setting is relative to its pyproject.toml.
        overrides.update(python=str(python_path(python, Path.cwd())), deps=True)
    if no_deps:
        overrides["deps"] = False
    options = RunOptions(
        paths=tuple(paths) or (Path("."),), overrides=overrides, apply=apply, jobs=jobs, exclude=exclude,
        changed_since=changed_since, allow_dirty=allow_dirty, commit=commit, branch=branch, split_by=split_by,
        use_cache=not no_cache,
    )
    install_sigterm_handler()
    color = _use_color(no_color)
    # The bar redraws with cursor controls: only on a terminal that allows colour.
    show_progress = not quiet and output_format == "diff" and color and sys.stderr.isatty()
    rewritten: list[str] = []
    try:
        if show_progress:
            from .console import progress_bar

            with progress_bar(color) as (advance, total):
                report = run(options, advance, total, rewritten.append)
        else:
            report = run(options, on_write=rewritten.append)
    except PythonPathError as error:
        raise click.BadParameter(str(error), param_hint="'--python'") from None
    except (ConfigError, RunError, VcsError) as error:
        click.echo(f"fastapi-unblock: error: {error}", err=True)
        sys.exit(2)
    except Interrupted as stop:
        click.echo(f"fastapi-unblock: {stop}; every file is either unchanged or fully rewritten", err=True)
        click.echo(f"  rewritten ({len(stop.written)}): {', '.join(stop.written) or '-'}", err=True)
        click.echo(f"  not rewritten ({len(stop.not_written)}): {', '.join(stop.not_written) or '-'}", err=True)
        _exit_now(stop.exit_status)
    except (KeyboardInterrupt, Terminated) as stop:
        _say_interrupted(rewritten, "SIGTERM" if isinstance(stop, Terminated) else "SIGINT")
        _exit_now(143 if isinstance(stop, Terminated) else 130)
    outcomes = report.outcomes
    if output_format == "json":
        document = json_document(outcomes, report.projects, report.environments, report.installed())
        click.echo(json.dumps(document, indent=2))
    else:
        from .console import print_diff, print_summary
        from .diffing import unified_diff

        if not apply:
            for outcome in outcomes:
                result = outcome.result
                if result.changed and result.new_text is not None:
                    patch = unified_diff(result.old_text, result.new_text, result.path, outcome.encoding)
                    print_diff(patch, color)
        if not quiet:
            print_summary(report, summarise(outcomes), apply, color and sys.stderr.isatty())
    sys.exit(exit_status(outcomes, applied=apply))


def _say_interrupted(rewritten: list[str], signal_name: str) -> None:
    """A signal outside the write loop: before it (nothing written) or after every write."""
    if not rewritten:
        click.echo(f"fastapi-unblock: interrupted ({signal_name}) before anything was written", err=True)
        return
    click.echo(f"fastapi-unblock: interrupted ({signal_name}) after the rewrite; every file is either "
               "unchanged or fully rewritten", err=True)
    click.echo(f"  rewritten ({len(rewritten)}): {', '.join(rewritten)}", err=True)
