"""Where an added import goes: where the project's import sorter would put it.

A fix that adds ``from fastapi.concurrency import run_in_threadpool`` after the
last import of a file makes ruff (I001) and isort complain, and the reviewer
then runs a formatter over a file the tool touched. So an added import goes
into its section (future, standard library, third party, first party, local
folder), in sorted position, as ruff's and isort's defaults sort: sections in
that order, separated by a blank line; in each, ``import x`` lines before
``from x import y`` lines, by module name, case-insensitively. A name added to
an existing ``from x import a, b`` is placed among the others by the same
defaults (constants, then classes, then the rest).

In a file whose imports are not sorted that way, there is no place a sorter
would choose: the import goes right after the last ``fastapi``/``starlette``
import (else where it was appended), so the diff stays one line.

First-party packages are the project's top-level modules and packages (in its
root or ``src/``), as ruff finds them by default.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import libcst as cst

_FUTURE, _STDLIB, _THIRD_PARTY, _FIRST_PARTY, _LOCAL = range(5)


@dataclass(frozen=True)
class ImportStyle:
    """How the project's import sorter writes imports (from its ruff or isort settings)."""

    #: Top-level packages of the first-party section.
    first_party: frozenset[str] = frozenset()
    #: ``force-single-line``: one imported name per ``from`` line.
    single_line: bool = False
    #: The line length a merged ``from x import a, b`` must keep to (else one name per line).
    line_length: int = 88
    #: ``force-sort-within-sections``: ``import x`` and ``from x import y`` lines sorted together,
    #: by module name (``from contextlib import ...`` before ``import logging``).
    sort_within_sections: bool = False


_FRAMEWORK = ("fastapi", "starlette")
#: (section, ``import``/``from``, (-dots, module), first name). ``-dots``: the sorters' default puts
#: relative imports furthest first (``from ..auth import x`` before ``from . import y``).
Key = tuple[int, int, tuple[int, str], tuple[int, str]]


def place_added_imports(original: cst.Module, swapped: cst.Module, updated: cst.Module,
                        style: ImportStyle) -> cst.Module:
    """``updated`` (``original`` with imports swapped in place, then added or merged by libcst)
    with each new statement moved to its sorted place and each merged one's names in sorted
    order. In a file whose imports are not sorted, a swapped import stays where it was. With
    the sorter's ``force-single-line``, a name is never merged: it gets a line of its own."""
    body: list[cst.BaseStatement] = list(updated.body)
    sorted_before = _is_sorted(original.body, style)
    added, merged, kept = _changes((original if sorted_before else swapped).body, body)
    moving = [body[i] for i in added]
    if moving:
        # libcst puts a new import above a leading ``try``, taking the comments above it
        # (a licence header): the import moves, and the statements get their lines back.
        body = [kept.get(index, statement) for index, statement in enumerate(body)]
    for index in merged:
        if style.single_line:
            body[index], lines = _unmerged(body[index], original.body)
            moving += lines
        else:
            body[index] = _wrapped_if_long(_sorted_names(body[index], original.body), original.body, style.line_length)
    if not moving:
        return updated.with_changes(body=body)
    body = _without(body, set(added))
    for statement in moving:
        body = _insert(body, statement, style)
    return updated.with_changes(body=body)


def _without(body: list[cst.BaseStatement], removed: set[int]) -> list[cst.BaseStatement]:
    """``body`` less the statements at ``removed``; what preceded one (the blank line after a
    docstring, a section's separator) goes to the statement after it, if that has none."""
    import libcst as cst

    kept: list[cst.BaseStatement] = []
    carried: Sequence[cst.EmptyLine] = ()
    for index, statement in enumerate(body):
        if index in removed:
            carried = carried or getattr(statement, "leading_lines", ())
            continue
        if carried and isinstance(statement, cst.SimpleStatementLine) and not statement.leading_lines:
            statement = statement.with_changes(leading_lines=carried)
        carried = ()
        kept.append(statement)
    return kept


