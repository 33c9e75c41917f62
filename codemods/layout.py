"""Rewritten lines laid out as ruff format and black lay them out.

``x = requests.post(url, json=payload)`` fits in 88 columns; its rewrite
``x = await run_in_threadpool(requests.post, url, json=payload)`` may not, and
a reviewer would then run a formatter over a file the tool touched. So a line
the rewrite produced (not one it kept) that is longer than the project's line
length is split the way those formatters split a statement: at its last
bracket pair, the contents on one indented line if they fit there
(``run_in_threadpool(`` / ``requests.post, url, json=payload`` / ``)``), else one
element per line with a trailing comma. A trailing comment stays at the end of
the statement, after the closing bracket.

A statement over several lines is joined when it fits (and a formatter would
join it), its redundant parentheses dropped; in one a formatter keeps exploded,
each line the rewrite made too long is split by itself. A split is kept only
when it parses to the same tree as what it replaces; lines outside the rewrite
are never touched. How one line is split lives in :mod:`.line_split`.
"""

from __future__ import annotations

import ast
import io
import itertools
import tokenize

from .line_cuts import OPENING, fluent_parts
from .line_split import INDENT, dedent, same_tree, split_line, top_level_elements, width


def split_long_lines(new_lines: list[str], old_lines: list[str], limit: int) -> list[str]:
    """``new_lines`` with each changed statement laid out as the formatters would: a one-line
    statement longer than ``limit`` split; a statement over several lines with no magic
    trailing comma nor comment inside joined when it fits (``def`` after ``async def`` was
    dropped) and otherwise split afresh (an argument prepended to arguments on one line)."""
    kept = set(old_lines)
    out: list[str] = []
    spans = _statements(new_lines)
    index = 0
    while index < len(new_lines):
        end = spans.get(index, index)
        group = new_lines[index:end + 1]
        index = end + 1
        if all(line in kept for line in group):
            out.extend(group)
            continue
        ending = group[-1][len(group[-1].rstrip("\r\n")):]
        if len(group) > 1:
            group = _without_redundant_parentheses(group, limit) or group
            flat = _joined(group)
            if flat is None or not same_tree("".join(group), [flat]):
                group = _trailer_after_closing(group) or _awaited_call_opened(group) \
                    or _hugged_after_arguments(group) or group
                out.extend(_split_inner_lines(group, kept, limit))
                continue
            flat = _unparenthesized(flat)
            if width(flat) <= limit:
                out.append(flat + ending)
                continue
            split = split_line(flat, limit)
            if split is None and _string_value(flat):
                split = [flat]  # parentheses around a string too long for them do not help: ruff drops them
            out.extend([part + ending for part in split] if split else group)
            continue
        body = group[0].rstrip("\r\n")
        split = split_line(body, limit) if width(body) > limit else None
        out.extend([part + ending for part in split] if split else group)
    return out


def _without_redundant_parentheses(group: list[str], limit: int) -> list[str] | None:
    """``x = (`` / ``await run_in_threadpool(`` / ... / ``)`` / ``)`` -> ``x = await
    run_in_threadpool(`` / ... / ``)``: a value that can split at its own call's bracket needs
    no parentheses around it, and ruff format drops them (a chain ending in ``()`` kept them)."""
    first, last = group[0].rstrip("\r\n"), group[-1].strip()
    indent = first[: len(first) - len(first.lstrip())]
    inner = [line[len(indent) + len(INDENT):] if line.startswith(indent + INDENT) else None for line in group[1:-1]]
    if last != ")" or not first.endswith(("= (", "return (")) or not inner or None in inner:
        return None
    body = [line for line in inner if line is not None]
    try:
        value = ast.parse("".join(body).strip(), mode="eval").body
    except SyntaxError:
        return None
    call = value.value if isinstance(value, ast.Await) else value
    if not (isinstance(call, ast.Call) and (call.args or call.keywords)):
        return None
    if len(body) > 1 and not (body[0].rstrip().endswith("(") and call.func.end_lineno == 1):
        return None  # a chain split before its dots (fluent) keeps its parentheses
    joined = first[:-1] + body[0].lstrip()
    candidate = [joined, *(indent + line for line in body[1:])]
    if width(joined.rstrip("\r\n")) > limit or not same_tree("".join(group), ["".join(candidate)]):
        return None
    return candidate


def _trailer_after_closing(group: list[str]) -> list[str] | None:
    """``x = (`` / ``(await f(`` / ... / ``))`` / ``.payload`` / ``)`` -> ``x = (`` / ``await f(``
    / ... / ``)`` / ``).payload``: a call wrapped in the middle of a chain split before its dots
    leaves one parenthesized value and a short trailer, which ruff format hangs on the closing
    bracket (a trailer of two or more calls or subscripts keeps the fluent layout)."""
    first, last = group[0].rstrip("\r\n"), group[-1].rstrip("\r\n")
    indent = first[: len(first) - len(first.lstrip())]
    if len(group) < 4 or not first.endswith("(") or last.strip() != ")" or not last.startswith(indent + ")"):
        return None
    inner = indent + INDENT
    trailers = list(itertools.takewhile(lambda line: line.lstrip().startswith((".", "[")), reversed(group[1:-1])))
    closing = len(group) - 2 - len(trailers)
    if not trailers or not group[1].startswith(inner + "(") or group[closing].rstrip("\r\n") != inner + "))":
        return None
    tail = "".join(line.strip() for line in reversed(trailers))
    if fluent_parts("(x)" + tail) is not None:
        return None
    ending = group[-1][len(last):]
    candidate = [group[0], inner + group[1][len(inner) + 1:], *group[2:closing],
                 inner + ")" + ending, indent + ")" + tail + ending]
    return candidate if same_tree("".join(group), ["".join(candidate)]) else None


