"""What a handler is found to block on never depends on what the process read before.

With ``-j 2`` each worker keeps one project index for the whole run, and which
files it has read when it reaches a handler depends on how the chunks were
shared out. A file's module name, and so its classes' names, used to depend on
whether it was first read by its path (the subclass search reads candidate
files that way) or through an import: in a folder without ``__init__.py``
inside a regular package (``backend/onyx/cache/``), the path gave
``backend.onyx.cache.interface`` and the import ``onyx.cache.interface``, and an
abstract interface read by its path first had no implementations. Seen on a
real application as 4 of 89 findings lost in some runs under load.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from codemods.analysis.registry import merge
from codemods.engine import ProjectAnalysis
from codemods.models import FileError

TREE = Path(__file__).resolve().parent.parent / "testdata" / "recall-shapes" / "namespace-folder-inside-a-package" / "input"
ROUTES = TREE / "backend" / "svc" / "routes.py"
OTHERS = sorted(p for p in TREE.rglob("*.py") if p != ROUTES)


def _findings_after(reads: list[Path], imports: list[str]) -> list[tuple[str, int, tuple[str, ...]]]:
    analysis = ProjectAnalysis(TREE)
    for path in reads:
        analysis.parse(path, path.read_text(encoding="utf-8"))
    for name in imports:
        analysis.index.module(name)
    text = ROUTES.read_text(encoding="utf-8")
    result = analysis.analyse(ROUTES, text, "routes.py", merge(analysis.registrations(ROUTES, text)))
    return [(f.function, f.line, tuple(c.name for c in f.calls)) for f in result.findings]


def test_the_tree_has_the_shape() -> None:
    assert not (TREE / "backend" / "svc" / "cache" / "__init__.py").exists()
    assert (TREE / "backend" / "svc" / "__init__.py").exists()


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.relative_to(TREE).as_posix())
def test_reading_a_file_by_its_path_first_changes_nothing(path: Path) -> None:
    fresh = _findings_after([], [])
    assert [f[0] for f in fresh] == ["read_grant", "write_grant"]
    assert _findings_after([path], []) == fresh


def test_reading_every_file_first_in_either_order_changes_nothing() -> None:
    fresh = _findings_after([], [])
    assert _findings_after(OTHERS, []) == fresh
    assert _findings_after(OTHERS[::-1], []) == fresh


def test_importing_first_changes_nothing() -> None:
    fresh = _findings_after([], [])
    modules = ["svc.cache.interface", "svc.cache.postgres_backend", "svc.cache.redis_backend", "svc.db.engine"]
    assert _findings_after([], modules) == fresh


def test_one_name_per_file_however_it_was_reached() -> None:
    by_path, by_import = ProjectAnalysis(TREE), ProjectAnalysis(TREE)
    interface = TREE / "backend" / "svc" / "cache" / "interface.py"
    read = by_path.parse(interface, interface.read_text(encoding="utf-8"))
    imported = by_import.index.module("svc.cache.interface")
    assert imported is not None and not isinstance(read, Exception)
    assert read.name == imported.name == "svc.cache.interface"  # type: ignore[union-attr]


def test_import_roots_do_not_grow_with_what_was_read() -> None:
    """Every package's import root is known before the first lookup, in a fixed order."""
    fresh = ProjectAnalysis(TREE)
    roots = list(fresh.index.roots())
    warm = ProjectAnalysis(TREE)
    for path in OTHERS:
        warm.parse(path, path.read_text(encoding="utf-8"))
    assert warm.index.roots() == roots
    assert TREE / "backend" in roots


