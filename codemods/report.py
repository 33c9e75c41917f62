"""Totals, exit status and the JSON document: derived from outcomes, nothing else.

Exit status (documented in README):
0 nothing to fix (with ``--apply``: everything flagged was fixed);
1 findings or fixes pending; 2 an error (bad arguments, unreadable or
unparsable files, refused rewrites). Errors win over findings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .json_text import Rendered, json_text, json_tokens
from .models import Finding, Outcome, Strategy
from .paths import display_path

if TYPE_CHECKING:
    from .environment import Distribution, Environment

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


@dataclass
class Summary:
    files_scanned: int = 0
    files_changed: int = 0
    handlers_checked: int = 0
    handlers_flagged: int = 0
    by_strategy: Counter[str] = field(default_factory=Counter)
    not_fixable: int = 0
    unapplied: int = 0
    errors: int = 0
    #: Why files were left alone -> how many.
    skipped: Counter[str] = field(default_factory=Counter)
    #: Functions of installed libraries the analysis followed (``module.qualname``).
    library_functions: set[str] = field(default_factory=set)
    #: Library answers read from summaries an earlier run (of any project) stored.
    library_summaries_reused: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "files_scanned": self.files_scanned,
            "files_changed": self.files_changed,
            "handlers_checked": self.handlers_checked,
            "handlers_flagged": self.handlers_flagged,
            "fixes": {s.value: self.by_strategy.get(s.value, 0) for s in Strategy if s is not Strategy.NONE},
            "not_fixable": self.not_fixable,
            "unapplied": self.unapplied,
            "errors": self.errors,
            "skipped": dict(sorted(self.skipped.items())),
            "library_functions": len(self.library_functions),
            "library_summaries_reused": self.library_summaries_reused,
        }


def summarise(outcomes: list[Outcome]) -> Summary:
    summary = Summary(files_scanned=len(outcomes))
    for outcome in outcomes:
        result = outcome.result
        summary.files_changed += int(result.changed)
        summary.handlers_checked += result.handlers_checked
        summary.errors += int(result.error is not None)
        summary.library_functions.update(result.library_functions)
        summary.library_summaries_reused += result.summaries_reused
        if result.skipped is not None:
            summary.skipped[result.skipped] += 1
        for finding in result.findings:
            summary.handlers_flagged += 1
            if finding.fix.strategy is Strategy.NONE:
                summary.not_fixable += 1
            elif finding.fixed:
                summary.by_strategy[finding.fix.strategy.value] += 1
            else:
                summary.unapplied += 1
    return summary


def exit_status(outcomes: list[Outcome], applied: bool) -> int:
    if any(o.result.error is not None for o in outcomes):
        return EXIT_ERROR
    findings = [f for o in outcomes for f in o.result.findings]
    if applied:
        return EXIT_FINDINGS if any(not f.fixed for f in findings) else EXIT_CLEAN
    return EXIT_FINDINGS if findings else EXIT_CLEAN


def finding_as_dict(finding: Finding) -> dict[str, Any]:
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "function": finding.function,
        "kind": finding.kind.value,
        "code": finding.code,
        "message": finding.message,
        "calls": [
            {"name": c.name, "code": c.code, "line": c.line, "column": c.column, "via": list(c.via)}
            for c in finding.calls
        ],
        "fix": {
            "strategy": finding.fix.strategy.value,
            "safe": finding.fix.safe,
            "reason": finding.fix.reason,
            "applied": finding.fixed,
        },
    }


def render_json(finding: Finding) -> Rendered:
    """``finding`` as an item of the report's ``findings``, laid out once and kept on it
    (:attr:`~codemods.models.Finding.rendered`: made by the worker that found it, and by a
    warm run read from the cache with it)."""
    if not finding.rendered:
        object.__setattr__(finding, "rendered", json_text(finding_as_dict(finding), 2))
    return Rendered(finding.rendered)


def by_project(outcomes: list[Outcome], projects: list[Path]) -> dict[str, Summary]:
    """One summary per project root (shown relative to the current folder)."""
    by_root: dict[Path, list[Outcome]] = {}
    for outcome, root in zip(outcomes, projects):
        by_root.setdefault(root, []).append(outcome)
    grouped = {display_path(root): members for root, members in by_root.items()}
    return {name: summarise(members) for name, members in sorted(grouped.items())}


def environment_as_dict(environment: Environment | None, distributions: int) -> dict[str, Any] | None:
    if environment is None:
        return None
    return {
        "found_by": environment.found_by,
        "path": str(environment.path),
        "site_packages": [str(folder) for folder in environment.site_packages],
        "distributions": distributions,
    }


def json_document(outcomes: list[Outcome], projects: list[Path] | None = None,
                  environments: Mapping[Path, Environment | None] | None = None,
                  distributions: Mapping[Path, tuple[Distribution, ...]] | None = None) -> dict[str, Any]:
    """The ``--format json`` document, for :func:`json_pieces`: each finding comes as its text
    (:func:`render_json`, what ``finding_as_dict`` gives, laid out); ``environments`` by project
    root, ``distributions`` by environment folder."""
    environments = environments or {}
    installed = distributions or {}

    def environment(roots: set[Path]) -> dict[str, Any] | None:
        # The run's environment when its projects agree on one (they always do with --python
        # or $VIRTUAL_ENV); each project's own is in its `projects` entry.
        found = {environments[root] for root in roots if root in environments}
        only = found.pop() if len(found) == 1 else None
        return environment_as_dict(only, len(installed.get(only.path, ()))) if only is not None else None

    summary = summarise(outcomes).as_dict()
    summary["environment"] = environment(set(projects) if projects is not None else set(environments))
    if projects is not None:
        roots = {display_path(root): root for root in projects}
        summary["projects"] = {name: {**s.as_dict(), "environment": environment({roots[name]})}
                               for name, s in by_project(outcomes, projects).items()}
    return {
        "version": __version__,
        "findings": [render_json(f) for o in outcomes for f in o.result.findings],
        "errors": [
            {"path": o.result.error.path, "message": o.result.error.message}
            for o in outcomes
            if o.result.error is not None
        ],
        "summary": summary,
    }


def json_pieces(document: object, size: int = 1 << 16) -> Iterator[str]:
    """``json.dumps(document, indent=2)`` in pieces of about ``size`` characters (or more: one
    finding is never cut), to be written as they come; a finding laid out already
    (:func:`render_json`) is written as the dictionary it stands for would be.

    Joined by ``json.dumps``, one large application's report (26 MB of findings with their
    call chains) held 100 MB more at the end of the run, its peak; encoded here a finding at
    a time (:mod:`codemods.json_text`), a piece is all it holds.
    """
    held: list[str] = []
    length = 0
    for token in json_tokens(document):
        held.append(token)
        length += len(token)
        if length >= size:
            yield "".join(held)
            held, length = [], 0
    if held:
        yield "".join(held)
