"""Function bodies of kept trees, parsed from the module's text when first read.

A large application keeps nearly every module's tree for the whole run (see
:mod:`.slim_tree`), yet most of its functions are never looked into: a module is
kept because it defines a subclass of a class the analysis follows, or because
its text names a function whose callers are asked about, and then only the
functions that call it are read. A kept function's body is left as its lines in
the module's text and parsed the first time anything reads ``body``; the
function node itself, its signature and its decorators are there from the start,
and the body, once parsed, stays (the memo tables are keyed by node).

The body is parsed from the function's own lines (under an ``if 1:`` when
indented), and its line numbers shifted in the copy so that every position is the
one the whole file's parse gives (padding the text with blank lines instead cost a
measurable time per parse); should the function parsed so not match its positions,
the whole text is parsed again and the function found in it by position.
"""

from __future__ import annotations

import ast
import re
from array import array
from collections import deque
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

from .. import newer_syntax
from .children import child_nodes, child_nodes_but_body
from .slim_tree import slim, unread_body
from .text_search import WORD_CHAR

#: Words that start something the module's build reads in every function: a nested function or
#: class (listed with the module's functions and classes), a ``global`` statement (binds the module's name).
_BUILD_WORDS = re.compile(rb"\b(?:def|class|global)\b")


class BodySource:
    """One module's text (the UTF-8 bytes :class:`.modules.ModuleInfo` keeps), read for the
    bodies of its functions."""

    __slots__ = ("_bodies", "_defining", "_starts", "data")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._starts: array[int] | None = None
        #: id of a function node -> where its body's text starts and ends (asked again and again).
        self._bodies: dict[int, tuple[int, int]] = {}
        #: id of a function node -> :meth:`may_define` (asked three times per function by a build).
        self._defining: dict[int, bool] = {}

    def _span(self, first: int, last: int) -> tuple[int, int]:
        """Byte offsets of lines ``first`` to ``last`` (1-based, inclusive), line ends included.
        Lines end as the parser ends them: ``\\n``, ``\\r\\n`` or a lone ``\\r``."""
        if self._starts is None:
            self._starts = array("q", accumulate((len(line) for line in self.data.splitlines(keepends=True)),
                                                 initial=0))
        starts = self._starts
        return starts[min(first - 1, len(starts) - 1)], starts[min(last, len(starts) - 1)]

    def body_of(self, node: ast.AST) -> list[ast.stmt]:
        """The body of ``node`` (a function of this module whose body was left unread), as
        :func:`.slim_tree.slim` copies it, its own functions left unread in turn."""
        alone = self._parsed_alone(node)
        if alone is not None:
            return slim(alone, self, shift=node.lineno - alone.lineno).body  # type: ignore[attr-defined]
        return slim(self._parsed_whole(node), self).body

    def peek(self, node: ast.AST) -> list[ast.stmt]:
        """The body of ``node`` parsed for one look, left unread (nothing of it may be kept; its
        line numbers may be counted from the function's first line)."""
        return (self._parsed_alone(node) or self._parsed_whole(node)).body

    def _parsed_alone(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """The function parsed from its own lines (under an ``if 1:`` if indented): its columns are
        the file's, its line numbers counted from its first line (or the second)."""
        lineno, col = node.lineno, node.col_offset  # type: ignore[attr-defined]
        start, end = self._span(lineno, node.end_lineno)  # type: ignore[attr-defined]
        lines = self.data[start:end].decode("utf-8", "surrogatepass")
        try:
            tree = newer_syntax.parse("if 1:\n" + lines if col else lines)
        except newer_syntax.PARSE_ERRORS:
            return None
        first = tree.body[0] if tree.body else None
        if col and isinstance(first, ast.If) and first.body:
            first = first.body[0]
        return first if _same_function(first, node, lineno - getattr(first, "lineno", 0)) \
            else None  # type: ignore[return-value]

    def _parsed_whole(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef:
        """The function found by its position in a parse of the whole text."""
        tree = newer_syntax.parse(self.data.decode("utf-8", "surrogatepass"))
        for candidate in ast.walk(tree):
            if _same_function(candidate, node):
                return candidate  # type: ignore[return-value]
        raise LookupError(f"function {getattr(node, 'name', '?')} at line {getattr(node, 'lineno', '?')} "
                          "is not in its module's text")

    def text_range(self, node: ast.AST, body_only: bool) -> tuple[int, int]:
        """Byte offsets of the lines of ``node``; with ``body_only``, from the end of its signature
        (its parameters, defaults and annotations are nodes of their own, read without the body)."""
        lineno, col = node.lineno, node.col_offset  # type: ignore[attr-defined]
        start, end = self._span(lineno, node.end_lineno)  # type: ignore[attr-defined]
        if not body_only:
            return start, end
        known = self._bodies.get(id(node))
        if known is not None:
            return known
        after = self.data.find(b"def", start + col, end) + 3
        args = node.args  # type: ignore[attr-defined]
        parts = [*args.posonlyargs, *args.args, args.vararg, *args.kwonlyargs, args.kwarg, *args.defaults,
                 *args.kw_defaults, node.returns, *getattr(node, "type_params", ())]  # type: ignore[attr-defined]
        for part in parts:
            if part is not None:
                line_start = self._span(part.end_lineno, part.end_lineno)[0]
                after = max(after, line_start + part.end_col_offset)
        self._bodies[id(node)] = after, end
        return after, end

    def may_define(self, node: ast.AST) -> bool:
        """Whether the body of ``node`` may hold a function, a class or a ``global`` statement."""
        known = self._defining.get(id(node))
        if known is None:
            known = self._defining[id(node)] = self.may_match(node, _BUILD_WORDS)
        return known

    def may_match(self, node: ast.AST, pattern: re.Pattern[bytes]) -> bool:
        """Whether the body of ``node`` holds a match of ``pattern``, read from its text."""
        start, end = self.text_range(node, body_only=True)
        return pattern.search(self.data, start, end) is not None


@lru_cache(maxsize=64)
def words_pattern(words: frozenset[str]) -> re.Pattern[bytes]:
    """A search for any of ``words`` as a whole word."""
    return re.compile(rb"\b(?:" + b"|".join(re.escape(w.encode()) for w in sorted(words)) + rb")\b")


class Mentions:
    """Which functions whose bodies nothing has read yet cannot name one word (a search asks
    this of every unread function of a module, for each word it looks for, so the test is a
    byte search, its rare hits checked for word boundaries)."""

    __slots__ = ("_word",)

    def __init__(self, word: str) -> None:
        self._word = word.encode()

    def unread_without(self, node: ast.AST, body_only: bool = True) -> bool:
        """Whether ``node`` is a function whose body nothing has read yet and whose body's text
        (with its signature's, unless ``body_only``) does not hold the word."""
        source = unread_body(node)
        if not isinstance(source, BodySource):
            return False
        start, end = source.text_range(node, body_only)
        data, word = source.data, self._word
        at = data.find(word, start, end)
        while at >= 0:
            if (at == 0 or WORD_CHAR.match(data, at - 1) is None) and WORD_CHAR.match(data, at + len(word)) is None:
                return False
            at = data.find(word, at + 1, end)
        return True


def unread_names(node: ast.AST, word: str, body_only: bool = True) -> bool:
    """Whether ``node`` is a function whose body nothing has read yet and whose body's text does
    not hold ``word`` (nor its signature's, unless ``body_only``): no call of ``word`` can be in
    it, and nothing needs it parsed."""
    return Mentions(word).unread_without(node, body_only)


def peek_body(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.stmt]:
    """The body of ``node``; if nothing has read it yet, parsed for one look and left unread:
    for a question answered from a few statements (is it abstract?) and kept as a yes or no."""
    source = unread_body(node)
    return source.peek(node) if isinstance(source, BodySource) else node.body


def walk_naming(node: ast.AST, word: str) -> Iterator[ast.AST]:
    """What :func:`.children.walk_nodes` yields, but for the bodies nothing has read yet whose
    text does not hold ``word``: for a search whose every match names it (in any order)."""
    mentions = Mentions(word)
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(child_nodes_but_body(node) if mentions.unread_without(node) else child_nodes(node))
        yield node


def unread_without(node: ast.AST, pattern: re.Pattern[bytes]) -> bool:
    """Whether ``node`` is a function whose body nothing has read yet and whose lines hold no
    match of ``pattern`` (a superset of the text of what the reader looks for)."""
    source = unread_body(node)
    return isinstance(source, BodySource) and not source.may_match(node, pattern)


def unread_plain(node: ast.AST) -> bool:
    """Whether ``node`` is a function whose body nothing has read yet and whose text holds no
    nested function or class and no ``global`` statement: what a module's build looks for in bodies."""
    source = unread_body(node)
    return isinstance(source, BodySource) and not source.may_define(node)


def _same_function(found: ast.AST | None, node: ast.AST, shift: int = 0) -> bool:
    """``found`` is ``node`` parsed again (its lines counted ``shift`` lower)."""
    return found is not None and found.__class__.__name__ == node.__class__.__name__ and \
        getattr(found, "name", None) == getattr(node, "name", None) and \
        (found.lineno + shift, found.col_offset, found.end_lineno + shift,  # type: ignore[attr-defined]
         found.end_col_offset) == (node.lineno, node.col_offset, node.end_lineno,  # type: ignore[attr-defined]
                                   node.end_col_offset)  # type: ignore[attr-defined]
