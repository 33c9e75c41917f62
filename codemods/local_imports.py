"""Imports inside functions that a rewrite left unused.

A swap that replaces the last use of a module (``requests.get`` becomes an httpx
call) drops the module's import from the file's import block. Some handlers import
the module themselves (``import requests`` in the function, to keep start-up light);
in a function the fix rewrote, that import is dead once the function no longer names
the module, and ruff would report it (F401). This takes the text below the import
block, the tree of the whole new text, the modules the fix stopped using and the
line spans of the functions it rewrote, and returns the text without their plain
``import module`` statements there. A statement is removed only where it has its
line to itself and its block keeps other statements, so the result parses as the
rest did; functions the fix did not touch keep their imports.
"""

from __future__ import annotations

import ast

from .analysis.children import walk_nodes
from .diffing import split_lines

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


def drop_local_imports(rest: str, tree: ast.Module, rest_starts: int, modules: set[str],
                       spans: list[tuple[int, int]]) -> str:
    """``rest`` (the new text from line ``rest_starts`` on) without the unused local imports."""
    if not modules:
        return rest
    lines = split_lines(rest)
    doomed: set[int] = set()  # a nested function is met again inside its parent
    for function in _rewritten_functions(tree, spans):
        named = {node.id for node in walk_nodes(function) if isinstance(node, ast.Name)}
        unused = modules - named
        for block in _blocks(function):
            if len(block) < 2:
                continue
            for statement in block:
                index = statement.lineno - rest_starts
                if _imports_only(statement, unused) and 0 <= index < len(lines) \
                        and statement.end_lineno == statement.lineno \
                        and lines[index].strip() == ast.unparse(statement):
                    doomed.add(index)
    for index in sorted(doomed, reverse=True):
        del lines[index]
        if 0 < index < len(lines) and not lines[index - 1].strip() and not lines[index].strip():
            del lines[index]  # the blank lines on either side of it would make two
    return "".join(lines)


def _rewritten_functions(tree: ast.Module, spans: list[tuple[int, int]]) -> list[FunctionNode]:
    return [node for node in walk_nodes(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and any(start <= node.lineno and (node.end_lineno or node.lineno) <= end for start, end in spans)]


def _imports_only(statement: ast.stmt, modules: set[str]) -> bool:
    return isinstance(statement, ast.Import) \
        and all(alias.asname is None and alias.name in modules for alias in statement.names)


def _blocks(function: FunctionNode) -> list[list[ast.stmt]]:
    """The statement lists inside ``function`` (``except`` and ``case`` bodies included)."""
    found: list[list[ast.stmt]] = []
    for inner in walk_nodes(function):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(inner, field, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                found.append(block)
    return found
