"""The ``--format sarif`` document: SARIF 2.1.0 as GitHub code scanning reads it.

Code scanning turns each result into an alert on the line of the ``async def``
and shows the rule's help (:mod:`codemods.rule_docs`) beside it, so a reviewer
learns why the handler is flagged without leaving the pull request. Like the
JSON document, it is derived from the outcomes and nothing else.

Choices the spec leaves open, made for GitHub and for fix-applying viewers:

- File names are URIs relative to ``%SRCROOT%``, the folder the paths of the
  run are relative to (the current folder), percent-encoded: a space in a path
  is not valid in a URI. ``originalUriBaseIds`` says what ``%SRCROOT%`` was.
- Columns count Unicode code points (``columnKind``); the analysis counts UTF-8
  bytes, so they are converted with the file's text.
- ``partialFingerprints`` hash the file, function, rule and calls, not line
  numbers, so an alert survives edits above it.
- A finding whose fix is in the produced text carries it as ``fixes``: line
  replacements of the unmodified file, each region given both by line/column
  and by character offset: the finding's share of the run's edits
  (:mod:`codemods.fix_changes`, the same shares ``--interactive`` shows), so
  each fix can be applied on its own.
- Files that could not be analysed are ``toolExecutionNotifications`` of the
  invocation, which is unsuccessful when there is one (exit status 2).

The document describes the files as they were read: after ``--apply`` the
fixes are already written and the locations point into the old text.
"""

from __future__ import annotations

import bisect
import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import __version__
from .annotations import github_lines
from .diffing import split_lines
from .fix_changes import FileShare, shares
from .models import Finding, Outcome, finding_key
from .rule_docs import DOCS, help_text, plain, render_markdown, sentence
from .rules import RULES

#: ``github_lines`` lives in :mod:`codemods.annotations`; it is re-exported here beside the other CI format.
__all__ = ["SCHEMA_URI", "SRCROOT", "artifact_location", "fingerprint", "github_lines", "sarif_document"]

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/fastapi-unblock/"
SRCROOT = "%SRCROOT%"
#: The key of our fingerprint in ``partialFingerprints`` (versioned: a new recipe needs a new key).
FINGERPRINT_KEY = "fastapiUnblockFinding/v1"

Json = dict[str, Any]


def sarif_document(outcomes: list[Outcome], root: Path | None = None,
                   information_uri: str = INFORMATION_URI) -> Json:
    """The SARIF log of a run; ``root`` is the folder the outcomes' paths are relative to
    (default: the current folder)."""
    base = (root or Path.cwd()).resolve().as_uri()
    errors = [o.result.error for o in outcomes if o.result.error is not None]
    run: Json = {
        "tool": {"driver": _driver(information_uri)},
        "originalUriBaseIds": {SRCROOT: {"uri": base if base.endswith("/") else base + "/"}},
        "invocations": [{
            "executionSuccessful": not errors,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": error.message},
                 "locations": [{"physicalLocation": {"artifactLocation": artifact_location(error.path)}}],
                 "properties": {"internal": error.internal}}
                for error in errors
            ],
        }],
        "columnKind": "unicodeCodePoints",
        "newlineSequences": ["\r\n", "\r", "\n"],
        "results": _results(outcomes),
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _driver(information_uri: str) -> Json:
    rules = []
    for rule in RULES:
        doc = DOCS[rule.code]
        rules.append({
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": plain(sentence(rule.summary)), "markdown": sentence(rule.summary)},
            "fullDescription": {"text": plain(f"{doc.reports} {doc.why}"), "markdown": f"{doc.reports} {doc.why}"},
            "help": {"text": help_text(rule.code), "markdown": render_markdown(rule.code)},
            "defaultConfiguration": {"level": doc.level, "enabled": rule.default_enabled},
            "properties": {"tags": ["fastapi", "asyncio", "correctness" if doc.level == "error" else "performance",
                                    rule.category]},
        })
    return {"name": "fastapi-unblock", "version": __version__, "semanticVersion": __version__,
            "informationUri": information_uri, "rules": rules}


