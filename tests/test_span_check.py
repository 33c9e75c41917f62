"""A rewrite changes nothing outside the spans it may change (codemods.diffing.changed_outside)."""

from __future__ import annotations

from codemods.diffing import changed_outside, merged_spans

OLD = "import time\n\n\nasync def a():\n    time.sleep(1)\n\n\nx = 1\n"
#: Lines 4-5 (the function) rewritten; the rest as it was.
NEW = "import time\n\n\ndef a():\n    time.sleep(1)\n\n\nx = 1\n"


def test_a_rewrite_inside_its_spans_passes() -> None:
    assert changed_outside(OLD, NEW, [(4, 5)]) is None
    assert changed_outside(OLD, OLD, [(4, 5)]) is None


def test_a_change_before_between_or_after_the_spans_is_named() -> None:
    before = NEW.replace("import time", "import os")
    assert "near line 1" in (changed_outside(OLD, before, [(4, 5)]) or "")
    after = NEW.replace("x = 1", "x = 2")
    assert "at or after line 6" in (changed_outside(OLD, after, [(4, 5)]) or "")
    appended = NEW + "y = 2\n"
    assert changed_outside(OLD, appended, [(4, 5)]) is not None
    two = "import time\n\n\nasync def a():\n    time.sleep(1)\n\ny = 0\nasync def b():\n    time.sleep(2)\n"
    both = two.replace("async def", "def")
    assert changed_outside(two, both, [(4, 5), (8, 9)]) is None
    assert "near line 6" in (changed_outside(two, both.replace("y = 0", "y = 9"), [(4, 5), (8, 9)]) or "")


def test_overlapping_spans_are_merged_in_order() -> None:
    assert merged_spans([(8, 9), (1, 3), (2, 5), (6, 6)]) == [(1, 5), (6, 6), (8, 9)]
