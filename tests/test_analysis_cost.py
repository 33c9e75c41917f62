"""The blocking analysis does work in proportion to the code, not to the paths through it.

A helper reached through a cycle (``a -> b -> a``) is cut short at the function
that is still being computed, so its answer is incomplete and is not kept for
the whole run. It used to be computed again on every path that reached it
while that function ran: in a tangle of mutually recursive helpers (an agent
framework's agents, teams and tools calling each other) the number of paths,
and the time, grew exponentially (one application took over a minute). An
incomplete answer is now kept until the function it was cut at is done.
Counted, not timed: the number of function bodies the analysis walks.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from codemods.analysis.blocking import _MAX_STACK, BlockingAnalysis
from codemods.api import analyse_source


def _tangle(size: int) -> str:
    """Helpers ``step0..stepN``: each calls the next two and the first (a cycle); the last one
    sleeps; a route calls the first."""
    lines = ["import time", "", "from fastapi import FastAPI", "", "app = FastAPI()", ""]
    for i in range(size):
        calls = [f"step{j}()" for j in (i + 1, i + 2) if j <= size] + ["step0()"]
        lines += ["", f"def step{i}():", *(f"    {call}" for call in calls), ""]
    lines += ["", f"def step{size}():", "    time.sleep(1)", ""]
    lines += ["", '@app.get("/")', "async def route():", "    step0()", "    return {}", ""]
    return "\n".join(lines)


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    counted: list[int] = []
    original = BlockingAnalysis._frame_calls

    def counting(self, function, known=()):  # type: ignore[no-untyped-def]
        counted.append(id(function.node))
        return original(self, function, known)

    monkeypatch.setattr(BlockingAnalysis, "_frame_calls", counting)
    return counted


@pytest.mark.parametrize("size", [12, 30, 150])  # the sleep within the stack bound
def test_a_tangle_of_cycles_is_walked_once_per_helper(size: int, walks: list[int]) -> None:
    result = analyse_source(_tangle(size), "tangle.py")
    assert [f.function for f in result.findings] == ["route"]  # the sleep is found through the tangle
    # Each helper once (and the route): an answer cut short by the cycle is reused while the
    # helper it was cut at is being computed, and the project's own functions have no depth
    # bound, so nothing is computed again deeper down. Before the cycle answers were reused:
    # 378 walks for 12 helpers, 25,113 for 20; with a depth bound of 16, up to 17 per helper.
    assert len(walks) <= size + 2, len(walks)


def test_a_chain_deeper_than_the_stack_bound_is_cut_and_walked_once(walks: list[int]) -> None:
    size = _MAX_STACK + 50
    result = analyse_source(_tangle(size), "tangle.py")
    assert result.error is None and not result.findings  # the sleep lies past the bound
    assert len(walks) <= _MAX_STACK + 3, len(walks)


def _wide_class(attributes: int) -> str:
    """A store whose ``__init__`` sets many attributes, and a route that uses each: every use
    asks the type of one attribute of the class."""
    lines = ["import requests", "", "from fastapi import FastAPI", "", "app = FastAPI()", "", "",
             "class Store:", "    def __init__(self) -> None:"]
    lines += [f"        self.c{i} = requests.Session()" for i in range(attributes)]
    lines += ["", "", "STORE = Store()", "", "", '@app.get("/")', "async def route():"]
    lines += [f"    STORE.c{i}.get('x')" for i in range(attributes)]
    lines += ["    return {}", ""]
    return "\n".join(lines)


@pytest.mark.parametrize("attributes", [5, 40])
def test_a_class_is_walked_once_however_many_of_its_attributes_are_asked(
        attributes: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import ast

    from codemods.analysis import self_assignments

    walked: list[int] = []
    original = self_assignments._own_nodes

    def counting(node: ast.AST) -> list[ast.AST]:
        if isinstance(node, ast.FunctionDef) and node.name == "__init__":
            walked.append(id(node))
        return original(node)

    monkeypatch.setattr(self_assignments, "_own_nodes", counting)
    result = analyse_source(_wide_class(attributes), "store.py")
    assert [len(f.calls) for f in result.findings] == [attributes]  # each attribute typed
    # The same ``__init__`` walked more than once means the class was walked per attribute.
    assert max(Counter(walked).values()) == 1, Counter(walked)


def _router_chain(size: int) -> str:
    """``RouterN.addN(path, endpoint, inner)`` calls ``inner.add(N-1)(...)``, down to a route class:
    each receiver is a parameter typed by the callers of the method it belongs to."""
    lines = ["from fastapi import FastAPI", "from fastapi.routing import APIRoute", "", "app = FastAPI()", ""]
    lines += ["", "class Router0:", "    def add0(self, path, endpoint):",
              "        app.router.routes.append(APIRoute(path, endpoint))", ""]
    for i in range(1, size):
        inner = f", Router{i - 2}()" if i >= 2 else ""
        lines += ["", f"class Router{i}:", f"    def add{i}(self, path, endpoint, inner):",
                  f"        inner.add{i - 1}(path, endpoint{inner})", ""]
    lines += ["", "async def handler():", "    return 1", "", "",
              f"Router{size - 1}().add{size - 1}('/x', handler, Router{size - 2}())", ""]
    return "\n".join(lines)


def test_a_chain_of_caller_typed_receivers_is_cut_at_the_depth_bound() -> None:
    """Finding which function a caller's ``inner.addN(...)`` runs types ``inner``, itself a
    parameter typed by its own callers: the question's depth goes on through each caller, so
    400 such levels (FastAPI's own ``add_api_route`` plumbing has dozens) end at the resolver's
    bound, not in a ``RecursionError`` that cost the file its analysis (and 20 s on FastAPI)."""
    result = analyse_source(_router_chain(400), "routers.py")
    assert result.error is None


def test_the_frameworks_own_registration_plumbing_is_not_followed_to_its_callers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FastAPI's ``def Depends(dependency): return params.Depends(dependency=dependency)``
    registers its parameter: following it meant reading every call of ``Depends`` in the tree
    (over a thousand in a tree of installed packages, 2.5 s of its 11), only to find the calls
    the collector registers where they are written anyway."""
    from codemods.analysis.arguments import ArgumentTypes
    from codemods.api import analyse_tree

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'fastapi'\n")
    package = tmp_path / "fastapi"
    package.mkdir()
    (package / "__init__.py").write_text("from .param_functions import Depends as Depends\n")
    (package / "params.py").write_text(
        "class Depends:\n    def __init__(self, dependency=None):\n        self.dependency = dependency\n")
    (package / "param_functions.py").write_text(
        "from . import params\n\n\ndef Depends(dependency=None):\n"
        "    return params.Depends(dependency=dependency)\n")
    (package / "users.py").write_text(
        "import time\n\nfrom .applications import FastAPI\nfrom .param_functions import Depends\n\n"
        "app = FastAPI()\n\n\nasync def current_user():\n    time.sleep(1)\n\n\n"
        "@app.get('/me')\nasync def me(user=Depends(current_user)):\n    return user\n")
    (package / "applications.py").write_text("class FastAPI:\n    def get(self, path):\n        return lambda f: f\n")
    asked: list[str] = []
    original = ArgumentTypes._calls_naming

    def recording(self, word):  # type: ignore[no-untyped-def]
        asked.append(word)
        return original(self, word)

    monkeypatch.setattr(ArgumentTypes, "_calls_naming", recording)
    results = analyse_tree(tmp_path)
    assert "Depends" not in asked, asked
    # The dependency is still found where ``Depends(current_user)`` is written.
    assert any(f.function == "current_user" for r in results for f in r.findings)
