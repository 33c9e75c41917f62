"""The ``--format github`` lines: GitHub Actions workflow commands, one per finding.

Printed in a workflow step, each line becomes an annotation on the pull
request's diff, at the ``async def`` of the flagged function: the cheapest way
to see findings in review, with no upload step and no code scanning. A file
that could not be analysed gets an ``::error`` of its own.

GitHub reads a command up to the end of its line and splits properties at
commas and colons, so a message or a path holding a newline, ``%``, ``,`` or
``:`` must be escaped (the escapes of the Actions toolkit's ``command.ts``), or
the annotation lands on the wrong file or is cut short.
"""

from __future__ import annotations

from .models import Finding, Outcome, Strategy
from .rule_docs import DOCS
from .rules import RULES_BY_CODE


def escape_data(text: str) -> str:
    """Text after ``::``: ``%``, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (``file=``, ``title=``): as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def fix_note(finding: Finding) -> str:
    """What happens to the finding: the fix the tool writes, or why there is none."""
    strategy, reason = finding.fix.strategy, finding.fix.reason
    if finding.fixed:
        return f"fastapi-unblock --apply fixes this ({strategy.value}): {reason}"
    if strategy is Strategy.NONE:
        return f"no automatic fix: {reason}"
    if not finding.fix.safe:
        return f"unsafe fix {strategy.value} not applied (use --unsafe-fixes): {reason}"
    return f"fix {strategy.value} not applied: {reason}"


def _command(level: str, properties: dict[str, str | int], message: str) -> str:
    listed = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items())
    return f"::{level} {listed}::{escape_data(message)}"


def github_lines(outcomes: list[Outcome]) -> list[str]:
    """One workflow command per finding (the rule's level: ``warning``, or ``error``), and one
    ``::error`` per file that could not be analysed, in the order of the outcomes."""
    lines = []
    for outcome in outcomes:
        result = outcome.result
        if result.error is not None:
            lines.append(_command("error", {"file": result.error.path, "title": "fastapi-unblock"},
                                  result.error.message))
        for finding in result.findings:
            rule = RULES_BY_CODE.get(finding.code)
            doc = DOCS.get(finding.code)
            title = f"{finding.code} {rule.name}" if rule is not None else finding.code
            properties: dict[str, str | int] = {"file": finding.path, "line": finding.line,
                                                "col": finding.column, "title": title}
            lines.append(_command(doc.level if doc is not None else "warning", properties,
                                  f"{finding.message}\n{fix_note(finding)}"))
    return lines