def artifact_location(path: str) -> Json:
    """A file as a URI: relative ones under ``%SRCROOT%``, percent-encoded."""
    if Path(path).is_absolute():  # another drive on Windows: no relative path exists
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def fingerprint(finding: Finding) -> str:
    """What identifies a finding across edits that move it: no line numbers."""
    path, function, code, calls = finding_key(finding.path, finding.function, finding.calls)  # as a baseline's
    text = "\0".join([path, function, code, *calls])
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def _results(outcomes: list[Outcome]) -> list[Json]:
    index = {rule.code: i for i, rule in enumerate(RULES)}
    fixes = _fixes(outcomes)
    results = []
    for outcome in outcomes:
        lines = split_lines(outcome.result.old_text)
        for finding in outcome.result.findings:
            doc = DOCS.get(finding.code)
            result: Json = {"ruleId": finding.code}
            if finding.code in index:
                result["ruleIndex"] = index[finding.code]
            result.update({
                "level": doc.level if doc is not None else "warning",
                "message": {"text": finding.message},
                "locations": [_location(finding.path, lines, finding.line, finding.column)],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
                "relatedLocations": [
                    {"id": number, **_location(finding.path, lines, call.line, call.column),
                     "message": {"text": _call_text(call.name, call.via)}}
                    for number, call in enumerate(finding.calls, start=1)
                ],
                "properties": {"function": finding.function, "kind": finding.kind.value, "fix": {
                    "strategy": finding.fix.strategy.value, "safe": finding.fix.safe,
                    "reason": finding.fix.reason, "applied": finding.fixed}},
            })
            if id(finding) in fixes:
                result["fixes"] = [fixes[id(finding)]]
            results.append(result)
    return results


def _call_text(name: str, via: tuple[str, ...]) -> str:
    return f"calls `{name}`" + (" through " + " -> ".join(f"`{v}`" for v in via) if via else "")


def _location(path: str, lines: list[str], line: int, byte_column: int) -> Json:
    return {"physicalLocation": {"artifactLocation": artifact_location(path),
                                 "region": {"startLine": line, "startColumn": _column(lines, line, byte_column)}}}


def _column(lines: list[str], line: int, byte_column: int) -> int:
    """The analysis' 1-based UTF-8 byte column as a 1-based code point column."""
    if not 1 <= line <= len(lines):
        return max(byte_column, 1)
    prefix = lines[line - 1].encode("utf-8", "surrogatepass")[: byte_column - 1]
    return len(prefix.decode("utf-8", "ignore")) + 1


def _fixes(outcomes: list[Outcome]) -> dict[int, Json]:
    """id(finding) -> its SARIF fix, for fixed findings whose fix is in the produced text."""
    fixes: dict[int, Json] = {}
    for share in shares(outcomes):
        changes = [{"artifactLocation": artifact_location(part.outcome.result.path),
                    "replacements": _replacements(part)} for part in share.files]
        fixes[id(share.finding)] = {"description": {"text": _describe(share.finding, len(changes))},
                                    "artifactChanges": changes}
    return fixes


def _replacements(part: FileShare) -> list[Json]:
    text = part.outcome.result.old_text
    starts = [0]
    for line in part.old:
        starts.append(starts[-1] + len(line))
    found = []
    for i1, i2, j1, j2 in part.edits:
        replacement: Json = {"deletedRegion": _region(text, starts, starts[i1], starts[i2])}
        if j2 > j1:
            replacement["insertedContent"] = {"text": "".join(part.new[j1:j2])}
        found.append(replacement)
    return found


def _region(text: str, starts: list[int], begin: int, end: int) -> Json:
    """A text region by line/column and by offset, the two consistent (SARIF 3.30.2)."""
    start_line, start_column = _position(text, starts, begin)
    end_line, end_column = _position(text, starts, end)
    return {"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column,
            "charOffset": begin, "charLength": end - begin}


def _position(text: str, starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``. The end of a file that ends with a newline is past
    the last line's newline, on that line (SARIF 3.30.2: there is no line after it)."""
    if not text:
        return 1, 1
    line = min(bisect.bisect_right(starts, offset), len(starts) - 1)
    return line, offset - starts[line - 1] + 1


def _describe(finding: Finding, files: int) -> str:
    text = f"{finding.fix.strategy.value}: {finding.fix.reason}"
    return text + (f" (the callers in {files - 1} other file(s) change with it)" if files > 1 else "")
