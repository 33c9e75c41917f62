"""The command line: the only module that imports click.

It turns flags into :class:`~codemods.models.Settings`, calls the runner, and
hands outcomes to the console or a report format. No analysis happens here.

``fastapi-unblock [check] PATHS`` checks (the word ``check`` may be left out,
so every command line written before there were subcommands still works);
``fastapi-unblock rule CODE`` explains a rule.
"""

from __future__ import annotations

from .interrupts import watch_for_interrupts

watch_for_interrupts()  # first, before the imports below take their time
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from . import __version__

if TYPE_CHECKING:
    from .baseline import Baseline
    from .runner import RunOptions, RunReport


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


class _CheckByDefault(click.Group):
    """A group whose first word may be omitted: anything but a command name is a ``check``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands:
            args = ["check", *args]
        return super().parse_args(ctx, args)


class _Check(click.Command):
    """``check`` is the default command: its usage line shows it as the tool itself."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        program = ctx.parent.command_path if ctx.parent is not None else ctx.command_path
        formatter.write_usage(program, " ".join(self.collect_usage_pieces(ctx)))


_CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(cls=_CheckByDefault, context_settings=_CONTEXT)
def main() -> None:
    """fastapi-unblock: async FastAPI handlers that block the event loop, found and fixed."""


@main.command(context_settings=_CONTEXT)
@click.argument("codes", nargs=-1, metavar="CODE...")
@click.option("--all", "show_all", is_flag=True, help="Every rule.")
def rule(codes: tuple[str, ...], show_all: bool) -> None:
    """What a rule reports, why it matters, an example of its fix, and how to silence it."""
    from .rule_docs import UnknownRule, render_all_text, render_text

    if show_all == bool(codes):
        raise click.UsageError("give rule codes (fastapi-unblock rule UNB110) or --all; to check a folder "
                               "named rule: fastapi-unblock check rule")
    try:
        click.echo(render_all_text() if show_all else "\n".join(render_text(code.upper()) for code in codes))
    except UnknownRule as error:
        raise click.BadParameter(str(error), param_hint="CODE") from None


