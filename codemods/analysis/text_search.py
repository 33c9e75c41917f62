"""Which files of a list hold a piece of text, its words whole, before anything is parsed.

The analysis asks hundreds of such questions per run (the subclasses of a
class, the calls of a function, a class named in a setting), and parsing a
file costs a hundred times more than reading it: the files' bytes are read
once, and only those that hold the text are parsed. ``get(`` is not found in
``budget(``: a word the text starts or ends with must not be part of a longer
one.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path

_WORD = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
#: A byte of a word (ASCII: any other byte counts as a boundary, for every whole-word test).
WORD_CHAR = re.compile(rb"[A-Za-z0-9_]")
_CALL_NEEDLE = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*\(")
#: A word not part of a longer one (``1get`` holds none): what the index keeps, so that a needle
#: that is one word (or one word and ``(``) is answered by the index alone.
_WHOLE_WORD = re.compile(rb"(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*")
#: What the index reads: each longest run of word characters, with the ``(`` right after it if
#: there is one (``get(`` is the most common question: the calls of a function). A run that does
#: not start with a digit is a whole word; a lookbehind at every position took twice as long.
_RUN = re.compile(rb"[A-Za-z0-9_]+\(?")
_LAST_DIGIT, _OPEN = ord("9"), ord("(")
#: Indexing every word of every file costs about thirty searches, and a large project asks
#: hundreds: past this many searches, the files' words are indexed once.
_SEARCHES_BEFORE_INDEX = 32
_NONE: array[int] = array("i")


def bytes_or_nothing(path: Path) -> bytes:
    """A file's bytes; one that cannot be read is searched as empty (its own analysis says why)."""
    try:
        return path.read_bytes()
    except OSError:
        return b""


def whole(needle: bytes) -> re.Pattern[bytes]:
    """``needle`` where a word it starts or ends with is not part of a longer one."""
    return re.compile((rb"(?<![A-Za-z0-9_])" if WORD_CHAR.match(needle) else b"") + re.escape(needle)
                      + (rb"(?![A-Za-z0-9_])" if WORD_CHAR.match(needle[-1:]) else b""))


class WordIndex:
    """Each file's whole words, and those right before ``(``, for the searches of one project.

    The subclass search reads the project's files and the caller search its
    members (tests included): nearly the same files, and each indexed them on its
    own (agno: 12 MB and half a second twice). Files are numbered here in the
    order they are first indexed, each from the bytes of the search that indexes
    it first (both hold the scan's very bytes); each :class:`TextSearch` maps the
    numbers back to its own.
    """

    def __init__(self) -> None:
        self._numbers: dict[Path, int] = {}
        #: Word -> numbers of the files that hold it (arrays: agno's 400,000 numbers took 7 MB as lists).
        self.words: dict[bytes, array[int]] = {}
        #: Word -> numbers of the files that hold it, whole, right before ``(``.
        self.called: dict[bytes, array[int]] = {}

    def numbers(self, paths: list[Path], texts: list[bytes]) -> list[int]:
        """The numbers of ``paths``, the files not seen before indexed from ``texts``."""
        found = []
        for path, data in zip(paths, texts):
            number = self._numbers.get(path)
            if number is None:
                number = self._numbers[path] = len(self._numbers)
                self._add(number, data)
            found.append(number)
        return found

    def _add(self, number: int, data: bytes) -> None:
        # A run that starts with a digit (``1get``) holds no whole word; any other is one.
        runs = {run for run in _RUN.findall(data) if run[0] > _LAST_DIGIT}
        for word in {run[:-1] for run in runs if run[-1] == _OPEN}:
            self.called.setdefault(word, array("i")).append(number)
        for word in {run[:-1] if run[-1] == _OPEN else run for run in runs}:
            self.words.setdefault(word, array("i")).append(number)


class TextSearch:
    """Whole-word searches over a fixed list of files, each read once (when first needed)."""

    def __init__(self, paths: list[Path], texts: list[bytes] | None = None,
                 read: Callable[[Path], bytes] | None = None, index: WordIndex | None = None) -> None:
        """``texts``: the files' bytes when already read; else ``read`` (default
        :func:`bytes_or_nothing`) reads each file on the first search. ``index``: the word
        index shared with the project's other searches (else one of its own)."""
        self.paths = paths
        self._texts = texts
        self._read = read
        self._searches = 0
        self._index = index or WordIndex()
        #: The index's number of a file -> this search's numbers of it, once indexed.
        self._own: dict[int, list[int]] | None = None

    @property
    def texts(self) -> list[bytes]:
        if self._texts is None:
            read = self._read or bytes_or_nothing
            self._texts = [read(path) for path in self.paths]
        return self._texts

    def holding(self, needle: bytes) -> list[int]:
        """The numbers of the files that hold ``needle``; both ways (reading every file, or only
        those holding the needle's rarest word once the words are indexed) give the same."""
        texts = self.texts
        self._searches += 1
        words = _WORD.findall(needle)
        if self._own is None and words and self._searches > _SEARCHES_BEFORE_INDEX:
            # Past the first searches, a large project asks hundreds more (the callers of each
            # function planned for a fix, the subclasses of each class), most one word or one call.
            self._own = {}
            for position, number in enumerate(self._index.numbers(self.paths, texts)):
                self._own.setdefault(number, []).append(position)
        indexed: list[int] | range
        own = self._own
        if own is not None and words:
            if words == [needle]:
                return _mine(self._index.words.get(needle, _NONE), own)
            if _CALL_NEEDLE.fullmatch(needle):
                return _mine(self._index.called.get(needle[:-1], _NONE), own)
            # Each whole word of the needle is a whole word of a file that holds the needle.
            whole_words = _WHOLE_WORD.findall(needle)
            indexed = _mine(min((self._index.words.get(word, _NONE) for word in whole_words), key=len), own) \
                if whole_words else range(len(texts))
        else:
            indexed = range(len(texts))
        # A plain substring test (fast, in C) rules most files out; the word-boundary pattern is
        # only needed where the needle starts or ends with a word character.
        candidates = [number for number in indexed if needle in texts[number]]
        if not (WORD_CHAR.match(needle) or WORD_CHAR.match(needle[-1:])):
            return candidates
        pattern = whole(needle)
        return [number for number in candidates if pattern.search(texts[number])]


def _mine(numbers: Sequence[int], own: dict[int, list[int]]) -> list[int]:
    """The index's numbers of files as a search's own numbers of them, in its order."""
    return sorted(mine for number in numbers if number in own for mine in own[number])
