"""benchmarks/catalogue_gaps.py on a small library made up in a temporary site-packages."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "catalogue_gaps.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogue_gaps", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogue_gaps"] = module
    spec.loader.exec_module(module)
    return module


gaps = _load()


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    _write(tmp_path, {
        # A re-export through a private module, a base class in another module, and a property.
        "acme/__init__.py": "from ._client import Client as Client\n",
        "acme/_base.py": (
            "class Base:\n"
            "    def ping(self): ...\n"
            "    def _private(self): ...\n"
        ),
        "acme/_client.py": (
            "from typing import Generic, TypeVar\n"
            "from acme._base import Base\n"
            "T = TypeVar('T')\n"
            "class Client(Base, Generic[T]):\n"
            "    def fetch(self): ...\n"
            "    @classmethod\n"
            "    def from_url(cls, url): ...\n"
            "    async def afetch(self): ...\n"
            "    @property\n"
            "    def items(self): ...\n"
        ),
        # A name hidden behind a lazy loader: found by scanning the package.
        "lazy/__init__.py": "def __getattr__(name):\n    raise AttributeError(name)\n",
        "lazy/deep/impl.py": "class Hidden:\n    def call(self): ...\n",
        # A pattern over a sub-package, spelt the way the package re-exports each class.
        "kube/__init__.py": "",
        "kube/client/__init__.py": "from kube.client.api.pods_api import PodsApi\n",
        "kube/client/api/__init__.py": "",
        "kube/client/api/pods_api.py": "class PodsApi:\n    def list_pods(self): ...\n",
        "kube/client/api/nodes_api.py": "class NodesApi:\n    def list_nodes(self): ...\n",
        "kube/client/api/async_api.py": "class AsyncPodsApi:\n    def list_pods(self): ...\n",
    })
    return tmp_path


def test_methods_come_from_the_class_and_its_bases(site: Path) -> None:
    sources = gaps.Sources([site])
    library = gaps.Library("acme", "acme", ("acme.Client",))
    [report] = gaps.check_class(sources, gaps.BUILTIN, library, "acme.Client")
    assert report.defined == "acme._client.Client"
    assert [m.name for m in report.methods] == ["fetch", "from_url", "ping"]
    assert [m.name for m in report.missing] == ["fetch", "from_url", "ping"]
    assert report.properties == ["items"]
    assert not report.known
    assert {m.name: m.defined_in for m in report.methods}["ping"] == "acme._base.Base"


def test_a_lazily_exported_class_is_found_by_scanning(site: Path) -> None:
    sources = gaps.Sources([site])
    library = gaps.Library("lazy", "lazy", ("lazy.Hidden",))
    [report] = gaps.check_class(sources, gaps.BUILTIN, library, "lazy.Hidden")
    assert report.defined == "lazy.deep.impl.Hidden"
    assert [m.name for m in report.missing] == ["call"]


def test_a_pattern_names_each_class_as_its_package_exports_it(site: Path) -> None:
    sources = gaps.Sources([site])
    library = gaps.Library("kube", "kube", ("kube.client.*Api",))
    reports = gaps.check_class(sources, gaps.BUILTIN, library, "kube.client.*Api")
    assert sorted(r.owner for r in reports) == ["kube.client.PodsApi", "kube.client.api.nodes_api.NodesApi"]


def test_catalogue_entries_and_wildcards_count_as_covered() -> None:
    catalogue = gaps.BUILTIN
    assert gaps.covered(catalogue, ["redis.Redis"], "get")  # redis.Redis.* wildcard
    assert gaps.covered(catalogue, ["redis.client.Redis"], "hset")  # through the alias
    assert gaps.covered(catalogue, ["peewee.Model"], "select")  # a Returns entry: a builder
    assert not gaps.covered(catalogue, ["peewee.Model"], "alias")


def test_botocore_operations_become_method_names(tmp_path: Path) -> None:
    model = {"operations": {"ListObjectsV2": {}, "GetBucketACL": {}, "PutObject": {}}}
    path = tmp_path / "botocore" / "data" / "s3" / "2006-03-01" / "service-2.json.gz"
    path.parent.mkdir(parents=True)
    path.write_bytes(gzip.compress(json.dumps(model).encode()))
    (tmp_path / "botocore" / "__init__.py").write_text("", encoding="utf-8")
    [report] = gaps.check_botocore(gaps.Sources([tmp_path]), gaps.BUILTIN, ("s3",))
    assert [m.name for m in report.methods] == ["get_bucket_acl", "list_objects_v2", "put_object"]
    assert report.missing == []  # botocore.client.BaseClient.* covers every operation


def test_the_command_line_prints_missing_methods(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gaps.main(["--site-packages", str(site), "acme", "acme.Client"]) == 0
    out = capsys.readouterr().out
    assert "acme.Client (defined as acme._client.Client): 3 of 3 public methods missing" in out
    assert "fetch, from_url, ping" in out
    assert "| acme | 1 | 3 | 3 |" in out
