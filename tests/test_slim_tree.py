"""The project index keeps slotted copies of the trees (codemods.analysis.slim_tree): every
field and position must survive the copy, the copy must behave as the original for the
analysis, ``compile`` and ``ast.unparse``, and it must actually hold its fields in slots."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from codemods.analysis.slim_tree import slim

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.joinpath("testdata").rglob("*.py"), *ROOT.joinpath("codemods").rglob("*.py")])


def _same(original: object, copy: object, where: str) -> None:
    """Field by field, position by position, in the same order."""
    if isinstance(original, list):
        assert isinstance(copy, list) and len(copy) == len(original), where
        for number, (a, b) in enumerate(zip(original, copy)):
            _same(a, b, f"{where}[{number}]")
    elif isinstance(original, ast.AST):
        assert isinstance(copy, type(original)) and type(copy).__name__ == type(original).__name__, where
        for name in (*original._fields, *original._attributes):
            assert hasattr(copy, name) == hasattr(original, name), f"{where}.{name}"
            if hasattr(original, name):
                _same(getattr(original, name), getattr(copy, name), f"{where}.{name}")
    else:
        assert copy == original and type(copy) is type(original), where


def _parsed(path: Path) -> ast.Module | None:
    try:
        return ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return None  # fixtures of files that do not parse


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_copy_keeps_every_field_and_position(path: Path) -> None:
    tree = _parsed(path)
    if tree is None:
        pytest.skip("does not parse")
    copy = slim(tree)
    _same(tree, copy, "module")
    assert ast.unparse(copy) == ast.unparse(tree)
    compile(copy, str(path), "exec")


def test_the_copy_holds_its_fields_in_slots_and_shares_line_numbers() -> None:
    copy = slim(ast.parse("pass\n" * 300 + "x = a\ny = x\n"))
    assign, other = copy.body[-2], copy.body[-1]
    assert isinstance(assign, ast.Assign) and isinstance(assign.targets[0], ast.Name)
    for node in ast.walk(copy):
        assert not vars(node), type(node).__name__  # no instance dictionary was filled
    assert assign.lineno == 301 and assign.lineno is assign.targets[0].lineno is assign.value.end_lineno
    assert other.lineno == 302 and other.lineno is other.value.lineno
    again = slim(ast.parse("pass\n" * 300 + "z = b\n")).body[-1]
    assert again.lineno is assign.lineno  # shared by every tree, not only within one
    assert sys.getsizeof(assign.targets[0]) < sys.getsizeof(ast.Name("x", ast.Load()).__dict__)


def test_a_deep_expression_is_copied_without_recursion() -> None:
    depth = 2 * sys.getrecursionlimit()
    tree = ast.parse("total = " + " + ".join(["1"] * depth) + "\n")
    copy = slim(tree)
    node = copy.body[0].value
    for _ in range(depth - 1):
        assert isinstance(node, ast.BinOp)
        node = node.left
    assert isinstance(node, ast.Constant) and node.value == 1


def test_attributes_the_slots_do_not_name_can_still_be_set() -> None:
    copy = slim(ast.parse("f()\n"))
    copy.body[0].note = "kept"  # type: ignore[attr-defined]
    assert copy.body[0].note == "kept"  # type: ignore[attr-defined]


def test_empty_fields_share_one_list_that_refuses_changes() -> None:
    copy = slim(ast.parse("def f():\n    return g()\n\n\ndef h():\n    pass\n"))
    first, second = copy.body
    assert isinstance(first, ast.FunctionDef) and isinstance(second, ast.FunctionDef)
    call = first.body[0].value  # type: ignore[attr-defined]
    assert call.keywords == [] and isinstance(call.keywords, list)
    assert first.decorator_list is second.decorator_list is call.keywords
    with pytest.raises(TypeError):
        call.keywords.append(ast.keyword("x", ast.Constant(1)))
    with pytest.raises(TypeError):
        first.decorator_list += [ast.Name("d", ast.Load())]
    assert second.decorator_list == [] and call.args == []
    assert [type(n).__name__ for n in ast.walk(copy)].count("Call") == 1
    compile(copy, "<test>", "exec")


def test_one_line_nodes_read_their_end_from_their_start_and_take_less_memory() -> None:
    copy = slim(ast.parse("x = f(a,\n      b)\ny = g(c)\nnaïve = 1\n"))
    first, second, third = copy.body
    multi_line, one_line = first.value, second.value  # type: ignore[attr-defined]
    assert (multi_line.lineno, multi_line.end_lineno) == (1, 2)
    assert (one_line.lineno, one_line.end_lineno, one_line.end_col_offset) == (3, 3, 8)
    assert sys.getsizeof(one_line) < sys.getsizeof(multi_line)
    name = second.targets[0]  # type: ignore[attr-defined]
    assert (name.end_lineno, name.end_col_offset) == (3, 1)
    assert "end_col_offset" not in type(name).__slots__
    # A name spelled in more bytes than characters keeps its end in a slot of its own.
    wide = third.targets[0]  # type: ignore[attr-defined]
    assert (wide.col_offset, wide.end_col_offset) == (0, len("naïve".encode()))
    assert "end_col_offset" in type(wide).__slots__
    with pytest.raises(ValueError):
        one_line.end_lineno = 4
    one_line.end_lineno = 3  # what it is: accepted


def test_a_one_line_constant_reads_its_kind_unless_spelled_u() -> None:
    plain, unicode_prefixed, multi_line = (s.value for s in slim(ast.parse('a = 1\nb = u"x"\nc = """x\ny"""\n')).body)  # type: ignore[attr-defined]
    assert (plain.kind, unicode_prefixed.kind, multi_line.kind) == (None, "u", None)
    assert "kind" not in type(plain).__slots__ and "kind" in type(unicode_prefixed).__slots__
    assert sys.getsizeof(plain) < sys.getsizeof(multi_line)
    with pytest.raises(ValueError):
        plain.kind = "u"
