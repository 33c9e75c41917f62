"""The package's modules import each other without circles (issue 15, item 5).

A circle means no module of it can be explained, tested or loaded on its own.
Imports under ``if TYPE_CHECKING:`` are annotations only and do not count; imports
inside functions do (they still tie the modules together at run time). Also
checked: only the CLI and console modules import click and rich, and one module
imports git.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "codemods"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(path: Path) -> list[tuple[str, list[str]]]:
    """(imported module, names) for every import outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(node) for block in ast.walk(tree)
                   if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
                   for node in ast.walk(block)}
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.append((module, [alias.name for alias in node.names]))
    return found


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        for module, names in _runtime_imports(path):
            for target in (module, *(f"{module}.{n}" for n in names)):
                if target in files and target != name:
                    graph[name].add(target)
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


def test_no_module_imports_itself_back() -> None:
    assert _circles(_graph()) == []


def test_the_check_finds_a_circle() -> None:
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_engine_imports_no_entry_point() -> None:
    entry_points = {"codemods.api", "codemods.cli", "codemods.runner", "codemods.pipeline", "codemods.__main__"}
    assert not _graph()["codemods.engine"] & entry_points


def _importers(library: str) -> set[str]:
    return {_module_name(p) for p in PACKAGE.rglob("*.py")
            if any(m == library or m.startswith(f"{library}.") for m, _ in _runtime_imports(p))}


def test_only_the_command_line_and_console_import_click_and_rich() -> None:
    assert _importers("click") <= {"codemods.cli"}
    assert _importers("rich") <= {"codemods.cli", "codemods.console"}


def test_one_module_imports_git() -> None:
    assert len(_importers("git")) <= 1
