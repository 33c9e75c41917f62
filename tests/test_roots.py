"""Project roots when nothing marks one (issue 12, first half).

A ``backend/`` folder copied out of its repository has no ``pyproject.toml``,
``setup.py``, ``setup.cfg`` or ``.git`` anywhere above it. Its modules import
each other as top-level modules (``import crud``), because the app runs from
that folder (``python main.py``, ``uvicorn main:app``). The tool must take the
folder it was given for the root, never a sub-folder without ``__init__.py``
for a project of its own, or ``import crud`` does not resolve and the blocking
helper is missed. These tests need a temporary folder with no marker above it
(``tmp_path`` is outside this repository); they are skipped when the machine
puts one there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from batch_helpers import cli, flagged, write

from codemods.discovery import group_by_project

MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")

BACKEND = {
    "backend/main.py": (
        "from fastapi import FastAPI\nimport crud\n\napp = FastAPI()\n\n\n"
        '@app.get("/")\nasync def read():\n    return crud.get()\n'
    ),
    "backend/crud.py": "import time\n\n\ndef get():\n    time.sleep(1)\n    return {}\n",
    # A folder without __init__.py: at run time its ``import crud`` is backend/crud.py.
    "backend/routers/items.py": (
        "from fastapi import APIRouter\nimport crud\n\nrouter = APIRouter()\n\n\n"
        '@router.get("/items")\nasync def items():\n    return crud.get()\n'
    ),
}


@pytest.fixture
def unmarked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path/work`` with the backend in it, and no project marker above."""
    monkeypatch.setenv("FASTAPI_UNBLOCK_CACHE_DIR", str(tmp_path / "cache"))
    work = tmp_path / "work"
    for folder in (work, *work.parents):
        if any((folder / marker).exists() for marker in MARKERS):
            pytest.skip(f"{folder} holds a project marker; the case needs none above the temporary folder")
    write(work, BACKEND)
    return work


def _flagged(cwd: Path, *args: str) -> list[tuple[str, str]]:
    result = cli(cwd, "--format", "json", *args)
    assert result.code == 1, result
    return flagged(result.json())


def test_the_folder_given_is_the_root_and_its_modules_import_each_other(unmarked: Path) -> None:
    assert _flagged(unmarked, "backend/") == [("backend/main.py", "read"), ("backend/routers/items.py", "items")]


def test_run_from_inside_the_folder(unmarked: Path) -> None:
    assert _flagged(unmarked / "backend", ".") == [("main.py", "read"), ("routers/items.py", "items")]


def test_a_file_argument_is_rooted_at_its_folder(unmarked: Path) -> None:
    assert _flagged(unmarked, "backend/main.py") == [("backend/main.py", "read")]


def test_the_cache_keeps_the_same_roots(unmarked: Path) -> None:
    first = _flagged(unmarked, "backend")
    assert _flagged(unmarked, "backend") == first == [("backend/main.py", "read"), ("backend/routers/items.py", "items")]


def test_a_given_package_folder_is_rooted_above_its_outermost_package(unmarked: Path) -> None:
    write(unmarked, {
        "svc/app/__init__.py": "",
        "svc/app/main.py": BACKEND["backend/main.py"].replace("import crud", "from app import crud"),
        "svc/app/crud.py": BACKEND["backend/crud.py"],
    })
    assert _flagged(unmarked, "svc/app") == [("svc/app/main.py", "read")]


def test_grouping_without_a_marker(unmarked: Path) -> None:
    backend = (unmarked / "backend").resolve()
    files = sorted(backend.rglob("*.py"))
    assert group_by_project(files, [unmarked / "backend"]) == {backend: files}
    # Without the paths the run was given, each folder is its own root (the old answer).
    assert set(group_by_project(files)) == {backend, backend / "routers"}
    # Two folders given, one inside the other: the outer one is the root.
    assert set(group_by_project(files, [backend / "routers", backend])) == {backend}


def test_a_marker_still_wins(unmarked: Path) -> None:
    write(unmarked, {"backend/routers/pyproject.toml": '[project]\nname = "r"\nversion = "0"\n'})
    backend = (unmarked / "backend").resolve()
    files = sorted(backend.rglob("*.py"))
    assert set(group_by_project(files, [backend])) == {backend, backend / "routers"}
    assert os.path.exists(backend / "routers" / "pyproject.toml")


