"""A function's blocking calls as a :class:`~codemods.models.Finding`: its message, codes and calls.

Split from :mod:`codemods.engine`, which decides what blocks and how to fix it;
this only words the result, the same way for every fix.
"""

from __future__ import annotations

from collections.abc import Sequence

from .analysis.definitions import DefinedFunction
from .analysis.direct_calls import DirectCall
from .models import BlockingCall, Finding, FixPlan, Kind, call_text
from .rules import code_for

SHOWN_PATHS = 3
"""How many call paths (handlers awaiting, helpers fixed elsewhere) a message spells out
before it counts the rest; the finding's ``calls`` keep every path. One handler of a large
application reaches the same blocking call through hundreds of paths, and a message that
lists them all is read by nobody."""


def display_name(call: DirectCall) -> str:
    return call.name.removeprefix("builtins.")


def reported_calls(calls: list[DirectCall]) -> tuple[BlockingCall, ...]:
    """The calls as a finding lists them (and a baseline records them): name, code, where, through what."""
    return tuple(
        BlockingCall(
            name=display_name(c), code=code_for(c.api.category), line=c.node.lineno,
            column=c.node.col_offset + 1, via=c.via,
        )
        for c in calls
    )


def make_finding(
    path: str,
    defined: DefinedFunction,
    kind: Kind,
    calls: list[DirectCall],
    plan: FixPlan,
    fixed: bool,
    awaited_by: tuple[str, ...] | None = None,
) -> Finding:
    node = defined.node
    reported = reported_calls(calls)
    names = _spelled_out(reported)
    label = kind.value.replace("_", " ") if kind is not Kind.OTHER else "function"
    if all(c.code == code_for("reentry") for c in reported):
        message = f"async {label} `{defined.qualname}` starts an event loop inside the running one: {names} raises"
    else:
        message = f"async {label} `{defined.qualname}` blocks the event loop: it calls {names}"
    if awaited_by:
        message += "; awaited by " + listed(awaited_by)
    return Finding(
        path=path, line=node.lineno, column=node.col_offset + 1, function=defined.qualname, kind=kind,
        code=reported[0].code, message=message, calls=reported, fix=plan, fixed=fixed,
    )


def _spelled_out(reported: tuple[BlockingCall, ...]) -> str:
    """The call paths for a message: one per blocking call first (so every library the handler
    blocks on is named), up to :data:`SHOWN_PATHS`, then how many more there are."""
    first_per_call: dict[str, str] = {}
    for call in reported:
        first_per_call.setdefault(call.name, f"`{call_text(call)}`")
    paths = [*first_per_call.values(), *(f"`{call_text(c)}`" for c in reported)]
    return listed(list(dict.fromkeys(paths)))


def listed(items: Sequence[str]) -> str:
    """``a, b, c and 12 more``: the first :data:`SHOWN_PATHS` items, and how many are left."""
    more = len(items) - SHOWN_PATHS
    return ", ".join(items[:SHOWN_PATHS]) + (f" and {more} more" if more > 0 else "")
