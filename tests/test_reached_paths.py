"""A blocking path is kept as links, one per helper (codemods.analysis.summaries.Reached): what
it spells out (``via``, ``chain``, ``contexts``) must be what whole tuples built step by step
gave, library steps forgetting what the helpers below them were called with."""

from __future__ import annotations

from pathlib import Path

from codemods.analysis.definitions import DefinedFunction
from codemods.analysis.modules import build_module
from codemods.analysis.summaries import Reached
from codemods.catalogue import BlockingApi

SLEEP = BlockingApi("time.sleep", "sleep")


def _functions() -> dict[str, DefinedFunction]:
    info = build_module("app", Path("app.py"), "def load():\n    pass\n\n\nasync def handler():\n    pass\n\n\n"
                                               "def parse():\n    pass\n")
    assert info is not None
    return {f.qualname: f for f in info.functions}


def test_a_path_with_no_helper_spells_out_nothing() -> None:
    reached = Reached(SLEEP, "time.sleep")
    assert (reached.via, reached.chain, reached.contexts, list(reached.calls())) == ((), (), (), [])


def test_each_helper_is_prefixed_with_what_it_was_called_with() -> None:
    f = _functions()
    inner = Reached(SLEEP, "time.sleep").through(f["load"], ())
    assert (inner.via, inner.chain, inner.contexts) == (("load",), (f["load"],), ())
    outer = inner.through(f["handler"], (("path", "x"),))
    assert outer.via == ("handler", "load")
    assert outer.chain == (f["handler"], f["load"])
    assert outer.contexts == ((("path", "x"),), ())
    assert list(outer.calls()) == [(f["handler"], (("path", "x"),)), (f["load"], ())]
    assert inner.via == ("load",)  # the shorter path is shared, not changed


def test_a_library_step_forgets_what_the_helpers_below_it_were_called_with() -> None:
    f = _functions()
    below = Reached(SLEEP, "time.sleep").through(f["load"], (("mode", "r"),))
    entered = below.through_library("lib.parse", f["parse"])
    assert entered.via == ("lib.parse", "load") and entered.chain == (f["parse"], f["load"])
    assert entered.contexts == ()
    assert entered.through(f["handler"], ()).contexts == ()
    called = entered.through(f["handler"], (("n", 1),))
    assert called.contexts == ((("n", 1),), (), ())


def test_a_summary_read_back_names_helpers_it_has_no_functions_for() -> None:
    f = _functions()
    stored = Reached(SLEEP, "time.sleep", ("lib.inner", "lib.deeper"))
    assert stored.via == ("lib.inner", "lib.deeper") and stored.chain == ()
    entered = stored.through_library("lib.outer", f["parse"])
    assert entered.via == ("lib.outer", "lib.inner", "lib.deeper")
    assert entered.chain == (f["parse"],)