@main.command(cls=_Check, context_settings=_CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--apply", is_flag=True, help="Write the fixes in place (default: dry run, print a diff).")
@click.option(
    "--format", "output_format", type=click.Choice(["diff", "json", "sarif", "github"]), default="diff",
    show_default=True,
    help="diff: a unified diff on stdout; json: one JSON document with every finding; sarif: SARIF 2.1.0 "
         "for code scanning; github: one GitHub Actions annotation per finding.",
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
@click.option("--whole-project", is_flag=True,
              help="Analyse the whole project of each PATH but report and fix only PATHS (the pre-commit hooks).")
@click.option("--baseline", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Hold back the findings recorded in FILE: report, fix and fail only on new ones.")
@click.option("--write-baseline", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Record every finding of this run in FILE (for --baseline), and exit 0.")
@click.option("-i", "--interactive", is_flag=True,
              help="Show each fix with its finding and ask whether to apply it; write what is accepted.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.version_option(__version__, "--version", prog_name="fastapi-unblock")
def check(
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
    whole_project: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    interactive: bool,
    no_cache: bool,
    jobs: int | None,
) -> None:
    """Find async FastAPI handlers that block the event loop, and fix them.

    PATHS are files or folders (default: the current folder). Without
    --apply nothing is written: the fixes are printed as a patch that
    `git apply` accepts. `fastapi-unblock rule CODE` explains a rule.
    """
    from .environment import python_path
    from .runner import RunOptions, install_sigterm_handler

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.BadParameter(", ".join(str(p) for p in missing) + ": no such file or folder", param_hint="PATHS")
    _check_combinations(apply, commit, allow_dirty, branch, interactive, output_format, baseline, write_baseline,
                        changed_since, whole_project)
    if write_baseline is not None and write_baseline.exists():
        _load_baseline(write_baseline, "'--write-baseline'")  # never overwrite a file that is not one
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
    held = _load_baseline(baseline)
    options = RunOptions(
        paths=tuple(paths) or (Path("."),), overrides=overrides, apply=apply, jobs=jobs, exclude=exclude,
        changed_since=changed_since, allow_dirty=allow_dirty, commit=commit, branch=branch, split_by=split_by,
        use_cache=not no_cache, held_back=held.calls if held is not None else frozenset(),
        whole_project=whole_project,
    )
    install_sigterm_handler()
    color = _use_color(no_color)
    # The bar redraws with cursor controls: only on a terminal that allows colour.
    show_progress = not quiet and output_format == "diff" and color and sys.stderr.isatty()
    report = _run(options, show_progress, color)
    if write_baseline is not None:
        _write_baseline(report, write_baseline, quiet)
    skipped = 0
    if interactive:
        report, applied, skipped = _review(report, options, color)
    else:
        applied = apply
    # The patch is for a dry run; a baseline run or a review has shown (or written) what it had to.
    from .console import emit_report

    emit_report(report, output_format, applied, not (applied or interactive or write_baseline), color, quiet)
    if held is not None and not quiet:
        _say_stale(held, report)
    from .report import EXIT_ERROR, EXIT_FINDINGS, exit_status

    status = exit_status(report.outcomes, applied=applied)
    if write_baseline is not None:  # findings are recorded, not pending; a file that could not be read is an error
        status = EXIT_ERROR if status == EXIT_ERROR else 0
    sys.exit(max(status, EXIT_FINDINGS) if skipped else status)


def _check_combinations(apply: bool, commit: bool, allow_dirty: bool, branch: str | None, interactive: bool,
                        output_format: str, baseline: Path | None, write_baseline: Path | None,
                        changed_since: str | None, whole_project: bool) -> None:
    if (commit or allow_dirty) and not (apply or interactive):
        raise click.UsageError("--commit and --allow-dirty go with --apply")
    if branch and not commit:
        raise click.UsageError("--branch goes with --commit")
    if interactive and (apply or commit or output_format != "diff"):
        raise click.UsageError("--interactive writes what is accepted: it goes without --apply, --commit and --format")
    if write_baseline is not None and (apply or interactive or baseline is not None or changed_since
                                       or whole_project):
        raise click.UsageError("--write-baseline records every finding: it goes without --apply, --interactive, "
                               "--baseline, --changed-since and --whole-project")


def _load_baseline(path: Path | None, option: str = "'--baseline'") -> Baseline | None:
    if path is None:
        return None
    from .baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as error:
        raise click.BadParameter(str(error), param_hint=option) from None


def _run(options: RunOptions, show_progress: bool, color: bool) -> RunReport:
    """The runner, with every way a run can fail turned into a message and an exit status."""
    from .config import ConfigError
    from .environment import PythonPathError
    from .interrupts import Terminated, signal_behind
    from .runner import Interrupted, RunError, run
    from .vcs import VcsError

    rewritten: list[str] = []
    try:
        if show_progress:
            from .console import progress_bar

            with progress_bar(color) as (advance, total):
                return run(options, advance, total, rewritten.append)
        return run(options, on_write=rewritten.append)
    except PythonPathError as error:
        raise click.BadParameter(str(error), param_hint="'--python'") from None
    except (ConfigError, RunError, VcsError) as error:
        _fail(str(error))
    except Interrupted as stop:
        click.echo(f"fastapi-unblock: {stop}; every file is either unchanged or fully rewritten", err=True)
        click.echo(f"  rewritten ({len(stop.written)}): {', '.join(stop.written) or '-'}", err=True)
        click.echo(f"  not rewritten ({len(stop.not_written)}): {', '.join(stop.not_written) or '-'}", err=True)
        _exit_now(stop.exit_status)
    except (KeyboardInterrupt, Terminated, RuntimeError) as error:
        if (signalled := signal_behind(error)) is None:
            raise
        _say_interrupted(rewritten, "SIGTERM" if isinstance(signalled, Terminated) else "SIGINT")
        _exit_now(143 if isinstance(signalled, Terminated) else 130)
    raise AssertionError("unreachable")  # every except above leaves


def _write_baseline(report: RunReport, path: Path, quiet: bool) -> None:
    from .baseline import document
    from .runner import write_text

    text = document(report.outcomes, path)
    try:
        write_text(path, text)
    except OSError as error:
        _fail(f"cannot write the baseline {path}: {error.strerror or error}")
    if not quiet:
        count = sum(len(o.result.findings) for o in report.outcomes)
        click.echo(f"fastapi-unblock: {count} finding(s) recorded in {path}", err=True)


def _say_stale(held: Baseline, report: RunReport) -> None:
    """Recorded findings that are gone: the baseline can shrink (rewrite it with --write-baseline)."""
    kept, stale = held.check(report.outcomes, report.reported)
    click.echo(f"fastapi-unblock: {kept} finding(s) of the baseline {held.source} still found, held back", err=True)
    if stale:
        click.echo(f"fastapi-unblock: {len(stale)} baseline entr{'y is' if len(stale) == 1 else 'ies are'} stale "
                   f"(fixed or gone; rewrite the file with --write-baseline to drop them):", err=True)
        for entry in stale:
            click.echo(f"  {held.shown(entry)}", err=True)


def _review(report: RunReport, options: RunOptions, color: bool) -> tuple[RunReport, bool, int]:
    """Ask about each fix of a dry run, then write the accepted ones as ``--apply`` would; returns
    the report, whether it is of a write, and how many fixes were skipped.

    The write is a second run with the skipped findings held back, so what is written is one
    consistent rewrite, never a patchwork of hunks (see :mod:`codemods.fix_changes`).
    """
    from dataclasses import replace

    from .console import REVIEW_HELP, review
    from .fix_changes import shares
    from .models import held_calls
    from .runner import RunError, refuse_uncommitted

    items = shares(report.outcomes)
    if not items:
        return report, False, 0
    try:
        refuse_uncommitted(options, [Path(o.result.path) for o in report.outcomes if o.result.changed])
    except RunError as error:  # before asking anything: the answers could not be written
        _fail(str(error))

    def ask(question: str) -> str:
        while True:
            click.echo(f"{question}? ", nl=False)
            line = sys.stdin.readline()
            if not line:  # end of input: as q, the rest is skipped (Ctrl-C stops without writing)
                click.echo("")
                return "q"
            if line.strip() in ("y", "n", "a", "q"):
                return line.strip()
            click.echo(REVIEW_HELP)

    accepted, skipped = review(items, color, ask)
    if not accepted:
        click.echo("fastapi-unblock: no fix accepted; nothing written", err=True)
        return report, False, len(skipped)
    if skipped:
        click.echo(f"fastapi-unblock: {len(skipped)} fix(es) skipped; those handlers are left as they are", err=True)
    held = frozenset(call for key in skipped for call in held_calls(key))
    written = _run(replace(options, apply=True, held_back=options.held_back | held), False, color)
    return written, True, len(skipped)


def _fail(message: str) -> NoReturn:
    """The run cannot go on: say why and leave with the error status (nothing more is written)."""
    from .report import EXIT_ERROR

    click.echo(f"fastapi-unblock: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _say_interrupted(rewritten: list[str], signal_name: str) -> None:
    """A signal outside the write loop: before it (nothing written) or after every write."""
    if not rewritten:
        click.echo(f"fastapi-unblock: interrupted ({signal_name}) before anything was written", err=True)
        return
    click.echo(f"fastapi-unblock: interrupted ({signal_name}) after the rewrite; every file is either "
               "unchanged or fully rewritten", err=True)
    click.echo(f"  rewritten ({len(rewritten)}): {', '.join(rewritten)}", err=True)