def _changes(before: Sequence[cst.BaseStatement], after: Sequence[cst.BaseStatement]
             ) -> tuple[list[int], list[int], dict[int, cst.BaseStatement]]:
    """Indexes in ``after`` of the statements that are new (added, or put in place of an import
    that went), and of those that gained names (``from x import a`` merged into); and the
    original of each statement that is the same but for the lines above it."""
    import libcst as cst

    module = cst.Module(body=[])

    def code(statement: cst.BaseStatement) -> str:
        bare = statement.with_changes(leading_lines=()) if hasattr(statement, "leading_lines") else statement
        return module.code_for_node(bare)

    codes = [code(s) for s in before]
    added: list[int] = []
    merged: list[int] = []
    kept: dict[int, cst.BaseStatement] = {}
    j = 0
    for index, statement in enumerate(after):
        text = code(statement)
        if text in codes[j:]:
            j = codes.index(text, j) + 1  # the originals skipped over went (or were replaced)
            kept[index] = before[j - 1]
        elif j < len(before) and _same_from_module(before[j], statement):
            merged.append(index)
            j += 1
        else:
            added.append(index)
    return added, merged, kept


def _import(statement: cst.CSTNode) -> cst.Import | cst.ImportFrom | None:
    import libcst as cst

    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 \
            and isinstance(statement.body[0], (cst.Import, cst.ImportFrom)):
        return statement.body[0]
    return None


def _same_from_module(old: cst.CSTNode, new: cst.CSTNode) -> bool:
    import libcst as cst

    a, b = _import(old), _import(new)
    return isinstance(a, cst.ImportFrom) and isinstance(b, cst.ImportFrom) and _module_name(a) == _module_name(b)


def _module_name(node: cst.Import | cst.ImportFrom) -> str:
    import libcst as cst

    if isinstance(node, cst.Import):
        return _dotted(node.names[0].name)
    dots = "." * len(node.relative)
    return dots + (_dotted(node.module) if node.module is not None else "")


def _dotted(node: cst.CSTNode) -> str:
    import libcst as cst

    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _key(node: cst.Import | cst.ImportFrom, style: ImportStyle) -> Key:
    import libcst as cst

    name = _module_name(node)
    top = name.split(".", 1)[0]
    if name.startswith("."):
        section = _LOCAL
    elif top == "__future__":
        section = _FUTURE
    elif top in sys.stdlib_module_names:
        section = _STDLIB
    elif top in style.first_party:
        section = _FIRST_PARTY
    else:
        section = _THIRD_PARTY
    member = (0, "")
    if isinstance(node, cst.ImportFrom) and not isinstance(node.names, cst.ImportStar):
        member = _name_key(_dotted(node.names[0].name))  # ``from x import a`` before ``from x import b``
    kind = 0 if style.sort_within_sections else int(isinstance(node, cst.ImportFrom))
    relative = name.lstrip(".")
    return (section, kind, (len(relative) - len(name), relative.lower()), member)


def _is_sorted(body: Sequence[cst.BaseStatement], style: ImportStyle) -> bool:
    keys = [_key(n, style) for s in _sorted_by_the_sorter(body) if (n := _import(s)) is not None]
    return keys == sorted(keys)


_SKIP = re.compile(r"isort:\s*skip(?!_)")
_OFF = re.compile(r"isort:\s*off\b")
_ON = re.compile(r"isort:\s*on\b")


