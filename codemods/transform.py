"""Apply planned fixes to source text with libcst, and prove nothing else changed.

libcst is imported here only, and only for files that get rewritten: it is
~10x slower to parse than ``ast``. A fix hands over :class:`NodeEdit`s that
say which node to rewrite (found by its position: the line and character
column ``ast`` reported) and how, plus imports to add or drop. Its round trip
is not always byte-exact (LibCST #1457 drops the space in ``except X :``), so
the change is computed between two libcst renderings and applied to the
original text; then every line outside the edited spans (the fixed functions
and the import block) must be identical to the input, and the result must
compile (a file in syntax newer than the running Python: once lowered, see
:func:`codemods.newer_syntax.check_compiles`). Otherwise the file is refused
with a message: an unrequested change is never emitted.
"""

from __future__ import annotations

import ast
import difflib
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .analysis.children import walk_nodes
from .chunk_indent import with_project_indent
from .config import DEFAULT_LINE_LENGTH
from .diffing import changed_outside, merged_spans, split_lines
from .import_order import ImportStyle, imported_below, place_added_imports
from .layout import split_long_lines
from .local_imports import drop_local_imports
from .newer_syntax import check_compiles, parse
from .rewrite_memo import chunk_key, finished, finished_key, remember, remember_finished, remembered

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
    #: Lines (1-based, inclusive) of each fixed function: every node edit lies in one.
    spans: list[tuple[int, int]] = field(default_factory=list)
    #: Lines of the leading docstring and imports, where imports are added or dropped.
    import_span: tuple[int, int] = (1, 1)
    #: Module-level imports below that block, from the file as it was (``None``: read the new text).
    imports_below: set[tuple[str, str | None]] | None = None
    #: Module-level statements to place right after the imports: bound name -> source.
    module_statements: dict[str, str] = field(default_factory=dict)
    #: (file, function key): callers in other files that must change with this file.
    caller_requests: set[tuple[str, str]] = field(default_factory=set)
    #: How the project sorts its imports (first-party packages, one name per line).
    import_style: ImportStyle = field(default_factory=ImportStyle)
    #: The project's line length (ruff's, black's or flake8's): longer rewritten lines are split.
    line_length: int = DEFAULT_LINE_LENGTH


class TransformError(Exception):
    """The rewrite could not be produced safely; the file is left as it is."""


def apply_edits(text: str, edits: FileEdits, path: str) -> str:
    """Apply ``edits`` to ``text``; raise :class:`TransformError` rather than emit a doubtful file.

    libcst parses only what changes: each fixed function on its own (inside an
    ``if 1:`` header when it is indented, so its lines stay byte for byte) and
    the leading import block. A rewrite costs in proportion to the functions
    fixed, not to the size of the file.
    """
    lines = split_lines(text)
    pieces: dict[int, tuple[int, list[str]]] = {}
    placed = 0
    for start, end in merged_spans(edits.spans):
        chunk_edits = [e for e in edits.nodes if start <= e.line <= end]
        placed += len(chunk_edits)
        if chunk_edits:
            key = chunk_key(lines[start - 1 : end], start, edits.line_length, chunk_edits)
            laid_out = remembered(key)
            if laid_out is None:
                rewritten = _rewrite_chunk(lines[start - 1 : end], start, chunk_edits)
                laid_out = split_long_lines(rewritten, lines[start - 1 : end], edits.line_length)
                remember(key, laid_out)
            pieces[start] = (end, laid_out)
    if placed != len(edits.nodes):
        raise TransformError("an edit lies outside the functions being fixed")
    out: list[str] = []
    index = 1
    new_spans: list[tuple[int, int]] = []  # where the rewritten functions sit in the new text
    for start in sorted(pieces):
        end, new_lines = pieces[start]
        out.extend(lines[index - 1 : start - 1])
        out.extend(new_lines)
        new_spans.append((len(out) - len(new_lines) + 1, len(out)))
        index = end + 1
    out.extend(lines[index - 1 :])
    new_text = "".join(out)
    key = finished_key(new_text, text, edits, new_spans)
    if (done := finished(key)) is not None:
        return done  # the same text, fixed and checked the same way in an earlier round
    if edits.add_imports or edits.remove_unused or edits.module_statements:
        new_text = _fix_imports(new_text, edits, new_spans)
    if (changed := changed_outside(text, new_text, [*edits.spans, edits.import_span])) is not None:
        raise TransformError(f"{changed}; file left unchanged")
    try:
        check_compiles(new_text, path)
    except (SyntaxError, ValueError) as error:
        raise TransformError(f"the rewrite does not compile ({error}); file left unchanged") from error
    remember_finished(key, new_text)
    return new_text


