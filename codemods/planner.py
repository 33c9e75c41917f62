"""Choose one fix per finding, by explicit preference, never by import order.

Fixes are tried in ``PREFERENCE`` order; the first that applies wins. When
none applies, the finding gets strategy ``none`` and the reasons every fix
gave, so nothing flagged is silent.
"""

from __future__ import annotations

from .fixes.base import Fix, FixContext, Refusal
from .fixes.convert_to_def import ConvertToDef
from .models import FixPlan, Strategy

FIXES: dict[Strategy, Fix] = {fix.strategy: fix for fix in (ConvertToDef(),)}
PREFERENCE: tuple[Strategy, ...] = (Strategy.CONVERT_TO_DEF,)


def plan_fix(context: FixContext) -> FixPlan:
    reasons: list[str] = []
    for strategy in PREFERENCE:
        try:
            return FIXES[strategy].plan(context)
        except Refusal as refusal:
            reasons.append(str(refusal))
    return FixPlan(Strategy.NONE, False, "; ".join(reasons) or "no fix available")
