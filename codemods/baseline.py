"""A baseline: today's findings, recorded so that a check fails only on new ones.

A team adopting the tool on a large code base cannot fix every handler before
turning the check on in CI. ``--write-baseline FILE`` records the findings of
a run; ``--baseline FILE`` then holds those back (neither reported nor fixed,
as if each had a suppression comment) and reports, and fails on, the rest.

An entry must survive edits that do not touch it, so it names no line: the
file (relative to the baseline's folder, so the file can be committed and
used from any working folder), the function's dotted name, the rule code and
the blocking calls as the finding names them (:func:`~codemods.models.finding_key`).
A finding is held back when each of its calls is recorded for its function:
a run with fewer rules selected finds fewer calls and still matches, while one
more blocking call in a recorded function makes a new finding. A recorded call
the code no longer makes (whatever rules are selected) makes its entry
*stale*: it is reported, so the baseline is rewritten smaller as the code gets
fixed.

This module only turns findings into a document and back; the runner writes it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .models import FindingKey, HeldCall, Outcome, finding_key, held_calls

#: Bumped when the document's shape changes; an unknown version is refused, never guessed at.
FORMAT = 1


class BaselineError(Exception):
    """The baseline file cannot be used; the message says why."""


@dataclass(frozen=True)
class Baseline:
    """The entries of a baseline file (paths made absolute), and the file they came from."""

    source: Path
    entries: frozenset[FindingKey]

    @property
    def calls(self) -> frozenset[HeldCall]:
        """What the run holds back (``Settings.held_back``)."""
        return frozenset(call for entry in self.entries for call in held_calls(entry))

    def check(self, outcomes: Iterable[Outcome], reported: set[Path] | None) -> tuple[int, list[FindingKey]]:
        """How many entries the code still makes every call of, and the stale ones (in order).

        Only entries of files the run reported on count (analysed, and in ``reported`` unless
        it is ``None``; not the files around them that a ``--changed-since`` or
        ``--whole-project`` run reads): of the others nothing was learnt.
        """
        present: set[HeldCall] = set()
        looked_at: set[str] = set()
        for outcome in outcomes:
            result = outcome.result
            present.update(result.held_back)
            if result.error is None and result.skipped is None:
                looked_at.add(str(Path(result.path).resolve()))
        if reported is not None:
            looked_at &= {str(path.resolve()) for path in reported}
        kept, stale = 0, []
        for entry in sorted(self.entries):
            if entry[0] not in looked_at:
                continue
            if held_calls(entry) <= present:
                kept += 1
            else:
                stale.append(entry)
        return kept, stale

    def shown(self, entry: FindingKey) -> str:
        """An entry as a person reads it: ``path:function CODE (calls)``, path as recorded."""
        path, function, code, calls = entry
        return f"{_relative(path, self.source.parent)}:{function} {code} ({', '.join(calls)})"


def document(outcomes: Iterable[Outcome], baseline_path: Path) -> str:
    """The baseline file's text for every finding of ``outcomes``, sorted so it diffs well."""
    folder = baseline_path.resolve().parent
    rows = []
    for outcome in outcomes:
        for finding in outcome.result.findings:
            path, function, code, calls = finding_key(str(Path(finding.path).resolve()), finding.function,
                                                      finding.calls)
            rows.append({"path": _relative(path, folder), "function": function, "code": code, "calls": list(calls)})
    rows.sort(key=lambda row: (row["path"], row["function"], row["code"], row["calls"]))
    body = {"tool": "fastapi-unblock", "format": FORMAT, "findings": rows}
    return json.dumps(body, indent=2) + "\n"


def load(path: Path) -> Baseline:
    """Read a baseline file written by :func:`document`; :class:`BaselineError` if it is not one."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: cannot read: {error}") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}: not a baseline file (invalid JSON: {error})") from None
    if not isinstance(data, dict) or data.get("tool") != "fastapi-unblock":
        raise BaselineError(f"{path}: not a fastapi-unblock baseline file")
    if data.get("format") != FORMAT:
        raise BaselineError(f"{path}: baseline format {data.get('format')!r} is not {FORMAT}; "
                            "write it again with --write-baseline")
    folder = path.resolve().parent
    entries = set()
    for number, row in enumerate(data.get("findings", []), start=1):
        try:
            calls = tuple(str(call) for call in row["calls"])
            entries.add((str((folder / row["path"]).resolve()), str(row["function"]), str(row["code"]), calls))
        except (KeyError, TypeError) as error:
            raise BaselineError(f"{path}: entry {number} is malformed ({error!r})") from None
    return Baseline(path, frozenset(entries))


def _relative(path: str, folder: Path) -> str:
    """``path`` relative to ``folder`` in POSIX form (``..`` allowed: a baseline kept in a sub-folder)."""
    return Path(os.path.relpath(path, folder)).as_posix()