def test_a_module_named_setup_inside_a_package_is_no_project_marker(unmarked: Path) -> None:
    """``onyx/setup.py`` is the ``onyx.setup`` module of a package, not a project's setup script:
    ``onyx/`` is no project of its own, so ``from onyx.db import get`` resolves from the root."""
    write(unmarked, {
        "backend/pyproject.toml": '[project]\nname = "b"\nversion = "0"\n',
        "backend/onyx/__init__.py": "",
        "backend/onyx/setup.py": "def setup_onyx():\n    return None\n",
        "backend/onyx/db.py": "import time\n\n\ndef get():\n    time.sleep(1)\n",
        "backend/onyx/api.py": (
            "from fastapi import APIRouter\nfrom onyx.db import get\n\nrouter = APIRouter()\n\n\n"
            '@router.get("/x")\nasync def x():\n    return get()\n'
        ),
    })
    backend = (unmarked / "backend").resolve()
    assert set(group_by_project(sorted((backend / "onyx").rglob("*.py")), [backend])) == {backend}
    assert ("onyx/api.py", "x") in _flagged(backend, ".")


# -- services of one repository, each run from its own folder -----------------------------------

SERVICES = {
    ".git/HEAD": "ref: refs/heads/main\n",
    # Two services with no marker of their own, each a top-level ``app`` package run from
    # its folder: ``from app.store import load`` means a different file in each.
    "inference/app/__init__.py": "",
    "inference/app/main.py": (
        "from fastapi import FastAPI\nfrom app.store import load\n\napp = FastAPI()\n\n\n"
        '@app.get("/models")\nasync def models():\n    return load()\n'
    ),
    "inference/app/store.py": "def load():\n    with open('models.yml') as f:\n        return f.read()\n",
    "plugin/app/__init__.py": "",
    "plugin/app/main.py": (
        "from fastapi import FastAPI\nfrom app.store import load\n\napp = FastAPI()\n\n\n"
        '@app.get("/plugins")\nasync def plugins():\n    return load()\n'
    ),
    # This service's ``load`` does not block: read as one project, the other's would be found.
    "plugin/app/store.py": "PLUGINS = ['a']\n\n\ndef load():\n    return PLUGINS\n",
}


def test_services_sharing_a_package_name_are_projects_of_their_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                   ) -> None:
    monkeypatch.setenv("FASTAPI_UNBLOCK_CACHE_DIR", str(tmp_path / "cache"))
    write(tmp_path / "repo", SERVICES)
    assert _flagged(tmp_path / "repo", ".") == [("inference/app/main.py", "models")]
    groups = group_by_project([p.resolve() for p in (tmp_path / "repo").rglob("main.py")], (tmp_path / "repo",))
    assert sorted(root.name for root in groups) == ["inference", "plugin"]


NAMESPACE_PACKAGES = {
    ".git/HEAD": "ref: refs/heads/main\n",
    # ``pkg/runtime`` and ``pkg/runtime/api/openai`` have no ``__init__.py``: namespace
    # sub-packages of ``pkg``, imported by their full dotted names. One of ``runtime``'s
    # packages (``utils``) shares its name with a top-level package of another folder
    # (``scripts``), which is what makes a folder look like a service of its own.
    "pkg/__init__.py": "",
    "scripts/utils/__init__.py": "",
    "pkg/runtime/utils/__init__.py": "",
    "pkg/runtime/api/__init__.py": "",
    "pkg/runtime/api/routes.py": (
        "from fastapi import APIRouter\nfrom pkg.runtime.api.openai.storage import save\n\n"
        "router = APIRouter()\n\n\n"
        '@router.post("/upload")\nasync def upload(data: bytes):\n    return save(data)\n'
    ),
    "pkg/runtime/api/openai/storage.py": (
        "def save(data: bytes) -> str:\n    with open('upload.bin', 'wb') as f:\n        f.write(data)\n"
        "    return 'upload.bin'\n"
    ),
}


def test_a_namespace_sub_package_is_part_of_its_package_not_a_service(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FASTAPI_UNBLOCK_CACHE_DIR", str(tmp_path / "cache"))
    write(tmp_path / "repo", NAMESPACE_PACKAGES)
    assert _flagged(tmp_path / "repo", ".") == [("pkg/runtime/api/routes.py", "upload")]
    groups = group_by_project([p.resolve() for p in (tmp_path / "repo" / "pkg").rglob("*.py")], (tmp_path / "repo",))
    assert [root.name for root in groups] == ["repo"]
