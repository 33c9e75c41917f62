"""Function bodies of kept trees are parsed when first read (:mod:`codemods.analysis.lazy_bodies`):
what is read must be exactly what a parse of the whole file gives, and the text tests that let
a search pass a body over unread must never pass over one that holds what it looks for."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from codemods.analysis.callers import ModuleUses
from codemods.analysis.lazy_bodies import Mentions, peek_body, unread_names, unread_plain, walk_naming
from codemods.analysis.modules import ModuleInfo, build_module
from codemods.analysis.slim_tree import unread_body

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "testdata").rglob("*.py"))

TEXTS = {
    "top level": "def f(a, b=1):\n    x = a + b\n    return x\n",
    "method": "class A:\n    async def m(self):\n        return await self.n()\n",
    "nested": "def outer():\n    def inner():\n        return 1\n    class Local:\n        pass\n    return inner\n",
    "crlf": "def f():\r\n    return 1\r\n\r\nclass A:\r\n    def g(self):\r\n        return 2\r\n",
    "lone cr": "x = 1\rdef f():\r    return 'é'\r",
    "tabs": "class A:\n\tdef f(self):\n\t\tif self:\n\t\t\treturn 1\n",
    "non-ascii columns": "class Café:\n    def é(self, ü='naïve'):\n        return {'🙂': ü}\n",
    "one line": "def f(): return 1; x = 2\n",
    "decorated": "@app.get('/x')\n@other\ndef f():\n    return 1\n",
    "backslash before a blank line": "def f():\n    return 1 \\\n\nx = 2\n",
    "deep": "if True:\n    class A:\n        def f(self):\n            def g():\n                return 1\n            return g\n",
}


def _full_dump(node: object) -> object:
    """Every field and position of a tree, read through its attributes (reading a body parses it)."""
    if isinstance(node, ast.AST):
        return (type(node).__name__, *((name, _full_dump(getattr(node, name, None)))
                                       for name in (*node._fields, *node._attributes)))
    if isinstance(node, list):
        return [_full_dump(item) for item in node]
    return node


def _built(text: str) -> ModuleInfo:
    info = build_module("m", Path("m.py"), text)
    assert info is not None
    return info


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_a_body_read_later_is_the_one_the_whole_file_parses_to(text: str) -> None:
    info = _built(text)
    assert _full_dump(info.tree) == _full_dump(ast.parse(text))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.relative_to(ROOT / "testdata").as_posix() for p in FIXTURES])
def test_every_fixture_reads_back_as_parsed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        expected = ast.parse(text)
    except SyntaxError:
        pytest.skip("not valid for this Python")
    assert _full_dump(_built(text).tree) == _full_dump(expected)


def test_a_body_is_parsed_once_and_stays() -> None:
    info = _built(TEXTS["method"])
    method = info.by_qualname["A.m"].node
    assert unread_body(method) is not None
    first = method.body
    assert unread_body(method) is None
    assert method.body is first
    assert info.by_qualname["A.m"].node is method


def test_functions_are_listed_without_reading_bodies_that_define_none() -> None:
    info = _built(TEXTS["nested"] + TEXTS["method"])
    assert list(info.by_qualname) == ["outer", "outer.inner", "A.m"]
    assert set(info.classes) == {"outer.Local", "A"}
    assert unread_body(info.by_qualname["A.m"].node) is not None
    assert unread_body(info.by_qualname["outer"].node) is None  # it defines ``inner``


def test_a_global_statement_binds_the_module_name() -> None:
    info = _built("client = None\n\ndef start():\n    global client\n    client = make()\n")
    assert [b.node.func.id for b in info.scope.bindings["client"] if isinstance(b.node, ast.Call)] == ["make"]


def test_word_tests_read_the_body_not_the_signature() -> None:
    info = _built("def route(db=Depends(get_db)) -> Depends:\n    return db.query(User)\n")
    node = info.by_qualname["route"].node
    assert unread_names(node, "Depends")
    assert not unread_names(node, "Depends", body_only=False)
    assert not unread_names(node, "query")
    assert unread_names(node, "que")  # whole words only
    assert Mentions("get_db").unread_without(node)
    assert not Mentions("User").unread_without(node)
    assert unread_body(node) is not None  # none of that parsed it


def test_a_read_body_is_never_passed_over() -> None:
    info = _built(TEXTS["top level"])
    node = info.by_qualname["f"].node
    assert node.body
    assert not unread_names(node, "nothing_here")
    assert not unread_plain(node)


def test_a_peek_leaves_the_body_unread() -> None:
    info = _built("class A:\n    def m(self):\n        raise NotImplementedError\n")
    node = info.by_qualname["A.m"].node
    assert isinstance(peek_body(node)[0], ast.Raise)
    assert unread_body(node) is not None


def test_uses_of_a_name_are_found_in_unread_bodies() -> None:
    text = "def a():\n    helper(1)\n\ndef b():\n    other()\n\nclass C:\n    def m(self):\n        return helper\n"
    info = _built(text)
    uses = ModuleUses(info)
    assert [node.lineno for node in uses.get("helper")] == [2]
    assert unread_body(info.by_qualname["b"].node) is not None
    assert unread_body(info.by_qualname["C.m"].node) is None  # it names ``helper``: walked


def test_a_search_by_word_walks_what_names_it() -> None:
    info = _built("def a():\n    x = 'Store'\n\ndef b():\n    return 1\n")
    found = [n.value for n in walk_naming(info.tree, "Store") if isinstance(n, ast.Constant)]
    assert found == ["Store"]
    assert unread_body(info.by_qualname["b"].node) is not None
