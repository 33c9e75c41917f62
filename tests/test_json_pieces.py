"""The JSON report is written in pieces (codemods.report.json_pieces): together they must be
exactly what ``json.dumps(document, indent=2)`` gives, whatever the piece size, on the path
that encodes in pieces (Python up to 3.12) and on the one that encodes whole (3.13's C encoder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codemods import report
from codemods.json_text import json_text, json_tokens
from codemods.report import json_pieces

DOCUMENT = {
    "version": "0.1.0",
    "findings": [{"path": "app/main.py", "line": 3, "calls": ["requests.get", "time.sleep"], "patch": "--- a\n+++ b\n"},
                 {"path": "ünïcode.py", "line": None, "calls": [], "nested": {"a": [1, 2.5, True, {}]}}],
    "errors": [],
    "summary": {"findings": 2},
}


@pytest.mark.parametrize("whole", [False, True], ids=["in pieces", "whole"])
@pytest.mark.parametrize("size", [1, 2, 7, 1 << 16])
def test_pieces_make_the_whole_text(size: int, whole: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "_C_ENCODER_INDENTS", whole)
    pieces = list(json_pieces(DOCUMENT, size))
    assert "".join(pieces) == json.dumps(DOCUMENT, indent=2)
    assert all(pieces)  # no empty write


def test_below_python_3_13_a_large_document_comes_in_several_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "_C_ENCODER_INDENTS", False)
    assert len(list(json_pieces(DOCUMENT, 5))) > 5


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
def test_json_text_of_shapes_the_fast_paths_skip(value: object) -> None:
    assert json_text(value) == json.dumps(value, indent=2)
    assert "".join(json_tokens(value)) == json.dumps(value, indent=2)


def test_a_real_report_is_written_as_json_dumps_writes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A report with call chains (the fixture applications), through the encoder up to 3.12, byte for byte."""
    from codemods.report import json_document
    from codemods.runner import RunOptions, run

    monkeypatch.setenv("FASTAPI_UNBLOCK_CACHE_DIR", str(tmp_path))
    monkeypatch.chdir(Path(__file__).parents[1])
    document = json_document(run(RunOptions(paths=(Path("testdata/apps"),), jobs=1)).outcomes)
    assert sum(len(c["via"]) for f in document["findings"] for c in f["calls"]) > 0  # call chains too
    monkeypatch.setattr(report, "_C_ENCODER_INDENTS", False)
    assert "".join(json_pieces(document)) == json.dumps(document, indent=2)
