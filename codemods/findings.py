"""A function's blocking calls as a :class:`~codemods.models.Finding`: its message, codes and calls.

Split from :mod:`codemods.engine`, which decides what blocks and how to fix it;
this only words the result, the same way for every fix.
"""

from __future__ import annotations

from .analysis.blocking import DirectCall
from .analysis.definitions import DefinedFunction
from .models import BlockingCall, Finding, FixPlan, Kind
from .rules import code_for


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
    names = ", ".join(dict.fromkeys(f"`{' -> '.join((*c.via, c.name))}`" for c in reported))
    label = kind.value.replace("_", " ") if kind is not Kind.OTHER else "function"
    if all(c.code == code_for("reentry") for c in reported):
        message = f"async {label} `{defined.qualname}` starts an event loop inside the running one: {names} raises"
    else:
        message = f"async {label} `{defined.qualname}` blocks the event loop: it calls {names}"
    if awaited_by:
        message += "; awaited by " + ", ".join(awaited_by)
    return Finding(
        path=path, line=node.lineno, column=node.col_offset + 1, function=defined.qualname, kind=kind,
        code=reported[0].code, message=message, calls=reported, fix=plan, fixed=fixed,
    )
