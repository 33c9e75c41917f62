"""Choose one fix per finding, by explicit preference, never by import order.

Fixes are tried in ``PREFERENCE`` order; the first that applies wins. When
none applies, the finding gets strategy ``none`` and the reasons every fix
gave, so nothing flagged is silent.
"""

from __future__ import annotations

from .fixes.base import Fix, FixContext, Refusal
from .fixes.convert_to_def import ConvertToDef
from .fixes.move_to_background import MoveToBackground
from .fixes.swap_to_async import SwapToAsync
from .fixes.wrap_in_threadpool import WrapInThreadpool
from .models import FixPlan, Settings, Strategy

FIXES: dict[Strategy, Fix] = {
    fix.strategy: fix for fix in (ConvertToDef(), SwapToAsync(), WrapInThreadpool(), MoveToBackground())
}
#: FastAPI's own advice: default to ``def``. ``prefer = "async"`` puts the swap first;
#: ``prefer = "background"`` the hand-off to ``BackgroundTasks`` (unsafe, so last otherwise).
PREFERENCE: dict[str, tuple[Strategy, ...]] = {
    "def": (Strategy.CONVERT_TO_DEF, Strategy.SWAP_TO_ASYNC, Strategy.WRAP_IN_THREADPOOL, Strategy.MOVE_TO_BACKGROUND),
    "async": (Strategy.SWAP_TO_ASYNC, Strategy.CONVERT_TO_DEF, Strategy.WRAP_IN_THREADPOOL,
              Strategy.MOVE_TO_BACKGROUND),
    "background": (Strategy.MOVE_TO_BACKGROUND, Strategy.CONVERT_TO_DEF, Strategy.SWAP_TO_ASYNC,
                   Strategy.WRAP_IN_THREADPOOL),
}


def applies(plan: FixPlan, settings: Settings) -> bool:
    """Whether a plan is written: a safe one always; an unsafe one with ``--unsafe-fixes``, or
    when asked for by name."""
    if plan.strategy is Strategy.NONE:
        return False
    return plan.safe or settings.unsafe_fixes or _asked_for(plan, settings)


def _asked_for(plan: FixPlan, settings: Settings) -> bool:
    """``--prefer background`` names the (unsafe) hand-off to ``BackgroundTasks``: it is chosen first."""
    return plan.strategy is Strategy.MOVE_TO_BACKGROUND and settings.prefer == "background"


def plan_fix(context: FixContext) -> FixPlan:
    """The first safe fix in preference order; else the first unsafe one; else ``none``.

    An unsafe fix (applied only with ``--unsafe-fixes``) never hides a safe one
    further down the list, as in ruff.
    """
    reentries = sorted((c for c in context.calls if c.api.category == "reentry"), key=lambda c: c.name)
    if reentries:
        # Not a stall to move to a thread: the call fails at once. ``await`` the coroutine instead.
        return FixPlan(Strategy.NONE, False, f"`{reentries[0].name}` {reentries[0].api.why}: await the coroutine "
                                             "(or the library's async API) instead (a threadpool would hide the bug)")
    reasons: list[str] = []
    unsafe: FixPlan | None = None
    for strategy in PREFERENCE[context.settings.prefer]:
        try:
            plan = FIXES[strategy].plan(context)
        except Refusal as refusal:
            if strategy is not Strategy.SWAP_TO_ASYNC:  # "no twin" is not news when nothing else fits
                reasons.append(str(refusal))
            continue
        if plan.safe or _asked_for(plan, context.settings):
            return _why_not_earlier(plan, reasons)
        unsafe = unsafe or plan
    if unsafe is not None:
        return _why_not_earlier(unsafe, reasons)
    return FixPlan(Strategy.NONE, False, "; ".join(reasons) or "no fix available")


def _why_not_earlier(plan: FixPlan, reasons: list[str]) -> FixPlan:
    """Say why a function "must stay async" when that is news (a caller, a patch), not the obvious."""
    if not reasons or "must stay async" in reasons[0] or not plan.reason.startswith("must stay async"):
        return plan
    return FixPlan(plan.strategy, plan.safe, f"must stay async ({reasons[0]}){plan.reason[len('must stay async'):]}")
