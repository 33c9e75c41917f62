"""Everything the user sees: the report on stdout, the summary on stderr; the only module that imports rich.

stdout carries only the patch (or the JSON document); the summary and the
findings without a fix go to stderr, so ``> fix.patch`` captures a clean patch.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from .models import FindingKey, Strategy
from .report import Summary, by_project, json_document, json_pieces, summarise
from .runner import RunReport

if TYPE_CHECKING:
    from .fix_changes import FixShare


def _console(stream: TextIO, color: bool):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(
        file=stream,
        force_terminal=True if color else None,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        soft_wrap=True,
    )


def print_diff(diff: bytes, color: bool, stream: TextIO | None = None) -> None:
    """Plain: the patch's bytes exactly (``git apply`` needs the file's encoding).

    Coloured: decoded for display only, one style per kind of diff line.
    """
    stream = stream or sys.stdout
    if not color:
        stream.flush()
        stream.buffer.write(diff) if hasattr(stream, "buffer") else stream.write(diff.decode("utf-8", "replace"))
        stream.flush()
        return
    from rich.text import Text

    console = _console(stream, color)
    for line in diff.decode("utf-8", "replace").splitlines():
        style = ""
        if line.startswith(("+++", "---")):
            style = "bold"
        elif line.startswith("@@"):
            style = "cyan"
        elif line.startswith("+"):
            style = "green"
        elif line.startswith("-"):
            style = "red"
        console.print(Text(line, style=style))


def print_summary(report: RunReport, summary: Summary, applied: bool, color: bool, stream: TextIO | None = None) -> None:
    from rich.markup import escape

    console = _console(stream or sys.stderr, color)
    for outcome in report.outcomes:
        result = outcome.result
        for finding in result.findings:
            if finding.fix.strategy is Strategy.NONE or not finding.fixed:
                why = finding.fix.reason
                if finding.fix.strategy is not Strategy.NONE and not finding.fix.safe:
                    why = f"unsafe fix {finding.fix.strategy.value} not applied (use --unsafe-fixes): {why}"
                console.print(
                    f"[bold]{escape(finding.path)}:{finding.line}[/bold] {escape(finding.function)} "
                    f"[yellow]{finding.code}[/yellow] {escape(finding.message)}\n"
                    f"    [dim]no fix:[/dim] {escape(why)}"
                )
        if result.error is not None:
            console.print(f"[bold]{escape(result.error.path)}[/bold] [red]error:[/red] {escape(result.error.message)}")
    projects = by_project(report.outcomes, report.projects)
    if len(projects) > 1:
        console.print(_project_table(projects, applied))
    fixes = ", ".join(f"{count} {name}" for name, count in sorted(summary.by_strategy.items())) or "none"
    verb = "applied" if applied else "proposed"
    skipped = "; ".join(f"{count} skipped: {why}" for why, count in sorted(summary.skipped.items()))
    console.print(
        f"{summary.files_scanned} files scanned, {summary.handlers_checked} async handlers checked, "
        f"{summary.handlers_flagged} handlers flagged; "
        f"fixes {verb}: {fixes}; not fixable: {summary.not_fixable + summary.unapplied}; "
        f"errors: {summary.errors}" + (f"; {skipped}" if skipped else "")
    )
    if report.branch is not None:
        console.print(f"committed {len(report.commits)} commit(s) on branch [bold]{escape(report.branch)}[/bold] "
                      f"(your branch and working tree are unchanged; review with `git log -p {escape(report.branch)}`)")


def _project_table(projects: dict[str, Summary], applied: bool):  # type: ignore[no-untyped-def]
    from rich.table import Table

    table = Table(title="per project", title_justify="left")
    for column in ("project", "files", "flagged", *(s.value for s in Strategy if s is not Strategy.NONE),
                   "not fixable", "errors"):
        table.add_column(column, justify="left" if column == "project" else "right")
    for name, summary in projects.items():
        fixes = [str(summary.by_strategy.get(s.value, 0)) for s in Strategy if s is not Strategy.NONE]
        table.add_row(name, str(summary.files_scanned), str(summary.handlers_flagged), *fixes,
                      str(summary.not_fixable + summary.unapplied), str(summary.errors))
    return table


@contextmanager
def progress_bar(color: bool) -> Iterator[tuple[Callable[[int], None], Callable[[int], None]]]:
    """A progress bar on stderr; yields (advance by n, set the total)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=_console(sys.stderr, color), transient=True,
    ) as progress:
        task = progress.add_task("files", total=None)
        yield (lambda n: progress.advance(task, n)), (lambda total: progress.update(task, total=total))


#: The answers of an interactive review, as ``git add -p`` names them.
REVIEW_HELP = "y: apply this fix, n: skip it, a: apply this and every remaining fix, q: skip this and the rest"


def review(items: list[FixShare], color: bool, ask: Callable[[str], str],
           stream: TextIO | None = None) -> tuple[frozenset[FindingKey], frozenset[FindingKey]]:
    """Show each fix (its finding, then its hunks) and ``ask`` about it; returns (accepted, skipped).

    ``ask`` gets the question and returns ``y``, ``n``, ``a`` or ``q`` (the command line prompts;
    a test scripts it). After ``q`` every remaining fix is skipped, unseen.
    """
    from rich.markup import escape

    stream = stream or sys.stdout
    console = _console(stream, color)
    accepted: list[FindingKey] = []
    skipped: list[FindingKey] = []
    answer = ""
    console.print(f"[dim]{REVIEW_HELP}[/dim]")
    for number, item in enumerate(items, start=1):
        if answer in ("a", "q"):
            (accepted if answer == "a" else skipped).append(item.key)
            continue
        finding = item.finding
        console.print(
            f"\n[bold]({number}/{len(items)}) {escape(finding.path)}:{finding.line}[/bold] "
            f"[yellow]{finding.code}[/yellow] {escape(finding.message)}\n"
            f"    [dim]fix:[/dim] {finding.fix.strategy.value}: {escape(finding.fix.reason)}"
        )
        for part in item.files:
            print_diff(part.patch(), color, stream)
        answer = ask(f"Apply this fix ({number}/{len(items)}) [y,n,a,q]")
        (accepted if answer in ("y", "a") else skipped).append(item.key)
    return frozenset(accepted), frozenset(skipped)


def _write_pieces(pieces: Iterator[str], stream: TextIO) -> None:
    """A document as it is made, so that the whole text is never held (see ``json_pieces``)."""
    stream.writelines(pieces)
    stream.write("\n")
    stream.flush()


def emit_report(report: RunReport, output_format: str, applied: bool, show_patch: bool, color: bool, quiet: bool) -> None:
    """The run's report on stdout in the chosen format; the summary on stderr."""
    outcomes = report.outcomes
    stdout = sys.stdout
    if output_format == "json":
        _write_pieces(json_pieces(json_document(outcomes, report.projects, report.environments, report.installed())), stdout)
    elif output_format == "sarif":
        from .sarif import sarif_document

        _write_pieces(json_pieces(sarif_document(outcomes)), stdout)
    elif output_format == "github":
        from .sarif import github_lines

        stdout.writelines(f"{line}\n" for line in github_lines(outcomes))
        stdout.flush()
    else:
        from .diffing import unified_diff

        if show_patch:
            for outcome in outcomes:
                result = outcome.result
                if result.changed and result.new_text is not None:
                    patch = outcome.patch or unified_diff(result.old_text, result.new_text, result.path,
                                                          outcome.encoding)
                    print_diff(patch, color)
        if not quiet:
            print_summary(report, summarise(outcomes), applied, color and sys.stderr.isatty())
