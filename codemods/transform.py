"""Apply planned fixes to source text with libcst, and prove nothing else changed.

libcst is imported here only, and only for files that get rewritten: it is
~10x slower to parse than ``ast``. Its round trip is not always byte-exact
(LibCST #1457 drops the space in ``except X :``), so after rendering we check
that every line outside the edited spans (the fixed functions and the import
block) is identical to the input, and that the result compiles. Otherwise the
file is refused with a message; an unrequested change is never emitted.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .diffing import split_lines

if TYPE_CHECKING:
    import libcst as cst

Rewrite = Callable[["cst.FunctionDef"], "cst.FunctionDef"]


@dataclass(frozen=True)
class Edit:
    """Rewrite the function named ``name`` whose ``def`` is on ``line``."""

    line: int
    name: str
    rewrite: Rewrite
    #: Lines (1-based, inclusive) the edit may change: decorators to last body line.
    span: tuple[int, int]


class TransformError(Exception):
    """The rewrite could not be produced safely; the file is left as it is."""


def apply_edits(text: str, edits: list[Edit], path: str, import_span: tuple[int, int] | None = None) -> str:
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    try:
        module = cst.parse_module(text)
    except Exception as error:  # libcst raises several types for input ast accepted
        raise TransformError(f"libcst cannot parse this file: {str(error).splitlines()[0]}") from error
    pending = {(edit.line, edit.name): edit for edit in edits}
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)

    class _Apply(cst.CSTTransformer):
        def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
            key = (positions[original.name].start.line, original.name.value)
            edit = pending.pop(key, None)
            return edit.rewrite(updated) if edit is not None else updated

    new_module = wrapper.module.visit(_Apply())
    if pending:
        missing = ", ".join(f"{name} (line {line})" for line, name in sorted(pending))
        raise TransformError(f"could not locate {missing} in the syntax tree")
    new_text = _splice(text, module.code, new_module.code)
    spans = [edit.span for edit in edits] + ([import_span] if import_span else [])
    _check_outside_spans(text, new_text, spans)
    try:
        compile(new_text, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        raise TransformError(f"the rewrite does not compile ({error}); file left unchanged") from error
    return new_text


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
                f"libcst would change line {first} outside the fixed functions "
                "(a known libcst round-trip loss); file left unchanged"
            )