def _rewrite_chunk(chunk: list[str], first_line: int, edits: list[NodeEdit]) -> list[str]:
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    indented = bool(chunk) and chunk[0][:1] in (" ", "\t")
    header = "if 1:\n" if indented else ""
    shift = first_line - (2 if indented else 1)
    source = header + "".join(chunk)
    if missing_newline := bool(chunk) and not chunk[-1].endswith(("\n", "\r")):
        source += "\n"
    try:
        module = with_project_indent(cst.parse_module(source))
    except Exception as error:  # libcst raises several types for input ast accepted
        raise TransformError(f"libcst cannot parse this function: {str(error).splitlines()[0]}") from error
    pending = {(e.node_type, e.line - shift, e.column, _shifted(e.end, shift)): e for e in edits}
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    new_module = wrapper.module.visit(_apply_edits_class()(pending, positions))
    if pending:
        missing = ", ".join(f"{kind} at line {line + shift}" for kind, line, _col, _end in sorted(pending, key=str))
        raise TransformError(f"could not locate {missing} in the syntax tree")
    rendered = split_lines(_splice(source, module.code, new_module.code))
    if header:
        rendered = rendered[1:]
    if missing_newline and rendered:
        rendered[-1] = rendered[-1].rstrip("\r\n")
    return rendered


@functools.cache
def _apply_edits_class() -> type:
    """The transformer, built once: libcst inspects a transformer class's methods on first use."""
    import libcst as cst

    class ApplyEdits(cst.CSTTransformer):
        def __init__(self, pending: dict[Any, NodeEdit], positions: Any) -> None:
            super().__init__()
            self.pending = pending
            self.positions = positions
            self.wanted = {key[0] for key in pending}

        def take(self, node_type: str, anchor: cst.CSTNode) -> NodeEdit | None:
            where = self.positions[anchor]
            start, end = where.start, where.end
            found = self.pending.pop((node_type, start.line, start.column, (end.line, end.column)), None)
            return found or self.pending.pop((node_type, start.line, start.column, None), None)

        def on_leave(self, original: cst.CSTNode, updated: cst.CSTNode) -> Any:
            kind = type(original).__name__
            if kind not in self.wanted:
                return updated
            if isinstance(original, cst.FunctionDef):
                anchor: cst.CSTNode = original.name
            elif isinstance(original, cst.SimpleStatementLine):
                if not original.body:
                    return updated
                anchor = original.body[0]
            else:
                anchor = original
            edit = self.take(kind, anchor)
            return edit.rewrite(original, updated) if edit else updated

    return ApplyEdits


def _shifted(end: tuple[int, int] | None, shift: int) -> tuple[int, int] | None:
    return (end[0] - shift, end[1]) if end is not None else None