def test_a_type_first_asked_at_the_depth_bound_is_whole_when_asked_again(tmp_path: Path) -> None:
    """The resolver's memo used to keep an answer cut short by the depth bound: a
    ``ChatModel.objects`` first typed at the end of a long chain of helpers (while another
    handler was analysed) stayed untyped for every later handler of that worker, and the
    calls found changed with ``-j``. An answer cut short is now kept for its question only."""
    from codemods.analysis.declared import MAX_DEPTH

    (tmp_path / "models.py").write_text(
        "import requests\n\n\nclass Store:\n    def __init__(self) -> None:\n"
        "        self.http = requests.Session()\n\n\nSTORE = Store()\n")
    (tmp_path / "use.py").write_text("from models import STORE\n\n\ndef fetch():\n    return STORE.http.get('x')\n")
    path = tmp_path / "use.py"

    def typed(first_depth: int | None) -> str | None:
        analysis = ProjectAnalysis(tmp_path)
        module = analysis.parse(path, path.read_text())
        assert not isinstance(module, FileError)
        (fetch,) = [f for f in module.functions if f.qualname == "fetch"]
        returned = fetch.node.body[0]
        assert isinstance(returned, ast.Return) and isinstance(returned.value, ast.Call)
        receiver = returned.value.func.value  # STORE.http
        if first_depth is not None:
            analysis.resolver.type_of(receiver, fetch.scope, first_depth)
        return analysis.resolver.type_of(receiver, fetch.scope, 0)

    assert typed(None) == "requests.Session"
    assert all(typed(depth) == "requests.Session" for depth in range(MAX_DEPTH - 3, MAX_DEPTH + 1))


def test_a_sibling_projects_file_read_by_its_path_keeps_its_import_name(tmp_path: Path) -> None:
    """A monorepo: the analysed project is ``packages/app``; ``packages/serve/src/serve`` is a
    sibling project it imports. The subclass search reads the sibling's files by their path; such
    a file was named by its stem alone (``models``), so its classes had another name than the one
    an import gives (``serve.rag.models``), and calls on them resolved only in a worker that had
    imported the module first (DB-GPT: one call lost with ``-j 2``, found with ``-j 1``)."""
    app = tmp_path / "packages" / "app"
    package = tmp_path / "packages" / "serve" / "src" / "serve" / "rag"
    package.mkdir(parents=True)
    app.mkdir(parents=True)
    (tmp_path / ".git").mkdir()  # the repository's top: its projects are import roots of each other
    (app / "pyproject.toml").write_text('[project]\nname = "app"\n')
    (tmp_path / "packages" / "serve" / "pyproject.toml").write_text('[project]\nname = "serve"\n')
    for folder in (package.parent, package):
        (folder / "__init__.py").write_text("")
    models = package / "models.py"
    models.write_text("class SpaceDao:\n    def get_one(self) -> None:\n        return None\n")
    by_path, by_import = ProjectAnalysis(app), ProjectAnalysis(app)
    read = by_path.parse(models, models.read_text(encoding="utf-8"))
    imported = by_import.index.module("serve.rag.models")
    assert imported is not None and not isinstance(read, Exception)
    assert read.name == imported.name == "serve.rag.models"  # type: ignore[union-attr]


def test_whether_a_plain_def_returns_a_coroutine_does_not_depend_on_what_was_asked_first(tmp_path: Path) -> None:
    """``def step0(): return step1()`` ... ``def step5(): return work()`` with ``async def work``:
    every step returns a coroutine. The answer was kept per function with a bound on how far it
    followed, so a step first asked about from the top of the chain (where the bound cut the
    walk short) stayed "no" for the run, and a step first asked about lower down said "yes"."""
    from codemods.analysis.awaitables import cannot_be_awaited
    from codemods.analysis.classes import CallTarget

    steps = "".join(f"def step{i}():\n    return step{i + 1}()\n\n\n" for i in range(5))
    (tmp_path / "chain.py").write_text(f"async def step5():\n    return 1\n\n\n{steps}")
    path = tmp_path / "chain.py"

    def plain(order: list[int]) -> dict[int, bool]:
        analysis = ProjectAnalysis(tmp_path)
        module = analysis.parse(path, path.read_text())
        assert not isinstance(module, FileError)
        found = {}
        for i in order:
            function = module.by_qualname[f"step{i}"]
            found[i] = cannot_be_awaited(CallTarget(function.qualname, function=function), analysis.resolver)
        return found

    top_first = plain([0, 1, 2, 3, 4])
    bottom_first = plain([4, 3, 2, 1, 0])
    assert top_first == bottom_first == {i: False for i in range(5)}


