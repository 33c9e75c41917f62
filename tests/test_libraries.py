"""Following calls into the libraries a project installs (issue 13), with real environments.

One virtual environment is made per test session with ``python -m venv``; pip
installs into it a small library written here (built as a wheel by hand, so
no build backend is needed) and real distributions from the package
registry: ``toml`` (its ``load`` opens the file inside ``toml.decoder``),
``sqlitedict`` (its ``SqliteDict`` starts a thread and waits on it) and
``diskcache`` (which the catalogue describes, so its source is never read).
The tool runs as a subprocess, as users run it, on a project whose ``.venv``
is a link to that environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from test_environment import cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the environment is linked as .venv")

#: The library written here: one module per behaviour, plus an import-time side effect.
KVSTORE = {
    "kvstore/__init__.py": (
        "import pathlib\n"
        "pathlib.Path(__file__).with_name('IMPORTED').write_text('the library was run')\n"
        "from .store import describe, fetch, in_thread, inspect_kvstore\n"
        "from ._native import crunch\n"
    ),
    "kvstore/store.py": (
        "import sqlite3\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "from contextlib import contextmanager\n"
        "\n"
        "_POOL = ThreadPoolExecutor(2)\n"
        "\n"
        "\n"
        "@contextmanager\n"
        "def _connect(path):\n"
        "    connection = sqlite3.connect(path)\n"
        "    try:\n"
        "        yield connection\n"
        "    finally:\n"
        "        connection.close()\n"
        "\n"
        "\n"
        "def inspect_kvstore(path):\n"
        "    with _connect(path) as connection:\n"
        "        return connection.execute('SELECT key FROM kv').fetchall()\n"
        "\n"
        "\n"
        "def describe():\n"
        "    return 'a key-value store in sqlite'\n"
        "\n"
        "\n"
        "async def fetch(path):\n"
        "    return inspect_kvstore(path)\n"
        "\n"
        "\n"
        "def in_thread(path):\n"
        "    return _POOL.submit(inspect_kvstore, path)\n"
    ),
    "kvstore/_native.pyi": "def crunch() -> None: ...\n",
    # Exported lazily, as langchain and transformers do: a module ``__getattr__`` and a table.
    "kvstore/lazy/__init__.py": (
        "import importlib\n"
        "\n"
        "_module_lookup = {'Snapshot': 'kvstore.lazy.snapshot'}\n"
        "_import_structure = {'dump': ['Dumper']}\n"
        "\n"
        "\n"
        "def __getattr__(name):\n"
        "    if name in _module_lookup:\n"
        "        return getattr(importlib.import_module(_module_lookup[name]), name)\n"
        "    raise AttributeError(name)\n"
    ),
    "kvstore/lazy/snapshot.py": (
        "class Snapshot:\n"
        "    def __init__(self, path):\n"
        "        self.path = path\n"
        "\n"
        "    def read(self):\n"
        "        with open(self.path) as handle:\n"
        "            return handle.read()\n"
    ),
    "kvstore/lazy/dump.py": (
        "def Dumper(path):\n"
        "    with open(path, 'w') as handle:\n"
        "        handle.write('')\n"
    ),
}

APP = '''\
import kvstore
import toml
from kvstore.lazy import Dumper, Snapshot
from diskcache import Cache
from fastapi import FastAPI
from sqlitedict import SqliteDict

app = FastAPI()
cache = Cache("/srv/cache")


@app.get("/keys")
async def keys():
    return kvstore.inspect_kvstore("/srv/kv.db")


@app.get("/about")
async def about():
    return {"about": kvstore.describe()}


@app.get("/later")
async def later():
    kvstore.in_thread("/srv/kv.db")
    return await kvstore.fetch("/srv/kv.db")


@app.get("/native")
async def native():
    kvstore.crunch()


@app.get("/settings")
async def settings():
    return toml.load("/srv/settings.toml")


@app.get("/parse")
async def parse(text: str):
    return toml.loads(text)


@app.get("/kv/{key}")
async def kv(key: str):
    return SqliteDict("/srv/kv.sqlite").get(key)


@app.get("/snapshot")
async def snapshot():
    return Snapshot("/srv/snapshot").read()


@app.post("/dump")
async def dump():
    Dumper("/srv/dump")


@app.get("/cached/{key}")
async def cached(key: str):
    return cache.get(key)
'''


def _wheel(folder: Path) -> Path:
    """``kvstore-1.0`` as a wheel, written by hand (pip installs a wheel without a build backend)."""
    wheel = folder / "kvstore-1.0-py3-none-any.whl"
    files = {**KVSTORE,
             "kvstore-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: kvstore\nVersion: 1.0\n",
             "kvstore-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: by-hand\nRoot-Is-Purelib: true\n"
                                            "Tag: py3-none-any\n",
             "kvstore-1.0.dist-info/top_level.txt": "kvstore\n"}
    record = "".join(f"{name},,\n" for name in files) + "kvstore-1.0.dist-info/RECORD,,\n"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
        archive.writestr("kvstore-1.0.dist-info/RECORD", record)
    return wheel


@pytest.fixture(scope="session")
def environment(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("environment")
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    packages = [str(_wheel(folder)), "toml==0.10.2", "sqlitedict==2.1.0", "diskcache==5.6.3"]
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-compile",
                    "--disable-pip-version-check", *packages], check=True, timeout=600)
    return venv


@pytest.fixture
def shop(tmp_path: Path, environment: Path) -> Path:
    root = tmp_path / "shop"
    root.mkdir()
    (root / "pyproject.toml").write_text('[project]\nname = "shop"\n', encoding="utf-8")
    (root / "main.py").write_text(APP, encoding="utf-8")
    (root / ".venv").symlink_to(environment)
    return root


def _run(shop: Path, *flags: str) -> dict[str, Any]:
    proc = cli("--format", "json", *flags, "shop", cwd=shop.parent)
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def _calls(document: dict[str, Any]) -> dict[str, list[tuple[str, list[str]]]]:
    return {f["function"]: [(c["name"], c["via"]) for c in f["calls"]] for f in document["findings"]}


def test_a_blocking_helper_inside_an_installed_library_is_found_with_its_chain(shop: Path) -> None:
    calls = _calls(_run(shop))
    assert ("sqlite3.connect", ["kvstore.store.inspect_kvstore", "kvstore.store._connect"]) in calls["keys"]
    assert ("io.open", ["toml.decoder.load"]) in calls["settings"]
    assert any(via[:1] == ["sqlitedict.SqliteDict.__init__"] for _name, via in calls["kv"])


def test_names_a_library_exports_lazily_are_read_from_its_table(shop: Path) -> None:
    calls = _calls(_run(shop))
    assert ("open", ["kvstore.lazy.snapshot.Snapshot.read"]) in calls["snapshot"]
    assert ("open", ["kvstore.lazy.dump.Dumper"]) in calls["dump"]


def test_clean_library_functions_async_ones_and_hand_offs_are_not_blocking(shop: Path) -> None:
    calls = _calls(_run(shop))
    # A plain function, a library coroutine (its async API), a function handing work to a
    # thread, a function with no Python source (a stub only) and a parser of a string.
    assert not {"about", "later", "native", "parse"} & calls.keys()


def test_the_catalogue_wins_over_the_library_source(shop: Path) -> None:
    assert _calls(_run(shop))["cached"] == [("diskcache.Cache.get", [])]


def test_the_summary_counts_the_library_functions_followed(shop: Path) -> None:
    summary = _run(shop)["summary"]
    assert summary["environment"]["found_by"] == ".venv"
    assert summary["library_functions"] >= 4  # inspect_kvstore, _connect, describe, in_thread, toml's load...
    assert _run(shop, "--no-deps")["summary"]["library_functions"] == 0


def test_no_deps_stops_at_the_import(shop: Path) -> None:
    assert set(_calls(_run(shop, "--no-deps"))) == {"cached"}


def test_the_fix_wraps_or_converts_around_the_library_call_and_compiles(shop: Path) -> None:
    proc = cli("--apply", "--no-cache", "shop", cwd=shop.parent)
    assert proc.returncode == 0, proc.stderr
    text = (shop / "main.py").read_text(encoding="utf-8")
    assert "\ndef keys():\n    return kvstore.inspect_kvstore(" in text
    assert "\ndef settings():\n" in text
    assert "\nasync def about():\n" in text
    compile(text, "main.py", "exec")
    assert cli("--no-cache", "shop", cwd=shop.parent).returncode == 0  # a second run changes nothing


def test_the_library_is_read_never_imported(shop: Path, environment: Path) -> None:
    _run(shop)
    site = next((environment / "lib").glob("python3*/site-packages"))
    assert not (site / "kvstore" / "IMPORTED").exists()
    assert not list(site.glob("kvstore/__pycache__"))


def test_an_upgraded_library_is_not_served_from_the_cache(shop: Path, environment: Path, tmp_path: Path) -> None:
    cache = shop.parent / ".cache-unblock"
    first = cli("--format", "json", "shop", cwd=shop.parent)
    assert "keys" in _calls(json.loads(first.stdout))
    assert list((cache / "libraries").glob("*.pickle"))  # kvstore's summaries were kept
    site = next((environment / "lib").glob("python3*/site-packages"))
    changed = {site / "kvstore" / "store.py": KVSTORE["kvstore/store.py"].replace(
                   "connection = sqlite3.connect(path)", "connection = None"),
               site / "kvstore-1.0.dist-info" / "METADATA": "Metadata-Version: 2.1\nName: kvstore\nVersion: 1.1\n"}
    backups = {path: path.read_bytes() for path in changed}
    try:
        for path, text in changed.items():
            path.write_text(text, encoding="utf-8")
        (site / "kvstore-upgraded.pth").write_text("", encoding="utf-8")  # an install touches the folder
        again = cli("--format", "json", "shop", cwd=shop.parent)
        assert "keys" not in _calls(json.loads(again.stdout))
    finally:
        for path, data in backups.items():
            path.write_bytes(data)
        (site / "kvstore-upgraded.pth").unlink(missing_ok=True)


def test_a_second_project_reuses_the_summaries_of_the_same_library_versions(shop: Path, environment: Path) -> None:
    first = _run(shop)
    assert first["summary"]["library_summaries_reused"] == 0
    other = shop.parent / "other"
    other.mkdir()
    (other / "pyproject.toml").write_text('[project]\nname = "other"\n', encoding="utf-8")
    (other / "api.py").write_text(APP, encoding="utf-8")
    (other / ".venv").symlink_to(environment)
    proc = cli("--format", "json", "other", cwd=shop.parent)  # the same cache folder, another project
    assert proc.returncode == 1, proc.stderr
    second = json.loads(proc.stdout)
    assert second["summary"]["library_summaries_reused"] >= 3  # inspect_kvstore, toml's load, SqliteDict...
    assert _calls(second) == _calls(first)  # the same findings and chains as working them out
    assert second["summary"]["library_functions"] == first["summary"]["library_functions"]


def test_no_cache_neither_reads_nor_keeps_summaries(shop: Path) -> None:
    _run(shop)
    assert _run(shop, "--no-cache")["summary"]["library_summaries_reused"] == 0
    fresh = shop.parent / "fresh"
    fresh.mkdir()
    proc = cli("--no-cache", "--format", "json", "shop", cwd=shop.parent, env={"FASTAPI_UNBLOCK_CACHE_DIR": str(fresh)})
    assert proc.returncode == 1, proc.stderr
    assert not list(fresh.iterdir())