def _fix_imports(text: str, edits: FileEdits, new_spans: list[tuple[int, int]]) -> str:
    """Add and drop imports in the leading import block, with libcst's import visitors.

    Only that block is parsed. Whether a name is still used is decided on the
    whole new text (with ``ast``) before its import is dropped.
    """
    import libcst as cst
    from libcst.codemod import CodemodContext
    from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor

    lines = split_lines(text)
    end = edits.import_span[1] - 1
    header, rest = "".join(lines[:end]), "".join(lines[end:])
    removable: list[tuple[str, str | None]] = []
    tree: ast.Module | None = None
    try:  # the whole new text, only when the block's own facts do not answer (a large file: 40 ms)
        tree = parse(text) if edits.remove_unused or edits.imports_below is None else None
    except (SyntaxError, ValueError) as error:
        if edits.remove_unused:
            raise TransformError(f"the rewrite does not parse ({error}); file left unchanged") from error
    used = {node.id for node in walk_nodes(tree) if isinstance(node, ast.Name)} if tree and edits.remove_unused else set()
    for unused in sorted(edits.remove_unused):
        module_name, _, obj = unused.partition(":")
        if (obj or module_name.split(".")[0]) not in used:
            removable.append((module_name, obj or None))
    try:
        module = cst.parse_module(header)
    except Exception as error:
        raise TransformError(f"libcst cannot parse the import block: {str(error).splitlines()[0]}") from error
    swapped = _swap_module_imports(module, edits, {name for name, obj in removable if obj is None})
    removable = [(name, obj) for name, obj in removable if (name, obj) not in swapped]
    context = CodemodContext()
    present = edits.imports_below if edits.imports_below is not None else \
        imported_below(tree, edits.import_span[1]) if tree is not None else set()
    for module_name, imported in sorted(edits.add_imports, key=lambda item: (item[0], item[1] or "")):
        if (module_name, imported) not in present:
            AddImportsVisitor.add_needed_import(context, module_name, imported)
    # Against the block as it was: an import swapped in place (``time`` -> ``asyncio``) moves too.
    new_module = place_added_imports(module, swapped.module, AddImportsVisitor(context).transform_module(swapped.module),
                                     edits.import_style)
    if removable:
        for removed_module, removed in removable:
            RemoveImportsVisitor.remove_unused_import(context, removed_module, removed)
        before = new_module.body[0] if new_module.body else None
        new_module = RemoveImportsVisitor(context).transform_module(new_module)
        new_module = _no_new_leading_blank(new_module, before)
    new_module = _add_statements(new_module, edits.module_statements)
    new_header = _splice(header, module.code, new_module.code) if header else new_module.code
    if new_header and not new_header.endswith(("\n", "\r")) and rest:
        new_header += "\n"
    if tree is not None:  # a module the fix stopped using may be imported inside the functions too
        rest = drop_local_imports(rest, tree, end + 1, {n for n in edits.remove_unused if ":" not in n}, new_spans)
    return new_header + rest


def _add_statements(module: cst.Module, statements: dict[str, str]) -> cst.Module:
    """Module-level statements after the imports, each once (a second run finds it bound)."""
    import libcst as cst

    if not statements:
        return module
    bound = {
        target.target.value
        for statement in module.body
        if isinstance(statement, cst.SimpleStatementLine)
        for small in statement.body
        if isinstance(small, cst.Assign)
        for target in small.targets
        if isinstance(target.target, cst.Name)
    }
    added = [cst.parse_statement(source) for name, source in sorted(statements.items()) if name not in bound]
    if not added:
        return module
    added[0] = added[0].with_changes(leading_lines=[cst.EmptyLine()])
    return module.with_changes(body=[*module.body, *added])


@dataclass
class _Swapped:
    module: Any
    done: set[tuple[str, str | None]] = field(default_factory=set)

    def __contains__(self, item: object) -> bool:
        return item in self.done


def _swap_module_imports(module: cst.Module, edits: FileEdits, unused: set[str]) -> _Swapped:
    """``import time`` that is no longer used becomes the needed ``import asyncio``, in place."""
    import libcst as cst

    wanted = sorted(m for m, name in edits.add_imports if name is None)
    result = _Swapped(module)
    if not wanted or not unused:
        return result
    body = list(module.body)
    present = {
        getattr(alias.name, "value", None)
        for statement in body
        if isinstance(statement, cst.SimpleStatementLine) and isinstance(statement.body[0], cst.Import)
        for alias in statement.body[0].names
    }
    wanted = [name for name in wanted if name not in present]
    for index, statement in enumerate(body):
        if not wanted:
            break
        if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
            continue
        small = statement.body[0]
        if not (isinstance(small, cst.Import) and len(small.names) == 1 and small.names[0].asname is None):
            continue
        old = small.names[0].name
        if not isinstance(old, cst.Name) or old.value not in unused:
            continue
        new_name = wanted.pop(0)
        body[index] = statement.with_changes(body=[small.with_changes(names=[cst.ImportAlias(cst.Name(new_name))])])
        edits.add_imports.discard((new_name, None))
        result.done.add((old.value, None))
    result.module = module.with_changes(body=body)
    return result


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