def _awaited_call_opened(group: list[str]) -> list[str] | None:
    """``x = (await f(`` / arguments / ``)).attr`` -> ``x = (`` / ``await f(`` / arguments /
    ``)`` / ``).attr``: a parenthesized await whose call spans lines, laid out as ruff format
    lays it out (the parentheses' content on lines of its own)."""
    for start, line in enumerate(group):
        body = line.rstrip("\r\n")
        base = body[: len(body) - len(body.lstrip())]
        opening = body.rfind("(await ")
        if not body.endswith("(") or opening < 0 or body.count("(", opening) - body.count(")", opening) != 2:
            continue
        closing = next((n for n in range(start + 1, len(group)) if group[n].startswith(base + "))")), None)
        inside = group[start + 1:closing] if closing is not None else []
        if closing is None or any(text.strip() and not text.startswith(base + INDENT) for text in inside):
            return None
        ending = line[len(body):]
        last = group[closing].rstrip("\r\n")
        candidate = [*group[:start], body[:opening + 1] + ending, base + INDENT + body[opening + 1:] + ending,
                     *[INDENT + text if text.strip() else text for text in inside],
                     base + INDENT + ")" + ending, base + ")" + last[len(base) + 2:] + group[closing][len(last):],
                     *group[closing + 1:]]
        return candidate if same_tree("".join(group), ["".join(candidate)]) else None
    return None


def _hugged_after_arguments(group: list[str]) -> list[str] | None:
    """``f(a, {`` / items / ``})`` -> ``f(`` / ``a,`` / ``{`` / items / ``},`` / ``)``: a collection
    hugged by a call's brackets (``upsert_item({`` ... ``})``, ruff's preview style) that the
    rewrite made the last of several arguments (``run_in_threadpool(upsert_item, {``): ruff
    format hugs a sole argument only, and puts several one per line."""
    raw, last = group[0].rstrip("\r\n"), group[-1].rstrip("\r\n")
    indent = raw[: len(raw) - len(raw.lstrip())]
    code = _without_comment(raw).lstrip()
    opened = _left_open(code)
    if len(group) < 3 or len(opened) < 2 or opened[-1] != len(code) - 1 or code[opened[-2]] != "(":
        return None
    hug, call = code[-1], opened[-2]
    if not last.startswith(indent + OPENING[hug] + ")"):
        return None
    between = code[call + 1 : -1]
    elements = top_level_elements(between)
    if not elements:
        return None
    # ``f(a, {``: every element is an argument; ``f(a, body={``: the last one names the collection.
    arguments, prefix = (elements, "") if between.rstrip().endswith(",") else (elements[:-1], elements[-1])
    if not arguments:
        return None
    inner = indent + INDENT
    ending = group[0][len(raw):]
    candidate = [indent + code[: call + 1] + ending, *[inner + argument + "," + ending for argument in arguments],
                 inner + prefix + hug + raw[len(indent) + len(code):] + ending,
                 *[INDENT + line if line.strip() else line for line in group[1:-1]],
                 inner + OPENING[hug] + "," + ending, indent + last[len(indent) + 1:] + group[-1][len(last):]]
    return candidate if same_tree("".join(group), ["".join(candidate)]) else None


def _left_open(code: str) -> list[int]:
    """Columns of the brackets ``code`` (one line, its statement going on) leaves open, outermost first."""
    stack: list[int] = []
    for token in _tokens(code) or ():
        if token.type == tokenize.OP and token.string in OPENING:
            stack.append(token.start[1])
        elif token.type == tokenize.OP and token.string in OPENING.values() and stack:
            stack.pop()
    return stack


def _assigned_value(code: str) -> ast.expr | None:
    """The value a one-statement assignment or ``return`` gives, if ``code`` is one."""
    try:
        statement = ast.parse(code).body[0]
    except (SyntaxError, IndexError):
        return None
    value = getattr(statement, "value", None)
    return value if isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Return)) else None


def _unparenthesized(line: str) -> str:
    """``x = (f(a))`` -> ``x = f(a)``: parentheses around a whole value that a formatter drops."""
    code = line.strip()
    value = _assigned_value(code)
    if value is None or isinstance(value, (ast.Yield, ast.YieldFrom, ast.NamedExpr, ast.Tuple)) \
            or value.end_col_offset is None:
        return line
    head, tail = code[: value.col_offset].rstrip(), code[value.end_col_offset:].lstrip()
    if not (head.endswith("(") and tail == ")"):
        return line
    indent = line[: len(line) - len(line.lstrip())]
    return indent + head[:-1].rstrip() + " " + code[value.col_offset: value.end_col_offset]


