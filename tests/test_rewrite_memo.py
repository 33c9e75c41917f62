"""A function's rewrite is remembered only under what decides it (codemods.rewrite_memo)."""

from __future__ import annotations

import ast
from typing import Any

import pytest

from codemods import rewrite_memo, transform
from codemods.fixes.wrap_in_threadpool import _wrap_call
from codemods.transform import FileEdits, NodeEdit, apply_edits

SOURCE = (
    "import time\n"
    "\n"
    "\n"
    "async def handler():\n"
    "    time.sleep(1)\n"
    "    return 1\n"
)


def _edits(rewrite: Any) -> FileEdits:
    edits = FileEdits(spans=[(4, 6)], import_span=(1, 1))
    edits.nodes.append(NodeEdit("Call", 5, 4, rewrite, (5, 17)))
    return edits


def test_the_same_closure_values_give_the_same_key_and_others_another() -> None:
    lines = SOURCE.splitlines(keepends=True)[3:]
    first = rewrite_memo.chunk_key(lines, 4, 88, _edits(_wrap_call(True, False)).nodes)
    again = rewrite_memo.chunk_key(lines, 4, 88, _edits(_wrap_call(True, False)).nodes)
    other = rewrite_memo.chunk_key(lines, 4, 88, _edits(_wrap_call(False, False)).nodes)
    longer = rewrite_memo.chunk_key(lines, 4, 100, _edits(_wrap_call(True, False)).nodes)
    assert first is not None and first == again
    assert other != first and longer != first


def test_a_rewrite_holding_an_object_is_never_remembered() -> None:
    node = ast.parse("x").body[0]

    def rewrite(original: Any, updated: Any) -> Any:
        return node if original is None else updated

    assert rewrite_memo.chunk_key(["x\n"], 1, 88, _edits(rewrite).nodes) is None


def test_a_remembered_rewrite_gives_the_same_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rewrite_memo, "_REMEMBERED", {})
    first = apply_edits(SOURCE, _edits(_wrap_call(True, False)), "app.py")
    assert "await run_in_threadpool(time.sleep, 1)" in first
    assert len(rewrite_memo._REMEMBERED) == 1
    calls: list[object] = []
    monkeypatch.setattr(transform, "_rewrite_chunk", lambda *args: calls.append(args) or [])
    assert apply_edits(SOURCE, _edits(_wrap_call(True, False)), "app.py") == first
    assert calls == []


def test_a_file_finished_the_same_way_is_not_fixed_again_and_other_imports_are(monkeypatch: pytest.MonkeyPatch
                                                                                ) -> None:
    """A later round that rewrites a file the same way gets the finished text without libcst's
    import visitors; different import edits are not served the earlier text."""
    monkeypatch.setattr(rewrite_memo, "_REMEMBERED", {})
    monkeypatch.setattr(rewrite_memo, "_FINISHED", {})

    def edits(*imports: tuple[str, str | None]) -> FileEdits:
        made = _edits(_wrap_call(True, False))
        made.add_imports = set(imports)
        return made

    threadpool = ("fastapi.concurrency", "run_in_threadpool")
    first = apply_edits(SOURCE, edits(threadpool), "app.py")
    assert "from fastapi.concurrency import run_in_threadpool" in first
    fixed: list[object] = []
    original = transform._fix_imports
    monkeypatch.setattr(transform, "_fix_imports", lambda *args: fixed.append(args) or original(*args))
    assert apply_edits(SOURCE, edits(threadpool), "app.py") == first
    assert fixed == []
    other = apply_edits(SOURCE, edits(threadpool, ("asyncio", None)), "app.py")
    assert len(fixed) == 1 and "import asyncio" in other and other != first
