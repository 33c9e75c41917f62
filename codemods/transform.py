"""Apply planned fixes to source text with libcst, and prove nothing else changed.

libcst is imported here only, and only for files that get rewritten: it is
~10x slower to parse than ``ast``. A fix hands over :class:`NodeEdit`s that
say which node to rewrite (found by its position: the line and character
column ``ast`` reported) and how, plus imports to add or drop. Its round trip
is not always byte-exact (LibCST #1457 drops the space in ``except X :``), so
the change is computed between two libcst renderings and applied to the
original text; then every line outside the edited spans (the fixed functions
and the import block) must be identical to the input, and the result must
compile. Otherwise the file is refused with a message: an unrequested change
is never emitted.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .diffing import split_lines

if TYPE_CHECKING:
    import libcst as cst

#: (original node, updated node) -> replacement (a node, or a FlattenSentinel of statements).
NodeRewrite = Callable[[Any, Any], Any]


@dataclass(frozen=True)
class NodeEdit:
    """Rewrite the node of type ``node_type`` that starts at ``line``/``column``.

    ``node_type`` is a libcst class name: ``FunctionDef`` is located by its
    name, ``SimpleStatementLine`` by its first statement, anything else by
    its own start. ``column`` is in characters, 0-based.
    """

    node_type: str
    line: int
    column: int
    rewrite: NodeRewrite
    #: End position, for nodes that can start at the same place (``f(x).g()`` and ``f(x)``).
    end: tuple[int, int] | None = None


@dataclass
class FileEdits:
    """Everything to change in one file."""

    nodes: list[NodeEdit] = field(default_factory=list)
    #: (module, name or None) pairs: ``from module import name`` / ``import module``.
    add_imports: set[tuple[str, str | None]] = field(default_factory=set)
    #: Imports that may go if nothing uses them any more: ``module`` or ``module:name``.
    remove_unused: set[str] = field(default_factory=set)
    #: Lines (1-based, inclusive) the edits may change.
    spans: list[tuple[int, int]] = field(default_factory=list)


class TransformError(Exception):
    """The rewrite could not be produced safely; the file is left as it is."""


def apply_edits(text: str, edits: FileEdits, path: str) -> str:
    import libcst as cst
    from libcst.codemod import CodemodContext
    from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
    from libcst.metadata import MetadataWrapper, PositionProvider

    try:
        module = cst.parse_module(text)
    except Exception as error:  # libcst raises several types for input ast accepted
        raise TransformError(f"libcst cannot parse this file: {str(error).splitlines()[0]}") from error
    pending = {(e.node_type, e.line, e.column, e.end): e for e in edits.nodes}
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)

    def take(node_type: str, anchor: cst.CSTNode) -> NodeEdit | None:
        where = positions[anchor]
        start, end = where.start, where.end
        found = pending.pop((node_type, start.line, start.column, (end.line, end.column)), None)
        return found or pending.pop((node_type, start.line, start.column, None), None)

    wanted_types = {e.node_type for e in edits.nodes}

    class _Apply(cst.CSTTransformer):
        def on_leave(self, original: cst.CSTNode, updated: cst.CSTNode) -> Any:
            kind = type(original).__name__
            if kind not in wanted_types:
                return updated
            if isinstance(original, cst.FunctionDef):
                anchor: cst.CSTNode = original.name
            elif isinstance(original, cst.SimpleStatementLine):
                if not original.body:
                    return updated
                anchor = original.body[0]
            else:
                anchor = original
            edit = take(kind, anchor)
            return edit.rewrite(original, updated) if edit else updated

    new_module = wrapper.module.visit(_Apply())
    if pending:
        missing = ", ".join(f"{kind} at line {line}" for kind, line, _col, _end in sorted(pending, key=str))
        raise TransformError(f"could not locate {missing} in the syntax tree")
    if edits.add_imports or edits.remove_unused:
        new_module = _swap_module_imports(new_module, edits)
    if edits.add_imports or edits.remove_unused:
        context = CodemodContext()
        for module_name, name in sorted(edits.add_imports, key=lambda item: (item[0], item[1] or "")):
            AddImportsVisitor.add_needed_import(context, module_name, name)
        for unused in sorted(edits.remove_unused):
            module_name, _, obj = unused.partition(":")
            RemoveImportsVisitor.remove_unused_import(context, module_name, obj or None)
        new_module = AddImportsVisitor(context).transform_module(new_module)
        if edits.remove_unused:
            before = new_module.body[0] if new_module.body else None
            new_module = RemoveImportsVisitor(context).transform_module(new_module)
            new_module = _no_new_leading_blank(new_module, before)
    new_text = _splice(text, module.code, new_module.code)
    _check_outside_spans(text, new_text, edits.spans)
    try:
        compile(new_text, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        raise TransformError(f"the rewrite does not compile ({error}); file left unchanged") from error
    return new_text


def _module_names_used(module: cst.Module) -> set[str]:
    import libcst as cst

    used: set[str] = set()

    class _Names(cst.CSTVisitor):
        def visit_Import(self, node: cst.Import) -> bool:
            return False

        def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
            return False

        def visit_Name(self, node: cst.Name) -> None:
            used.add(node.value)

    module.visit(_Names())
    return used


def _swap_module_imports(module: cst.Module, edits: FileEdits) -> cst.Module:
    """``import time`` that is no longer used becomes the needed ``import asyncio``, in place."""
    import libcst as cst

    wanted = sorted(m for m, name in edits.add_imports if name is None)
    if not wanted or not edits.remove_unused:
        return module
    used = _module_names_used(module)
    body = list(module.body)
    for index, statement in enumerate(body):
        if not wanted:
            break
        if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
            continue
        small = statement.body[0]
        if not (isinstance(small, cst.Import) and len(small.names) == 1 and small.names[0].asname is None):
            continue
        old = small.names[0].name
        if not isinstance(old, cst.Name) or old.value not in edits.remove_unused or old.value in used:
            continue
        new_name = wanted.pop(0)
        already = any(isinstance(s, cst.SimpleStatementLine) and isinstance(s.body[0], cst.Import)
                      and any(getattr(a.name, "value", None) == new_name for a in s.body[0].names) for s in body)
        if already:
            continue
        body[index] = statement.with_changes(body=[small.with_changes(names=[cst.ImportAlias(cst.Name(new_name))])])
        edits.add_imports.discard((new_name, None))
        edits.remove_unused.discard(old.value)
    return module.with_changes(body=body)


def _no_new_leading_blank(module: cst.Module, before: cst.CSTNode | None) -> cst.Module:
    """Dropping the first import must not leave the file starting with a blank line."""
    import libcst as cst

    if not module.body or module.body[0] is before or module.header:
        return module
    first = module.body[0]
    lines = list(getattr(first, "leading_lines", []))
    while lines and isinstance(lines[0], cst.EmptyLine) and lines[0].comment is None:
        lines.pop(0)
    return module.with_changes(body=[first.with_changes(leading_lines=lines), *module.body[1:]])


def _splice(original: str, rendered_old: str, rendered_new: str) -> str:
    """Apply the difference between two libcst renderings to the original text.

    Both renderings share libcst's round-trip losses, so their difference is
    exactly the requested change; applying it to the original keeps every
    other byte, even where libcst would have dropped one (LibCST #1457).
    """
    if rendered_old == original:
        return rendered_new
    old_lines = split_lines(original)
    base = split_lines(rendered_old)
    new = split_lines(rendered_new)
    if len(base) != len(old_lines):
        raise TransformError("libcst does not round-trip this file line for line; file left unchanged")
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, base, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(old_lines[i1:i2])
            continue
        if base[i1:i2] != old_lines[i1:i2]:
            raise TransformError(
                f"libcst does not round-trip line {i1 + 1}, which the fix must change; file left unchanged"
            )
        out.extend(new[j1:j2])
    return "".join(out)


def _check_outside_spans(old: str, new: str, spans: list[tuple[int, int]]) -> None:
    old_lines = split_lines(old)
    new_lines = split_lines(new)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        first, last = i1 + 1, max(i2, i1 + 1)  # 1-based; an insertion sits at i1+1
        if not any(start <= first and last <= end + 1 for start, end in spans):
            raise TransformError(
                f"the rewrite would change line {first}, outside the fixed functions and the import block; "
                "file left unchanged"
            )