def _string_value(line: str) -> bool:
    """Whether the statement assigns or returns a string literal (an f-string included)."""
    value = _assigned_value(line.strip())
    return isinstance(value, ast.JoinedStr) or isinstance(value, ast.Constant) and isinstance(value.value, str)


def _split_inner_lines(group: list[str], kept: set[str], limit: int) -> list[str]:
    """A statement a formatter keeps over several lines (a magic trailing comma, a comment):
    each line the rewrite made too long is split by itself (``"key": await f(a, b),`` inside
    a dict), when the statement stays the same."""
    out = list(group)
    for position in reversed(range(len(group))):
        line = group[position]
        body = line.rstrip("\r\n")
        if line in kept or width(body) <= limit:
            continue
        ending = line[len(body):]
        # An element the rewrite lengthened that goes on over the next lines (``x=await f(a,`` /
        # ``b),`` as a hand-aligned argument was laid out): split as one.
        last = _element_end(out, position)
        joined = _joined([*out[position:last], out[last].rstrip("\r\n") + "\n"]) if last > position else None
        if joined is None:
            last = position
        else:
            body = joined.rstrip("\r\n")

        def same(parts: list[str], at: int = position, end: int = last, ending: str = ending) -> bool:
            whole = [*out[:at], *(part + ending for part in parts), *out[end + 1:]]
            return same_tree("".join(out).rstrip("\r\n"), ["".join(whole).rstrip("\r\n")])

        split = split_line(body, limit, same=same, bracketed=_opens_alone(out, position))
        if split:
            out[position:last + 1] = [part + ending for part in split]
    return out


def _element_end(lines: list[str], position: int) -> int:
    """The line where the brackets the line at ``position`` opens are closed (itself if none
    stays open; ``position`` again when they close only with the statement's own)."""
    depth = 0
    for index in range(position, len(lines)):
        tokens = _tokens(lines[index])
        if tokens is None:
            return position
        for token in tokens:
            if token.type == tokenize.OP and token.string in "([{":
                depth += 1
            elif token.type == tokenize.OP and token.string in ")]}":
                depth -= 1
                if depth < 0:
                    return position
        if depth == 0:
            return index
    return position


def _tokens(line: str) -> list[tokenize.TokenInfo] | None:
    """The tokens of one line on its own, up to where a bracket it leaves open would go on."""
    found: list[tokenize.TokenInfo] = []
    try:
        found.extend(tokenize.generate_tokens(io.StringIO(line.strip() + "\n").readline))  # kept if it stops
    except tokenize.TokenError as error:
        return found if "multi-line statement" in str(error) else None
    except (IndentationError, SyntaxError):
        return None
    return found


def _opens_alone(lines: list[str], position: int) -> bool:
    """The line is all there is between a bracket ending the line before (a comment after it
    aside) and one starting the next."""
    before = _without_comment(lines[position - 1]) if position else ""
    after = lines[position + 1].lstrip() if position + 1 < len(lines) else ""
    return before.endswith(("(", "[", "{")) and after.startswith((")", "]", "}"))


def _without_comment(line: str) -> str:
    """The line's code, without a comment ending it."""
    tokens = [t for t in _tokens(line) or () if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.ENDMARKER)]
    if tokens and tokens[-1].type == tokenize.COMMENT:
        return line.strip()[: tokens[-1].start[1]].rstrip()
    return line.rstrip()


def _statements(lines: list[str]) -> dict[int, int]:
    """First line -> last line of each statement spanning several lines (by brackets)."""
    spans: dict[int, int] = {}
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO("".join(lines)).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return spans
    start: int | None = None
    for token in tokens:
        if token.type in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER):
            continue
        if start is None:
            start = token.start[0] - 1
        if token.type == tokenize.NEWLINE:
            if token.start[0] - 1 > start:
                spans[start] = token.start[0] - 1
            start = None
    return spans


def _joined(group: list[str]) -> str | None:
    """The statement on one line, or ``None`` when a formatter would keep it over several: a
    comment inside it, a string over several lines, or a magic trailing comma."""
    text = "".join(group)
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(dedent(text)).readline)
                  if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    comment = ""
    if tokens and tokens[-1].type == tokenize.COMMENT:
        comment = "  " + tokens[-1].string
        tokens = tokens[:-1]
    if any(t.type == tokenize.COMMENT or t.start[0] != t.end[0] for t in tokens):
        return None
    for before, after in itertools.pairwise(tokens):
        if before.string == "," and after.string in (")", "]", "}"):
            return None
    parts = [line.strip() for line in group]
    flat = parts[0]
    for part in parts[1:]:
        glue = "" if flat.endswith(("(", "[", "{")) or part.startswith((")", "]", "}", ".")) else " "
        flat += glue + part
    if comment and not flat.endswith(comment.strip()):
        return None
    indent = group[0][: len(group[0]) - len(group[0].lstrip())]
    return indent + flat

