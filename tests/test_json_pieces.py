"""The JSON report is written in pieces (codemods.report.json_pieces): together they must be
exactly what ``json.dumps(document, indent=2)`` gives, whatever the piece size, on the path
that encodes in pieces (Python up to 3.12) and on the one that encodes whole (3.13's C encoder)."""

from __future__ import annotations

import json

import pytest

from codemods import report
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
