"""Rule codes: one per category of blocking API.

A finding's code is the code of the category of the blocking call it reports,
so ``--select``/``--ignore`` and ``# unblock: ignore[CODE]`` work per category,
in ruff's style. The table is data; README's rules table is generated from it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    summary: str
    default_enabled: bool = True


RULES: tuple[Rule, ...] = (
    Rule("UNB100", "blocking-sleep", "sleep", "`time.sleep` and other sleeps stall the loop"),
    Rule("UNB110", "blocking-http-call", "http", "synchronous HTTP clients (requests, urllib, httpx sync API)"),
    Rule("UNB120", "blocking-file-io", "file", "opening, reading and writing files"),
    Rule("UNB130", "blocking-subprocess", "subprocess", "running and waiting for processes"),
    Rule("UNB140", "blocking-database", "database", "sync database drivers and ORM sessions"),
    Rule("UNB150", "blocking-cache", "cache", "sync cache clients (redis-py, memcache)"),
    Rule("UNB160", "blocking-cloud-sdk", "cloud", "sync cloud and object-storage SDKs (boto3, ...)"),
    Rule("UNB170", "blocking-email", "email", "sending and reading mail synchronously (smtplib, imaplib, ...)"),
    Rule("UNB180", "blocking-network", "network", "sockets, DNS, messaging and other network I/O"),
    Rule("UNB190", "blocking-vendor-sdk", "vendor", "sync vendor SDK clients (openai, stripe, ...)"),
    Rule("UNB200", "blocking-wait", "wait", "waiting on input, futures, locks or queues"),
    Rule(
        "UNB210",
        "blocking-filesystem-metadata",
        "filesystem-metadata",
        "cheap filesystem metadata calls (`os.path.exists`, `Path.mkdir`)",
        default_enabled=False,
    ),
    Rule("UNB220", "cpu-bound", "cpu", "CPU-bound work on the loop; threads help only if the library releases the GIL"),
    Rule("UNB230", "nested-event-loop", "reentry",
         "`asyncio.run`, `run_until_complete` on the running loop: they raise `RuntimeError`, a bug to fix by hand"),
)

RULES_BY_CATEGORY: dict[str, Rule] = {rule.category: rule for rule in RULES}
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


class UnknownRule(ValueError):
    """A rule code that is not in :data:`RULES` (the message lists the valid ones)."""

    def __init__(self, code: str) -> None:
        super().__init__(f"unknown rule code {code!r}; the rules are {', '.join(r.code for r in RULES)}")
        self.code = code


def rule_for(code: str) -> Rule:
    """The rule of ``code`` (case-insensitive, as on the command line); :class:`UnknownRule` if none."""
    try:
        return RULES_BY_CODE[code.strip().upper()]
    except KeyError:
        raise UnknownRule(code) from None


def code_for(category: str) -> str:
    """The rule code of a catalogue category (unknown categories are a bug)."""
    return RULES_BY_CATEGORY[category].code


def is_enabled(code: str, select: frozenset[str], ignore: frozenset[str]) -> bool:
    """ruff-style selection: prefixes allowed (``UNB1`` selects UNB100..UNB190)."""
    rule = RULES_BY_CODE.get(code)
    if any(code.startswith(prefix) for prefix in ignore):
        return False
    if select:
        return any(code.startswith(prefix) for prefix in select)
    return rule.default_enabled if rule else True


def markdown_table() -> str:
    """README's rules table, generated from :data:`RULES` (``python -m codemods.rules``)."""
    lines = [
        "| Code | Name | Category | What it reports | Default |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in RULES:
        default = "on" if rule.default_enabled else f"off (`--select {rule.code}`)"
        lines.append(f"| {rule.code} | {rule.name} | `{rule.category}` | {rule.summary} | {default} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
