"""requests responses used after a swap to httpx: the attributes that differ, mapped.

shared/research/httpx_mapping.md lists what a ``requests.Response`` offers that
an ``httpx.Response`` spells differently (``reason`` -> ``reason_phrase``,
``ok`` -> ``not is_error``, ``url`` is a ``URL`` object) or does differently
(``raise_for_status`` also raises on 1xx/3xx). Uses with no exact equivalent,
or the response used as a value (``if response:``), refuse the swap, and the
planner falls back to the threadpool.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ..analysis.children import child_nodes, walk_nodes
from ..transform import NodeEdit
from .base import FixContext, Refusal

if TYPE_CHECKING:
    import libcst as cst

_RESPONSE_SAME = {"json", "content", "status_code", "headers", "cookies", "close"}
_RESPONSE_RENAMED = {"reason": "reason_phrase", "is_redirect": "has_redirect_location", "next": "next_request"}


def map_response_uses(context: FixContext, name: str, statement: ast.stmt, nodes: list[NodeEdit]) -> None:
    """Rewrite the uses of the response bound to ``name`` for httpx, or refuse (a use that would differ)."""
    bindings = context.scope.bindings.get(name, [])
    if len(bindings) != 1:
        raise Refusal(f"`{name}` is bound more than once")
    parent_of = {id(c): p for p in walk_nodes(context.function) for c in child_nodes(p)}
    inside = {id(n) for n in walk_nodes(statement)}
    for node in walk_nodes(context.function):
        if not (isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load)):
            continue
        if id(node) in inside:
            continue
        parent = parent_of.get(id(node))
        if not isinstance(parent, ast.Attribute) or parent.value is not node:
            raise Refusal(f"the response `{name}` is used as a value (line {node.lineno}); httpx responses differ")
        _map_attribute(context, parent, parent_of, nodes)


def _map_attribute(context: FixContext, attribute: ast.Attribute, parent_of: dict[int, ast.AST],
                   nodes: list[NodeEdit]) -> None:
    attr = attribute.attr
    line = attribute.lineno
    column = context.char_column(line, attribute.col_offset)
    end = context.end_of(attribute)
    if attr in _RESPONSE_SAME:
        return
    if attr in _RESPONSE_RENAMED:
        renamed = _RESPONSE_RENAMED[attr]
        nodes.append(NodeEdit("Attribute", line, column, _rename_attribute(renamed), end))
    elif attr == "ok" and isinstance(parent_of.get(id(attribute)), ast.UnaryOp) and isinstance(
        parent_of[id(attribute)].op, ast.Not  # type: ignore[attr-defined]
    ):
        negation = parent_of[id(attribute)]
        nodes.append(NodeEdit("UnaryOperation", negation.lineno,  # type: ignore[attr-defined]
                                  context.char_column(negation.lineno, negation.col_offset),  # type: ignore[attr-defined]
                                  _is_error, context.end_of(negation)))  # type: ignore[arg-type]
    elif attr in {"ok", "url"}:
        nodes.append(NodeEdit("Attribute", line, column, _wrap_attribute(attr), end))
    elif attr == "raise_for_status":
        call = parent_of.get(id(attribute))
        statement = parent_of.get(id(call))
        if not (isinstance(call, ast.Call) and isinstance(statement, ast.Expr) and not call.args):
            raise Refusal("`raise_for_status()` used as a value")
        if not context.alone_on_its_lines(statement):
            raise Refusal("`raise_for_status()` shares its line with other code")
        nodes.append(NodeEdit("SimpleStatementLine", statement.lineno,
                                  context.char_column(statement.lineno, statement.col_offset), _raise_on_error))
    else:
        raise Refusal(f"`.{attr}` on the response has no exact httpx equivalent")


def _rename_attribute(name: str) -> Any:
    def rewrite(original: cst.Attribute, updated: cst.Attribute) -> cst.Attribute:
        import libcst as cst

        return updated.with_changes(attr=cst.Name(name))

    return rewrite


def _wrap_attribute(attr: str) -> Any:
    def rewrite(original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression:
        import libcst as cst

        receiver = cst.Module([]).code_for_node(updated.value)
        text = f"(not {receiver}.is_error)" if attr == "ok" else f"str({receiver}.url)"
        return cst.parse_expression(text)

    return rewrite


def _is_error(original: cst.UnaryOperation, updated: cst.UnaryOperation) -> cst.BaseExpression:
    """``not r.ok`` -> ``r.is_error``."""
    import libcst as cst

    attribute = updated.expression
    assert isinstance(attribute, cst.Attribute)
    return attribute.with_changes(attr=cst.Name("is_error"), lpar=updated.lpar, rpar=updated.rpar)


def _raise_on_error(original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine) -> cst.BaseStatement:
    """httpx also raises on 1xx/3xx; requests only on 4xx/5xx."""
    import libcst as cst

    expression = updated.body[0]
    assert isinstance(expression, cst.Expr)
    receiver = cst.Module([]).code_for_node(expression.value.func.value)  # type: ignore[attr-defined]
    guard = cst.parse_statement(f"if {receiver}.is_error:\n    pass\n")
    assert isinstance(guard, cst.If) and isinstance(guard.body, cst.IndentedBlock)
    inner = updated.with_changes(leading_lines=[])
    return guard.with_changes(body=guard.body.with_changes(body=[inner]), leading_lines=original.leading_lines)
