"""The text-level index of the functions that may schedule tasks (``Hierarchy.functions_calling``)."""

from __future__ import annotations

import re

from codemods.analysis.hierarchy import _enclosing_defs

_SPAWNERS = re.compile(rb"\b(?:create_task|ensure_future)\s*\(")

_SOURCE = b'''\
import asyncio

asyncio.create_task(boot())  # module level: no function


def plain():
    return 1


async def outer():
    def inner():
        asyncio.ensure_future(work())
    inner()


class Poller:
    async def start(self):
        """Starts it.
Not indented: a docstring line, not a definition.
        """
        self.task = asyncio.create_task(self.loop())

    def stop(self):
        self.task.cancel()


def mentions_only():
    name = "create_task"
    return name
'''


def test_a_call_counts_for_every_function_around_it_and_nothing_else() -> None:
    assert _enclosing_defs(_SOURCE, _SPAWNERS) == {"outer", "inner", "start"}


def test_tabs_and_a_call_on_a_continuation_line() -> None:
    source = b"async def run():\n\tloop = get()\n\treturn loop.create_task(\n\t\tpoll())\n"
    assert _enclosing_defs(source, _SPAWNERS) == {"run"}


def _project(tmp_path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    from codemods.analysis.hierarchy import Hierarchy
    from codemods.analysis.project import ProjectIndex

    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return Hierarchy(ProjectIndex(tmp_path))


def test_a_text_search_finds_whole_words_and_the_word_index_finds_the_same_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``modules_calling("get")`` is a search for ``get(``: ``budget(`` does not hold it. Past a
    number of searches the files' words are indexed; the files found must not change with it."""
    from codemods.analysis import text_search

    files = {
        "calls.py": "def f(client):\n    return client.get('x')\n",
        "budget.py": "def budget(x):\n    return x\n\n\nbudget(1)\n",
        "quoted.py": 'BACKEND = "RedisStore"\nOTHER = "RedisStoreX"\n',
        "decorated.py": "@route\ndef page():\n    return 1\n\n\n@router_for\ndef other():\n    return 2\n",
        "two.py": "value = get(1)\n",
        "digits.py": "LABEL = '1get(x)'\n",  # ``get(`` right after a digit: not a whole word
        "spaced.py": "value = get (1)\n",
        "both.py": "_get2 = 1\nx9 = _get2(_get2)\n",  # the same word called and not; digits inside
    }
    searches = ["get(", "budget(", '"RedisStore"', "@route\n", "missing(", "get", "Store", ".get(", "1get(",
                "_get2(", "_get2", "get2(", "x9", "9"]

    def found(index_after: int) -> dict[str, list[str]]:
        original = text_search._SEARCHES_BEFORE_INDEX
        text_search._SEARCHES_BEFORE_INDEX = index_after
        try:
            project = _project(tmp_path, files)
            return {text: sorted(info.path.name for info in project.modules_containing(text)) for text in searches}
        finally:
            text_search._SEARCHES_BEFORE_INDEX = original

    scanned, indexed = found(1000), found(0)
    assert scanned == indexed
    assert scanned["get("] == ["calls.py", "two.py"]
    assert scanned["budget("] == ["budget.py"]
    assert scanned['"RedisStore"'] == ["quoted.py"]
    assert scanned["@route\n"] == ["decorated.py"]
    assert scanned["_get2("] == scanned["_get2"] == scanned["x9"] == ["both.py"]
    assert scanned["get2("] == scanned["9"] == []
    assert scanned["missing("] == []
    assert scanned["Store"] == []  # only inside longer words
    assert scanned[".get("] == ["calls.py"]
    assert scanned["get"] == ["calls.py", "spaced.py", "two.py"]
    assert scanned["1get("] == ["digits.py"]


def test_searches_sharing_a_word_index_find_what_each_finds_alone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The subclass search and the caller search index the project's words once between them:
    over overlapping lists of files in other orders (a file twice in one), each search finds
    the files it found with an index of its own, in its own order."""
    from codemods.analysis import text_search

    texts = {"a.py": b"x = get(1)\n", "b.py": b"def get():\n    pass\n", "c.py": b"budget(get)\n",
             "d.py": b"y = other(2)\n"}
    for name, data in texts.items():
        (tmp_path / name).write_bytes(data)
    first_list = [tmp_path / n for n in ("a.py", "b.py", "c.py")]
    second_list = [tmp_path / n for n in ("d.py", "c.py", "a.py", "c.py")]
    needles = [b"get(", b"get", b"other(", b"budget", b"missing", b"x = get"]

    def answers(paths: list, index: object) -> list[list[int]]:  # type: ignore[type-arg]
        search = text_search.TextSearch(paths, index=index)  # type: ignore[arg-type]
        search._searches = text_search._SEARCHES_BEFORE_INDEX  # the next search indexes
        return [search.holding(needle) for needle in needles]

    alone = [answers(first_list, None), answers(second_list, None)]
    shared = text_search.WordIndex()
    together = [answers(first_list, shared), answers(second_list, shared)]
    assert together == alone
    assert alone[1][0] == [2] and alone[1][1] == [1, 2, 3] and alone[1][2] == [0]  # c.py at both its places
    assert len(shared._numbers) == 4  # each file indexed once


def test_the_caller_search_reads_the_bytes_the_scan_holds(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``file_bytes`` hands out the scan's own bytes objects (a large project's text is kept once,
    not once per search), reads from disk before any scan, and never makes one itself."""
    hierarchy = _project(tmp_path, {"a.py": "def a():\n    return b()\n", "b.py": "def b():\n    return 1\n"})
    path = tmp_path / "a.py"
    before = hierarchy.file_bytes(path)
    assert before == path.read_bytes() and hierarchy._by_base is None  # no scan made for it
    hierarchy.modules_calling("b")  # the scan reads every file once
    held = hierarchy.file_bytes(path)
    assert held == before and held is hierarchy.file_bytes(path) is hierarchy._texts[hierarchy._paths.index(path)]
    assert hierarchy.file_bytes(tmp_path / "elsewhere.py") == b""  # not a project file, not readable
