"""A run's changes shared out among the findings they fix: what one fix alone would change.

A reviewer decides per finding, not per file (``--interactive``), and a SARIF
viewer applies one result's fix at a time (``--format sarif``): both need each
fixed finding's own edits. A rewritten file's edits (difflib's opcodes over its
lines) are shared out so:

- an edit inside a fixed function (decorators included) belongs to that
  function's finding;
- an edit outside every fixed function of its file (an added import) belongs to
  each fixed finding of the file, since each needs it alone;
- an edit in a file that changes only because its calls of a converted function
  must change with it (``await f()`` becoming ``await run_in_threadpool(f)``)
  belongs to that function's finding, so a function and its callers are one fix.

Together the shares give what ``--apply`` writes, except edits no finding owns
in a file no finding asked for (a fix placed in an awaited helper of another
module, reported as that helper's own finding when it is fixed).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from . import newer_syntax
from .analysis.children import walk_nodes
from .analysis.modules import function_key
from .diffing import split_lines, unified_diff
from .models import Finding, FindingKey, Outcome, finding_key

#: An edit: old lines ``[i1, i2)`` become new lines ``[j1, j2)`` (0-based, difflib's opcodes).
Edit = tuple[int, int, int, int]


@dataclass(frozen=True)
class FileShare:
    """The edits of one rewritten file that belong to one fix."""

    outcome: Outcome
    old: list[str]
    new: list[str]
    edits: tuple[Edit, ...]

    def patch(self) -> bytes:
        """A unified diff of these edits alone, that ``git apply`` accepts."""
        out: list[str] = []
        at = 0
        for i1, i2, j1, j2 in self.edits:
            out += self.old[at:i1] + self.new[j1:j2]
            at = i2
        result = self.outcome.result
        return unified_diff(result.old_text, "".join(out + self.old[at:]), result.path, self.outcome.encoding)


@dataclass(frozen=True)
class FixShare:
    """A fixed finding and its share of the run's changes: its own file first, then its callers'."""

    finding: Finding
    key: FindingKey
    files: tuple[FileShare, ...]


@dataclass(frozen=True)
class _File:
    outcome: Outcome
    old: list[str]
    new: list[str]
    edits: list[Edit]
    #: Per edit, the indexes (in the run's list of fixed findings) of the functions it touches.
    owners: list[frozenset[int]]


def shares(outcomes: list[Outcome]) -> list[FixShare]:
    """One share per fixed finding whose fix changes some text, in the order of the outcomes."""
    fixed = [(outcome, finding) for outcome in outcomes for finding in outcome.result.findings if finding.fixed]
    files = {str(Path(o.result.path).resolve()): f for o in outcomes if (f := _file(o, fixed)) is not None}
    found = []
    for index, (outcome, finding) in enumerate(fixed):
        parts = []
        mine = files.get(str(Path(outcome.result.path).resolve()))
        if mine is not None:
            parts.append(_share(mine, index))
        function = function_key(Path(finding.path).resolve(), finding.function)
        for caller_file, requested in dict.fromkeys(outcome.result.caller_requests):
            caller = files.get(str(Path(caller_file).resolve()))
            if requested == function and caller is not None and caller is not mine:
                parts.append(_share(caller, None))
        parts = [part for part in parts if part.edits]
        if parts:
            key = finding_key(str(Path(finding.path).resolve()), finding.function, finding.calls)
            found.append(FixShare(finding, key, tuple(parts)))
    return found


def _share(file: _File, owner: int | None) -> FileShare:
    """The edits of ``file`` in ``owner``'s function and outside every fixed function (``None``:
    only those outside: the file of a caller)."""
    edits = tuple(edit for edit, owners in zip(file.edits, file.owners) if not owners or owner in owners)
    return FileShare(file.outcome, file.old, file.new, edits)


def _file(outcome: Outcome, fixed: list[tuple[Outcome, Finding]]) -> _File | None:
    result = outcome.result
    if not result.changed or result.new_text is None:
        return None
    old, new = split_lines(result.old_text), split_lines(result.new_text)
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    edits = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]
    mine = [(i, finding) for i, (o, finding) in enumerate(fixed) if o is outcome]
    spans = list(zip((i for i, _f in mine), _spans(result.old_text, [f for _i, f in mine])))
    owners = []
    for i1, i2, _j1, _j2 in edits:
        # The old lines an edit replaces, or, for an insertion, the two lines it goes between.
        touched = range(i1 + 1, i2 + 1) if i2 > i1 else range(i1, i1 + 2)
        owners.append(frozenset(i for i, (first, last) in spans if any(first <= n <= last for n in touched)))
    return _File(outcome, old, new, edits, owners)


def _spans(text: str, findings: list[Finding]) -> list[tuple[int, int]]:
    """The lines of each finding's function, decorators included (just its line if it cannot be found)."""
    if not findings:
        return []
    try:
        tree = newer_syntax.parse(text)
    except newer_syntax.PARSE_ERRORS:
        return [(finding.line, finding.line) for finding in findings]
    functions = {(node.name, node.lineno): node for node in walk_nodes(tree)
                 if isinstance(node, ast.AsyncFunctionDef | ast.FunctionDef)}
    spans = []
    for finding in findings:
        node = functions.get((finding.function.rpartition(".")[2], finding.line))
        if node is None:
            spans.append((finding.line, finding.line))
        else:
            spans.append((min([node.lineno, *(d.lineno for d in node.decorator_list)]), node.end_lineno or node.lineno))
    return spans