SHAPES = Path(__file__).resolve().parent.parent / "testdata" / "recall-shapes"


def _paths_in_order(tree: Path, files: list[Path]) -> dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]]:
    """Each handler's blocking calls with their helper paths, the files analysed in this order by one
    project analysis (as one worker analyses the chunks it is given)."""
    analysis = ProjectAnalysis(tree)
    found = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        result = analysis.analyse(path, text, path.name, merge(analysis.registrations(path, text)))
        for finding in result.findings:
            found[path.name, finding.function] = sorted((c.name, c.via) for c in finding.calls)
    return found


@pytest.mark.parametrize(("case", "handlers"), [
    ("helper-chain-deeper-than-sixteen-calls", {"show_command", "run_job"}),
    ("helpers-that-call-each-other", {"import_memory", "remember_one", "health"}),
])
def test_what_a_handler_reaches_does_not_depend_on_the_handler_analysed_before_it(case: str, handlers: set[str]) -> None:
    """Two ways the answers kept per helper made a handler's result depend on which handler a worker
    analysed first (agno: 65 of 321 findings' paths differed between ``-j 1`` and ``-j 2``; cognee:
    5 findings' blocking calls): a chain of helpers longer than the depth bound was found only when
    a shorter way into it had been analysed before (its answer was then kept and reused deeper than
    the bound), and a helper answered while a cycle through it was being computed kept a path round
    the cycle that a helper answered outside it did not."""
    tree = SHAPES / case / "input"
    routes = sorted(tree.rglob("routes_*.py"))
    forward, backward = _paths_in_order(tree, routes), _paths_in_order(tree, routes[::-1])
    assert {function for _file, function in forward} >= handlers
    assert forward == backward


def test_of_two_packages_with_one_name_the_one_an_import_finds_keeps_it_whichever_was_read_first(tmp_path: Path) -> None:
    """Services that each have an ``app`` package, no marker file between them: both ``main.py``
    are named ``app.main``. The file read first by its path used to keep the name, so what an
    import of ``app.main`` (or ``from .db import ...`` inside either) reached changed with what a
    worker had read before (this repository's testdata tree: 113 findings with ``-j 1``, 111
    with ``-j 2``)."""
    (tmp_path / ".git").mkdir()
    for service in ("billing", "search"):
        package = tmp_path / service / "app"
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "main.py").write_text(f"SERVICE = {service!r}\n")
    billing, search = (tmp_path / s / "app" / "main.py" for s in ("billing", "search"))

    def imported_after(first: Path) -> Path:
        analysis = ProjectAnalysis(tmp_path)
        analysis.parse(first, first.read_text(encoding="utf-8"))
        found = analysis.index.module("app.main")
        assert found is not None
        return found.path.resolve()  # type: ignore[no-any-return]

    assert imported_after(billing) == imported_after(search)


def test_the_testdata_tree_gives_one_document_for_any_jobs() -> None:
    """Every fixture case, analysed as one tree in one process and in two (over 48 files)."""
    import subprocess
    import sys

    testdata = Path(__file__).resolve().parent.parent / "testdata"
    runs = [subprocess.run([sys.executable, "-m", "codemods", "--format", "json", "--no-cache", "-j", jobs,
                            "recall-shapes", "real-shapes", "helpers"], cwd=testdata, capture_output=True, text=True,
                           check=False)
            for jobs in ("1", "2")]
    assert runs[0].returncode == 1 and '"findings": [' in runs[0].stdout, runs[0].stderr
    assert runs[0].stdout == runs[1].stdout
