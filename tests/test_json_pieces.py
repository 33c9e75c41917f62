"""The JSON report is written in pieces (codemods.report.json_pieces): together they must be
exactly what ``json.dumps(document, indent=2)`` gives, whatever the piece size, whether the
layout is made with joins (up to Python 3.12) or by the standard library's C encoder (3.13),
and with the findings laid out beforehand by the workers that found them."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codemods import json_text as json_text_module
from codemods.json_text import Rendered, json_text, json_tokens
from codemods.models import BlockingCall, Finding, FixPlan, Kind, Strategy
from codemods.report import finding_as_dict, json_pieces, render_json

DOCUMENT = {
    "version": "0.1.0",
    "findings": [{"path": "app/main.py", "line": 3, "calls": ["requests.get", "time.sleep"], "patch": "--- a\n+++ b\n"},
                 {"path": "ünïcode.py", "line": None, "calls": [], "nested": {"a": [1, 2.5, True, {}]}}],
    "errors": [],
    "summary": {"findings": 2},
}


@pytest.mark.parametrize("in_c", [False, True], ids=["joins", "C encoder"])
@pytest.mark.parametrize("size", [1, 2, 7, 1 << 16])
def test_pieces_make_the_whole_text(size: int, in_c: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_text_module, "C_ENCODER_INDENTS", in_c)
    pieces = list(json_pieces(DOCUMENT, size))
    assert "".join(pieces) == json.dumps(DOCUMENT, indent=2)
    assert all(pieces)  # no empty write


def test_a_large_document_comes_in_several_pieces() -> None:
    assert len(list(json_pieces(DOCUMENT, 5))) > 5


def _finding(**changes: object) -> Finding:
    finding = Finding("app/ü.py", 3, 1, "slow", Kind.ROUTE, "UNB100", "async route `slow` blocks",
                      (BlockingCall("time.sleep", "UNB100", 4, 5, ("helper", "deeper")),),
                      FixPlan(Strategy.CONVERT_TO_DEF, True, "nothing needs the loop"), fixed=True)
    return replace(finding, **changes) if changes else finding


@pytest.mark.parametrize("in_c", [False, True], ids=["joins", "C encoder"])
def test_a_finding_laid_out_beforehand_is_written_as_json_dumps_writes_it(in_c: bool,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_text_module, "C_ENCODER_INDENTS", in_c)
    findings = [_finding(), _finding(line=9, calls=())]
    data = {"version": "0", "findings": [finding_as_dict(f) for f in findings], "errors": []}
    laid_out = {**data, "findings": [render_json(f) for f in findings]}
    assert all(isinstance(item, Rendered) for item in laid_out["findings"])
    assert "".join(json_pieces(laid_out, 3)) == json.dumps(data, indent=2)


def test_a_finding_keeps_its_layout_through_pickling_and_a_changed_copy_is_laid_out_anew() -> None:
    """The layout travels with the finding (from the worker, in the cache); a copy made with
    ``replace`` (a fix withheld, a write that failed) never carries the original's."""
    finding = _finding()
    laid_out = render_json(finding)
    assert finding.rendered == laid_out and '"applied": true' in laid_out
    assert pickle.loads(pickle.dumps(finding)).rendered == laid_out
    withheld = replace(finding, fixed=False)
    assert withheld.rendered == "" and withheld == _finding(fixed=False)
    assert json.loads(render_json(withheld)) == finding_as_dict(withheld)
    assert json.loads(render_json(withheld))["fix"]["applied"] is False


# -- codemods.json_text: the layout of json.dumps(indent=2), made with joins --------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=3),
    max_leaves=30,
)


@given(JSON_VALUES, st.integers(min_value=0, max_value=3))
def test_json_text_is_what_json_dumps_writes(value: object, level: int) -> None:
    expected = json.dumps(value, indent=2).replace("\n", "\n" + "  " * level)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_text_module, "C_ENCODER_INDENTS", False)  # the joins, on any Python
        assert json_text(value, level) == expected
        assert "".join(json_tokens(value)) == json.dumps(value, indent=2)


class _Code(str):
    pass


class _Count(int):
    pass


@pytest.mark.parametrize("value", [
    {}, [], {"findings": []}, {"findings": [], "errors": [{}], "summary": {"a": []}},
    {"calls": [{"name": "open", "via": ["a", "b\n\"c\"", "ü", "\x00"]}]},
    {"k": _Code("sub-class of str"), "n": _Count(3), "t": ("x", "y"), "f": [1.5, float("inf")]},
    DOCUMENT,
], ids=repr)
def test_json_text_of_shapes_the_fast_paths_skip(value: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_text_module, "C_ENCODER_INDENTS", False)
    assert json_text(value) == json.dumps(value, indent=2)
    assert "".join(json_tokens(value)) == json.dumps(value, indent=2)


@pytest.mark.parametrize("in_c", [False, True], ids=["joins", "C encoder"])
def test_a_real_report_is_written_as_json_dumps_writes_it(in_c: bool, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A report with call chains (the fixture applications), its findings laid out by the
    worker that found them, byte for byte what ``json.dumps`` writes of the same data."""
    from codemods.report import json_document
    from codemods.runner import RunOptions, run

    monkeypatch.setenv("FASTAPI_UNBLOCK_CACHE_DIR", str(tmp_path))
    monkeypatch.chdir(Path(__file__).parents[1])
    monkeypatch.setattr(json_text_module, "C_ENCODER_INDENTS", in_c)
    outcomes = run(RunOptions(paths=(Path("testdata/apps"),), jobs=2, use_cache=False)).outcomes
    findings = [f for o in outcomes for f in o.result.findings]
    assert findings and all(f.rendered for f in findings)  # laid out in the workers
    data = {**json_document(outcomes), "findings": [finding_as_dict(f) for f in findings]}
    assert sum(len(c["via"]) for f in data["findings"] for c in f["calls"]) > 0  # call chains too
    assert "".join(json_pieces(json_document(outcomes))) == json.dumps(data, indent=2)
