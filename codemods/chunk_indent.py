"""The indentation new blocks get when a function is rewritten on its own.

A fixed function is parsed alone, under an ``if 1:`` header when it is
indented (see :func:`.transform.apply_edits`). libcst takes the module's
default indentation from the first indented line, so for a function nested
two levels deep the default is eight spaces, and every block a fix creates
(the ``def _blocking_io_1():`` of a moved block, an ``async with`` of a swap)
would be indented by eight. The blocks of the parsed chunk are made explicit
and the default set to the project's own step (the first block indented
relative to its parent), so new blocks follow the file as a formatter would.
"""

from __future__ import annotations

from typing import Any


def with_project_indent(module: Any) -> Any:
    """``module`` rendering byte for byte as before, whose new blocks indent by the project's step."""
    import libcst as cst

    default = module.default_indent
    step = _first_step(module) or default
    if step == default:
        return module

    class Explicit(cst.CSTTransformer):
        def leave_IndentedBlock(self, original: cst.IndentedBlock, updated: cst.IndentedBlock) -> cst.IndentedBlock:
            return updated if updated.indent is not None else updated.with_changes(indent=default)

    return module.visit(Explicit()).with_changes(default_indent=step)


def _first_step(module: Any) -> str | None:
    """The indentation of the first block that does not use the module's default, in source
    order. The walk goes through statements only and stops there: a walk of every node of
    the chunk cost a rewrite a fifth of its time."""
    import libcst as cst

    found: list[str] = []

    class FirstExplicit(cst.CSTVisitor):
        def on_visit(self, node: cst.CSTNode) -> bool:
            if found or isinstance(node, (cst.SimpleStatementLine, cst.BaseExpression, cst.Parameters)):
                return False  # blocks are bodies of compound statements: nothing below these has one
            if isinstance(node, cst.IndentedBlock) and node.indent is not None:
                found.append(node.indent)
                return False
            return True

    module.visit(FirstExplicit())
    return found[0] if found else None
