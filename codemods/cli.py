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


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--apply", is_flag=True, help="Write the fixes in place (default: dry run, print a diff).")
@click.option(
    "--format", "output_format", type=click.Choice(["diff", "json"]), default="diff", show_default=True,
    help="diff: a unified diff on stdout; json: one JSON document with every finding.",
)
@click.option("--no-color", is_flag=True, help="Plain output even on a terminal (NO_COLOR is honoured too).")
@click.option("--all-async", is_flag=True, default=None, help="Check every async function, not only those FastAPI runs.")
@click.option("--unsafe-fixes", is_flag=True, default=None, help="Also apply fixes marked unsafe.")
@click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes (prefixes allowed).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes (prefixes allowed).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.version_option(__version__, "--version", prog_name="fastapi-unblock")
def main(
    paths: tuple[Path, ...],
    apply: bool,
    output_format: str,
    no_color: bool,
    all_async: bool | None,
    unsafe_fixes: bool | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    jobs: int | None,
) -> None:
    """Find async FastAPI handlers that block the event loop, and fix them.

    PATHS are files or folders (default: the current folder). Without
    --apply nothing is written: the fixes are printed as a patch that
    `git apply` accepts.
    """
    from .config import ConfigError
    from .report import exit_status, json_document, summarise
    from .runner import run

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.BadParameter(", ".join(str(p) for p in missing) + ": no such file or folder", param_hint="PATHS")
    overrides: dict[str, object] = {}
    if all_async is not None:
        overrides["all_async"] = all_async
    if unsafe_fixes is not None:
        overrides["unsafe_fixes"] = unsafe_fixes
    if select:
        overrides["select"] = _codes(select)
    if ignore:
        overrides["ignore"] = _codes(ignore)
    try:
        outcomes = run(list(paths) or [Path(".")], overrides, apply=apply, jobs=jobs)
    except ConfigError as error:
        click.echo(f"fastapi-unblock: error: {error}", err=True)
        sys.exit(2)
    if output_format == "json":
        click.echo(json.dumps(json_document(outcomes), indent=2))
    else:
        from .console import print_diff, print_summary
        from .diffing import unified_diff

        color = _use_color(no_color)
        if not apply:
            for outcome in outcomes:
                result = outcome.result
                if result.changed and result.new_text is not None:
                    patch = unified_diff(result.old_text, result.new_text, result.path, outcome.encoding)
                    print_diff(patch, color)
        print_summary(outcomes, summarise(outcomes), apply, color and sys.stderr.isatty())
    sys.exit(exit_status(outcomes, applied=apply))