def _sorted_by_the_sorter(body: Sequence[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """The statements the sorter orders: not one marked ``# isort: skip`` (ruff and isort leave
    it where it is), nor those between ``# isort: off`` and ``# isort: on``."""
    import libcst as cst

    module = cst.Module(body=[])
    kept: list[cst.BaseStatement] = []
    off = False
    for statement in body:
        leading: Sequence[cst.EmptyLine] = getattr(statement, "leading_lines", ())
        above = " ".join(line.comment.value for line in leading if line.comment)
        off = (off or bool(_OFF.search(above))) and not _ON.search(above)
        own = module.code_for_node(statement)[sum(len(module.code_for_node(line)) for line in leading):]
        if not off and not _SKIP.search(own):
            kept.append(statement)
    return kept


def _name_key(name: str) -> tuple[int, str]:
    """isort's and ruff's ``order-by-type``: CONSTANTS, then Classes, then everything else."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return (kind, name.lower())


def _wrapped_if_long(statement: cst.BaseStatement, before: Sequence[cst.BaseStatement], limit: int
                     ) -> cst.BaseStatement:
    """A merged ``from x import a, b, new`` that no longer fits (though it did), one name per line
    in parentheses with a trailing comma, as ruff's and isort's sorters wrap it."""
    import libcst as cst

    node = _import(statement)
    old = _same_module_import(node, before)
    if not isinstance(node, cst.ImportFrom) or isinstance(node.names, cst.ImportStar) or node.lpar is not None \
            or old is None:
        return statement
    def width(line: cst.SimpleStatementLine) -> int:  # the comments above it do not count
        return len(cst.Module(body=[]).code_for_node(line.with_changes(leading_lines=[])).rstrip("\n"))

    assert isinstance(statement, cst.SimpleStatementLine)
    if width(statement) <= limit or width(old[0]) > limit:
        return statement
    line = cst.ParenthesizedWhitespace(indent=True, last_line=cst.SimpleWhitespace("    "))
    names = [alias.with_changes(comma=cst.Comma(whitespace_after=line)) for alias in node.names]
    closing = cst.ParenthesizedWhitespace(indent=True, last_line=cst.SimpleWhitespace(""))
    names[-1] = names[-1].with_changes(comma=cst.Comma(whitespace_after=closing))
    wrapped = node.with_changes(names=names, lpar=cst.LeftParen(whitespace_after=line), rpar=cst.RightParen())
    return statement.with_changes(body=[wrapped])


def _unmerged(statement: cst.BaseStatement, before: Sequence[cst.BaseStatement]
              ) -> tuple[cst.BaseStatement, list[cst.BaseStatement]]:
    """A merged ``from x import a, new`` back as it was, and ``from x import new`` on its own."""
    import libcst as cst

    node = _import(statement)
    old = _same_module_import(node, before)
    if not isinstance(node, cst.ImportFrom) or isinstance(node.names, cst.ImportStar) or old is None \
            or isinstance(old[1].names, cst.ImportStar):
        return statement, []
    kept = {_dotted(alias.name) for alias in old[1].names}
    lines: list[cst.BaseStatement] = [cst.SimpleStatementLine(body=[node.with_changes(names=[alias.with_changes(comma=cst.MaybeSentinel.DEFAULT)],
                                                            lpar=None, rpar=None)])
             for alias in node.names if _dotted(alias.name) not in kept]
    return statement.with_changes(body=old[0].body), lines


def _same_module_import(node: cst.CSTNode | None, before: Sequence[cst.BaseStatement]
                        ) -> tuple[cst.SimpleStatementLine, cst.ImportFrom] | None:
    import libcst as cst

    if not isinstance(node, cst.ImportFrom):
        return None
    for statement in before:
        found = _import(statement)
        if isinstance(found, cst.ImportFrom) and _module_name(found) == _module_name(node):
            assert isinstance(statement, cst.SimpleStatementLine)
            return statement, found
    return None


def _sorted_names(statement: cst.BaseStatement, before: Sequence[cst.BaseStatement]) -> cst.BaseStatement:
    """A merged ``from x import a, b, new`` with its names sorted, when they were sorted before."""
    import libcst as cst

    node = _import(statement)
    if not isinstance(node, cst.ImportFrom) or isinstance(node.names, cst.ImportStar):
        return statement
    found = _same_module_import(node, before)
    if found is None or isinstance(found[1].names, cst.ImportStar):
        return statement
    old_names = [_dotted(a.name) for a in found[1].names]
    if old_names != sorted(old_names, key=_name_key):
        return statement
    aliases = sorted(node.names, key=lambda a: _name_key(_dotted(a.name)))
    # Each place keeps its separator (and the last its ending): only the names move.
    fixed = [alias.with_changes(comma=node.names[i].comma) for i, alias in enumerate(aliases)]
    assert isinstance(statement, cst.SimpleStatementLine)
    return statement.with_changes(body=[node.with_changes(names=fixed)])


def _insert(body: list[cst.BaseStatement], statement: cst.BaseStatement, style: ImportStyle
            ) -> list[cst.BaseStatement]:
    """``body`` with ``statement`` (an import) where a sorter would put it."""
    import libcst

    node = _import(statement)
    assert node is not None and isinstance(statement, libcst.SimpleStatementLine)
    sortable = {id(s) for s in _sorted_by_the_sorter(body)}
    imports = [(i, n) for i, s in enumerate(body) if id(s) in sortable and (n := _import(s)) is not None]
    keys = [_key(n, style) for _i, n in imports]
    new_key = _key(node, style)
    if not imports:
        return [*body, statement]
    if keys != sorted(keys):
        # Not sorted: next to the framework's imports, else where libcst appended it.
        framework = [i for i, n in imports if _module_name(n).split(".", 1)[0] in _FRAMEWORK]
        at = (framework[-1] if framework else imports[-1][0]) + 1
        return [*body[:at], statement.with_changes(leading_lines=[]), *body[at:]]
    before = [(i, k) for (i, _n), k in zip(imports, keys) if k <= new_key]
    after = [(i, k) for (i, _n), k in zip(imports, keys) if k > new_key]
    previous, following = (before[-1] if before else None), (after[0] if after else None)
    placed = statement.with_changes(leading_lines=[])
    if previous is not None and previous[1][0] == new_key[0]:
        at = previous[0] + 1
    elif following is not None and following[1][0] == new_key[0]:
        # First of its section: it takes over the section's leading blank line (or comment).
        at = following[0]
        old = body[at]
        assert isinstance(old, libcst.SimpleStatementLine)
        placed = statement.with_changes(leading_lines=old.leading_lines)
        body = [*body[:at], old.with_changes(leading_lines=[]), *body[at + 1:]]
    else:
        # A section of its own, between the ones before and after it.
        at = previous[0] + 1 if previous is not None else imports[0][0]
        if previous is not None:
            placed = statement.with_changes(leading_lines=[libcst.EmptyLine()])
        else:
            # Before every other import: it takes over what precedes them (the blank line after a
            # docstring), unless nothing does (the separator left by an import that went is not).
            old = body[at]
            assert isinstance(old, libcst.SimpleStatementLine)
            placed = statement.with_changes(leading_lines=old.leading_lines if at else [])
            body = [*body[:at], old.with_changes(leading_lines=[libcst.EmptyLine()]), *body[at + 1:]]
        nxt = body[at] if at < len(body) else None
        if previous is not None and isinstance(nxt, libcst.SimpleStatementLine) and _import(nxt) is not None \
                and not nxt.leading_lines:
            body = [*body[:at], nxt.with_changes(leading_lines=[libcst.EmptyLine()]), *body[at + 1:]]
    return [*body[:at], placed, *body[at:]]


def imported_below(tree: ast.Module, after_line: int) -> set[tuple[str, str | None]]:
    """Imports at module level after the leading import block (below an ``if TYPE_CHECKING:``
    block, say): the block is all libcst sees, and the import is there already."""
    found: set[tuple[str, str | None]] = set()
    for node in tree.body:
        if node.lineno < after_line:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found |= {(node.module, alias.name) for alias in node.names if alias.asname is None}
        elif isinstance(node, ast.Import):
            found |= {(alias.name, None) for alias in node.names if alias.asname is None}
    return found


def import_block_span(tree: ast.Module) -> tuple[int, int]:
    """Lines where imports may be added or dropped: up to the end of the leading imports (an
    optional import in a ``try`` among them: ``try: import vllm`` / ``except ImportError: ...``)."""
    end = 0
    for index, statement in enumerate(tree.body):
        is_docstring = index == 0 and isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
        if is_docstring or isinstance(statement, (ast.Import, ast.ImportFrom)) or _optional_import(statement):
            end = statement.end_lineno or statement.lineno
            continue
        break
    return (1, end + 1)


def _optional_import(statement: ast.stmt) -> bool:
    """A ``try`` whose body only imports (and whose handlers run simple statements only)."""
    if not isinstance(statement, ast.Try) or not statement.body:
        return False
    body_imports = all(isinstance(s, (ast.Import, ast.ImportFrom)) or _optional_import(s) for s in statement.body)
    rest = [s for handler in statement.handlers for s in handler.body] + statement.orelse + statement.finalbody
    return body_imports and all(not isinstance(s, _COMPOUND) or _optional_import(s) for s in rest)


_COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor, ast.While, ast.With,
             ast.AsyncWith, ast.Try, ast.Match)
