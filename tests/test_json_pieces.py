"""The JSON report is written in pieces (codemods.report.json_pieces): together they must be
exactly what ``json.dumps(document, indent=2)`` gives, whatever the piece size."""

from __future__ import annotations

import json

import pytest

from codemods.report import json_pieces

DOCUMENT = {
    "version": "0.1.0",
    "findings": [{"path": "app/main.py", "line": 3, "calls": ["requests.get", "time.sleep"], "patch": "--- a\n+++ b\n"},
                 {"path": "ünïcode.py", "line": None, "calls": [], "nested": {"a": [1, 2.5, True, {}]}}],
    "errors": [],
    "summary": {"findings": 2},
}


@pytest.mark.parametrize("size", [1, 2, 7, 1 << 16])
def test_pieces_make_the_whole_text(size: int) -> None:
    pieces = list(json_pieces(DOCUMENT, size))
    assert "".join(pieces) == json.dumps(DOCUMENT, indent=2)
    assert all(pieces)  # no empty write


def test_a_large_document_comes_in_several_pieces() -> None:
    assert len(list(json_pieces(DOCUMENT, 5))) > 5
