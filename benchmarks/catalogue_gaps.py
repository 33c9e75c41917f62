"""List the public methods of a library's sync client classes that the catalogue does not cover.

Run by hand, from the repository root, with the project's environment::

    python benchmarks/catalogue_gaps.py --site-packages /work/sdk-venv/lib/python3.11/site-packages --builtin
    python benchmarks/catalogue_gaps.py --site-packages DIR peewee peewee.Model playhouse.sqliteq.SqliteQueueDatabase

The libraries are never imported: their installed source is parsed with ``ast``.
A class is found through its module (``from x import Y`` re-exports, ``Y = X``
aliases and ``if TYPE_CHECKING:`` blocks are followed; lazy ``__getattr__``
loaders are not, so a name they hide is looked up by scanning the package for
``class Y``), and its bases are followed inside every source root given
(``--site-packages``, then the running Python's standard library). Its public
methods are those of the class and its bases, nearest definition first;
``async def`` methods are left out (they do not block), properties are
listed apart (they may be sub-clients the catalogue should type).

A method is covered when the catalogue has a :class:`BlockingApi` for it (or a
``Class.*`` wildcard), or a :class:`Returns` entry (a builder or factory that
does no I/O), under the class's public spelling or where it is defined, after
the catalogue's aliases. Everything else is printed as missing: a list to read
against the library's source, not a list to paste (many methods are pure).

A class name whose last part has glob characters (``kubernetes.client.*Api``)
means every class defined under that module whose name matches, spelt the way
its highest re-exporting package spells it. ``NAME=TYPE`` says the analysis
reaches those classes as the catalogue type ``TYPE`` (every service of a
``StripeClient`` is typed ``stripe.StripeService``), so ``TYPE``'s entries count too. botocore clients have no classes:
their methods come from the service models shipped with botocore
(``botocore/data/<service>/<version>/service-2.json[.gz]``), with operation
names turned into method names, and are checked as methods of
``botocore.client.BaseClient``.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import fnmatch
import gzip
import json
import re
import sys
import sysconfig
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from codemods.catalogue import BUILTIN, Catalogue

#: Classes shared by many libraries that add nothing a client needs listed.
_IGNORED_BASES = frozenset({"object", "Generic", "Protocol", "ABC", "typing.Generic", "typing.Protocol", "abc.ABC",
                            "typing_extensions.Protocol", "Exception", "dict", "list", "str", "int", "tuple"})
_NOT_CLIENTS = ("Async*", "*WithRawResponse", "*WithStreamingResponse", "_*")
_BOTO_CLIENT = "botocore.client.BaseClient"
_BOTO_SERVICES = ("s3", "sqs", "sns", "dynamodb", "ses", "sesv2", "lambda", "secretsmanager", "ssm",
                  "bedrock-runtime", "kms", "sts", "cognito-idp", "kinesis", "events", "stepfunctions", "athena",
                  "logs", "textract", "rekognition")


@dataclass(frozen=True)
class Library:
    """A library to check: its distribution (for pip), import package and client classes."""

    dist: str
    package: str
    classes: tuple[str, ...]
    #: Glob patterns of class names left out when a class name is a pattern.
    exclude: tuple[str, ...] = _NOT_CLIENTS


#: The sync client libraries FastAPI applications use most (model APIs, payments, AWS and the
#: other clouds, databases and ORMs, caches, search and vector stores, queues, mail, chat, SSH).
LIBRARIES: tuple[Library, ...] = (
    Library("openai", "openai", ("openai.OpenAI", "openai.resources.*")),
    Library("anthropic", "anthropic", ("anthropic.Anthropic", "anthropic.resources.*")),
    Library("stripe", "stripe", ("stripe.StripeClient", "stripe.*Service=stripe.StripeService", "stripe.Customer",
                                 "stripe.PaymentIntent",
                                 "stripe.Subscription", "stripe.Invoice", "stripe.Refund", "stripe.checkout.Session")),
    Library("boto3", "botocore", ("boto3.session.Session", "botocore.response.StreamingBody",
                                  "botocore.paginate.PageIterator", "botocore.waiter.Waiter")),
    Library("redis", "redis", ("redis.Redis", "redis.client.Pipeline", "redis.client.PubSub", "redis.lock.Lock",
                               "redis.cluster.RedisCluster")),
    Library("pymongo", "pymongo", ("pymongo.MongoClient", "pymongo.database.Database",
                                   "pymongo.collection.Collection", "pymongo.cursor.Cursor")),
    Library("psycopg", "psycopg", ("psycopg.Connection", "psycopg.Cursor")),
    Library("peewee", "peewee", ("peewee.Model", "peewee.Database", "peewee.ModelSelect", "peewee.ModelInsert",
                                 "peewee.ModelUpdate", "peewee.ModelDelete", "playhouse.pool.PooledPostgresqlDatabase",
                                 "playhouse.pool.PooledMySQLDatabase", "playhouse.pool.PooledSqliteDatabase",
                                 "playhouse.sqliteq.SqliteQueueDatabase", "playhouse.postgres_ext.PostgresqlExtDatabase")),
    Library("sqlalchemy", "sqlalchemy", ("sqlalchemy.orm.Session", "sqlalchemy.orm.Query", "sqlalchemy.engine.Engine",
                                         "sqlalchemy.engine.Connection")),
    Library("elasticsearch", "elasticsearch", ("elasticsearch.Elasticsearch", "elasticsearch.client.IndicesClient")),
    Library("opensearch-py", "opensearchpy", ("opensearchpy.OpenSearch",
                                              "opensearchpy.client.indices.IndicesClient")),
    Library("kubernetes", "kubernetes", ("kubernetes.client.*Api", "kubernetes.client.ApiClient",
                                         "kubernetes.watch.Watch")),
    Library("huggingface_hub", "huggingface_hub", ("huggingface_hub.InferenceClient", "huggingface_hub.HfApi")),
    Library("PyJWT", "jwt", ("jwt.PyJWKClient",)),
    Library("zeep", "zeep", ("zeep.Client", "zeep.proxy.ServiceProxy", "zeep.proxy.OperationProxy")),
    Library("celery", "celery", ("celery.Celery", "celery.app.task.Task", "celery.result.AsyncResult",
                                 "celery.result.GroupResult", "celery.canvas.Signature")),
    Library("google-cloud-storage", "google.cloud.storage", ("google.cloud.storage.Client",
                                                             "google.cloud.storage.Bucket",
                                                             "google.cloud.storage.Blob")),
    Library("google-cloud-bigquery", "google.cloud.bigquery", ("google.cloud.bigquery.Client",
                                                               "google.cloud.bigquery.job.QueryJob")),
    Library("azure-storage-blob", "azure.storage.blob", ("azure.storage.blob.BlobServiceClient",
                                                         "azure.storage.blob.ContainerClient",
                                                         "azure.storage.blob.BlobClient")),
    Library("minio", "minio", ("minio.Minio",)),
    Library("slack_sdk", "slack_sdk", ("slack_sdk.WebClient", "slack_sdk.webhook.WebhookClient")),
    Library("twilio", "twilio", ("twilio.rest.api.v2010.account.message.MessageList",
                                 "twilio.rest.api.v2010.account.message.MessageContext",
                                 "twilio.rest.api.v2010.account.call.CallList")),
    Library("sendgrid", "sendgrid", ("sendgrid.SendGridAPIClient",)),
    Library("pinecone", "pinecone", ("pinecone.Pinecone", "pinecone.Index")),
    Library("qdrant-client", "qdrant_client", ("qdrant_client.QdrantClient",)),
    Library("chromadb-client", "chromadb", ("chromadb.api.ClientAPI", "chromadb.api.models.Collection.Collection")),
    Library("docker", "docker", ("docker.DockerClient", "docker.models.containers.ContainerCollection",
                                 "docker.models.containers.Container", "docker.models.images.ImageCollection")),
    Library("paramiko", "paramiko", ("paramiko.SSHClient", "paramiko.SFTPClient")),
    Library("requests", "requests", ("requests.Session",)),
    Library("smtplib (stdlib)", "smtplib", ("smtplib.SMTP", "smtplib.SMTP_SSL")),
)


# -- reading modules -------------------------------------------------------------------------


@dataclass
class Module:
    name: str
    path: Path
    tree: ast.Module
    #: Top-level names: a class, an import (dotted target) or an alias (a dotted expression here).
    names: dict[str, tuple[str, ast.ClassDef | str]] = field(default_factory=dict)

    @property
    def is_package(self) -> bool:
        return self.path.name == "__init__.py"


def _dotted(expr: ast.expr) -> str | None:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        inner = _dotted(expr.value)
        return f"{inner}.{expr.attr}" if inner else None
    if isinstance(expr, ast.Subscript):  # ``Generic[T]``, ``BaseClient[httpx.Client]``
        return _dotted(expr.value)
    if isinstance(expr, ast.Call):  # ``with_metaclass(Meta, Base)``: the last argument is the base
        return _dotted(expr.args[-1]) if expr.args else None
    return None


def _top_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements of a module body, looking into ``if``/``try``/``with`` blocks."""
    for statement in body:
        yield statement
        if isinstance(statement, ast.If):
            yield from _top_level(statement.body)
            yield from _top_level(statement.orelse)
        elif isinstance(statement, ast.Try):
            for block in (statement.body, statement.orelse, statement.finalbody,
                          *(handler.body for handler in statement.handlers)):
                yield from _top_level(block)
        elif isinstance(statement, ast.With):
            yield from _top_level(statement.body)


class Sources:
    """Parsed modules of the source roots, read on demand."""

    def __init__(self, roots: list[Path]) -> None:
        self.roots = roots
        self._modules: dict[str, Module | None] = {}
        self._classes: dict[str, dict[str, list[tuple[str, ast.ClassDef]]]] = {}

    def module(self, name: str) -> Module | None:
        if name not in self._modules:
            self._modules[name] = self._load(name)
        return self._modules[name]

    def _file(self, name: str) -> Path | None:
        relative = Path(*name.split("."))
        for root in self.roots:
            for candidate in (root / relative / "__init__.py", root / relative.with_suffix(".py")):
                if candidate.is_file():
                    return candidate
        return None

    def _load(self, name: str) -> Module | None:
        path = self._file(name)
        if path is None:
            return None
        try:
            tree = ast.parse(path.read_bytes(), str(path))
        except (SyntaxError, ValueError):
            return None
        module = Module(name, path, tree)
        for statement in _top_level(tree.body):
            self._bind(module, statement)
        return module

    def _bind(self, module: Module, statement: ast.stmt) -> None:
        names = module.names
        if isinstance(statement, ast.ClassDef):
            if names.get(statement.name, ("",))[0] != "class":
                names[statement.name] = ("class", statement)
        elif isinstance(statement, ast.ImportFrom):
            base = self._absolute(module, statement.module, statement.level)
            for alias in statement.names:
                if alias.name != "*":
                    names.setdefault(alias.asname or alias.name, ("import", f"{base}.{alias.name}"))
        elif isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.asname:
                    names.setdefault(alias.asname, ("import", alias.name))
                else:
                    top = alias.name.split(".")[0]
                    names.setdefault(top, ("import", top))
        elif isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], _dotted(statement.value)
            if isinstance(target, ast.Name) and value and not isinstance(statement.value, ast.Call):
                names.setdefault(target.id, ("alias", value))

    @staticmethod
    def _absolute(module: Module, name: str | None, level: int) -> str:
        if level == 0:
            return name or ""
        parts = module.name.split(".")
        if not module.is_package:
            parts = parts[:-1]
        parts = parts[:len(parts) - (level - 1)] if level > 1 else parts
        return ".".join([*parts, name] if name else parts)

    # -- classes ---------------------------------------------------------------------------
    def find_class(self, qualname: str, package: str | None = None, depth: int = 0) -> tuple[str, ast.ClassDef] | None:
        """(defining module, class node) for a dotted name, following re-exports."""
        if depth > 25:
            return None
        parts = qualname.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = self.module(".".join(parts[:cut]))
            if module is not None:
                found = self._in_module(module, parts[cut:], depth)
                if found is not None:
                    return found
                break
        if package is not None:
            # A lazy loader hides the name: look for the class in the package's source.
            candidates = self.classes_in(package).get(parts[-1], [])
            if len(candidates) == 1:
                return candidates[0]
        return None

    def _in_module(self, module: Module, rest: list[str], depth: int) -> tuple[str, ast.ClassDef] | None:
        kind, value = module.names.get(rest[0], ("", ""))
        if kind == "class" and isinstance(value, ast.ClassDef):
            node = value
            for part in rest[1:]:
                nested = [s for s in node.body if isinstance(s, ast.ClassDef) and s.name == part]
                if not nested:
                    return None
                node = nested[0]
            return module.name, node
        if kind == "import" and isinstance(value, str):
            return self.find_class(".".join([value, *rest[1:]]), None, depth + 1)
        if kind == "alias" and isinstance(value, str):
            head, _, tail = value.partition(".")
            if head == rest[0]:
                return None
            target = self.resolve_name(module, head)
            dotted = ".".join(p for p in (target, tail, *rest[1:]) if p)
            return self.find_class(dotted, None, depth + 1) if target else None
        # A submodule of a package: ``pkg.sub.Class`` spelt from ``pkg``.
        return None

    def resolve_name(self, module: Module, name: str) -> str | None:
        """The dotted name a module-level name stands for."""
        kind, value = module.names.get(name, ("", ""))
        if kind == "class":
            return f"{module.name}.{name}"
        if kind == "import" and isinstance(value, str):
            return value
        if kind == "alias" and isinstance(value, str):
            head, _, tail = value.partition(".")
            target = self.resolve_name(module, head) if head != name else None
            return ".".join(p for p in (target, tail) if p) if target else None
        if hasattr(builtins, name):
            return name
        return f"{module.name}.{name}"

    def classes_in(self, package: str) -> dict[str, list[tuple[str, ast.ClassDef]]]:
        """Every top-level class defined under a package, by name."""
        if package in self._classes:
            return self._classes[package]
        index: dict[str, list[tuple[str, ast.ClassDef]]] = {}
        top = self.module(package)
        if top is not None:
            root = top.path.parent if top.is_package else top.path
            files = sorted(root.rglob("*.py")) if top.is_package else [root]
            base = root.parent
            for path in files:
                parts = path.relative_to(base).with_suffix("").parts
                name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
                name = ".".join([*package.split(".")[:-1], name]) if "." in package else name
                module = self.module(name)
                if module is None:
                    continue
                for _, value in module.names.values():
                    if isinstance(value, ast.ClassDef):
                        index.setdefault(value.name, []).append((name, value))
        self._classes[package] = index
        return index

    def bases(self, module_name: str, node: ast.ClassDef, depth: int = 0) -> list[tuple[str, ast.ClassDef]]:
        """The class and its bases found in the source roots, nearest first (depth-first)."""
        chain = [(module_name, node)]
        module = self.module(module_name)
        if module is None or depth > 12:
            return chain
        for base in node.bases:
            dotted = _dotted(base)
            if dotted is None or dotted in _IGNORED_BASES:
                continue
            head, _, tail = dotted.partition(".")
            target = self.resolve_name(module, head)
            if target is None or target in _IGNORED_BASES:
                continue
            found = self.find_class(".".join(p for p in (target, tail) if p), target.split(".")[0])
            if found is not None and found[1] is not node:
                chain += [item for item in self.bases(*found, depth + 1) if item not in chain]
        return chain


# -- methods and coverage -------------------------------------------------------------------


@dataclass(frozen=True)
class Method:
    name: str
    defined_in: str  # module.Class
    kind: str  # "method", "classmethod", "staticmethod", "property", "async"


def _kind(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    if isinstance(node, ast.AsyncFunctionDef):
        return "async"
    for decorator in node.decorator_list:
        name = _dotted(decorator) or ""
        last = name.rsplit(".", 1)[-1]
        if last in {"property", "cached_property", "cached_property_with_ttl"}:
            return "property"
        if last in {"setter", "deleter"}:
            return "setter"
        if last in {"classmethod", "staticmethod"}:
            return last
    return "method"


def public_methods(chain: list[tuple[str, ast.ClassDef]]) -> list[Method]:
    seen: dict[str, Method] = {}
    for module_name, node in chain:
        for statement in _top_level(node.body):
            if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if statement.name.startswith("_") or statement.name in seen:
                continue
            kind = _kind(statement)
            if kind != "setter":
                seen[statement.name] = Method(statement.name, f"{module_name}.{node.name}", kind)
    return sorted(seen.values(), key=lambda m: m.name)


def covered(catalogue: Catalogue, owners: list[str], method: str) -> bool:
    for owner in owners:
        name = catalogue.canonical(f"{owner}.{method}")
        if catalogue.api(name) is not None or name in catalogue.returns:
            return True
    return False


def known_class(catalogue: Catalogue, owners: list[str]) -> bool:
    return any(catalogue.canonical(owner) in catalogue.classes for owner in owners)


@dataclass
class Report:
    library: str
    owner: str
    defined: str
    known: bool
    methods: list[Method]
    missing: list[Method]
    properties: list[str]


def _public_spelling(sources: Sources, spec_module: str, module_name: str, node: ast.ClassDef) -> str:
    """How users spell a class found under ``spec_module``: the highest package re-exporting it."""
    parts = module_name.split(".")
    top = len(spec_module.split("."))
    for cut in range(top, len(parts) + 1):
        found = sources.find_class(".".join([*parts[:cut], node.name]))
        if found is not None and found[1] is node:
            return ".".join([*parts[:cut], node.name])
    return f"{module_name}.{node.name}"


def check_class(sources: Sources, catalogue: Catalogue, library: Library, spec: str) -> list[Report]:
    spec, _, typed_as = spec.partition("=")
    owner_module, _, class_name = spec.rpartition(".")
    targets: list[tuple[str, str, ast.ClassDef]] = []
    if any(char in class_name for char in "*?["):
        for name, found in sorted(sources.classes_in(owner_module).items()):
            if not fnmatch.fnmatchcase(name, class_name) or any(fnmatch.fnmatchcase(name, x) for x in library.exclude):
                continue
            for module_name, node in found:
                targets.append((_public_spelling(sources, owner_module, module_name, node), module_name, node))
    else:
        located = sources.find_class(spec, library.package)
        if located is None:
            print(f"  {spec}: class not found in the source roots", file=sys.stderr)
            return []
        targets.append((spec, *located))
    reports = []
    for public, module_name, node in targets:
        chain = sources.bases(module_name, node)
        owners = list(dict.fromkeys([public, f"{module_name}.{node.name}", *([typed_as] if typed_as else [])]))
        methods = public_methods(chain)
        callables = [m for m in methods if m.kind in {"method", "classmethod", "staticmethod"}]
        missing = [m for m in callables if not covered(catalogue, owners, m.name)]
        properties = [m.name for m in methods if m.kind == "property" and not covered(catalogue, owners, m.name)]
        reports.append(Report(library.dist, public, f"{module_name}.{node.name}", known_class(catalogue, owners),
                              callables, missing, properties))
    return reports


# -- botocore --------------------------------------------------------------------------------


def method_name(operation: str) -> str:
    """``ListObjectsV2`` -> ``list_objects_v2``, ``GetBucketACL`` -> ``get_bucket_acl``."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", operation)
    return spaced.lower()


def _service_model(sources: Sources, service: str) -> dict[str, object] | None:
    botocore = sources.module("botocore")
    if botocore is None:
        return None
    versions = sorted((botocore.path.parent / "data" / service).glob("*/"))
    for version in reversed(versions):
        for name in ("service-2.json", "service-2.json.gz"):
            path = version / name
            if path.is_file():
                raw = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
                loaded = json.loads(raw)
                return loaded if isinstance(loaded, dict) else None
    return None


def check_botocore(sources: Sources, catalogue: Catalogue, services: tuple[str, ...]) -> list[Report]:
    reports = []
    for service in services:
        model = _service_model(sources, service)
        if model is None:
            print(f"  botocore service {service}: no model in the source roots", file=sys.stderr)
            continue
        operations = model.get("operations", {})
        names = sorted(method_name(op) for op in (operations if isinstance(operations, dict) else {}))
        methods = [Method(name, f"botocore.data.{service}", "method") for name in names]
        missing = [m for m in methods if not covered(catalogue, [_BOTO_CLIENT], m.name)]
        reports.append(Report("boto3", f"{service} client ({_BOTO_CLIENT})", f"botocore/data/{service}",
                              known_class(catalogue, [_BOTO_CLIENT]), methods, missing, []))
    return reports


# -- output ----------------------------------------------------------------------------------


def _print(report: Report, verbose: bool) -> None:
    where = "" if report.defined == report.owner else f" (defined as {report.defined})"
    unknown = "" if report.known else "  [class unknown to the catalogue: add an alias or entries]"
    print(f"{report.owner}{where}: {len(report.missing)} of {len(report.methods)} public methods missing{unknown}")
    if verbose:
        for method in report.missing:
            origin = "" if method.defined_in == report.defined else f"  from {method.defined_in}"
            print(f"    {method.name}  [{method.kind}]{origin}")
    elif report.missing:
        print("    " + ", ".join(m.name for m in report.missing))
    if report.properties:
        print("    properties not typed: " + ", ".join(report.properties))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("package", nargs="?", help="import package of the library (e.g. peewee)")
    parser.add_argument("classes", nargs="*",
                        help="client class qualnames; a glob in the last part for many; NAME=TYPE: typed as TYPE")
    parser.add_argument("--site-packages", action="append", type=Path, default=[], metavar="DIR",
                        help="where the libraries are installed (repeatable); the stdlib is always searched")
    parser.add_argument("--builtin", nargs="*", metavar="DIST",
                        help="check the built-in list of popular libraries (all, or these distributions)")
    parser.add_argument("--botocore-services", default=",".join(_BOTO_SERVICES),
                        help="services whose botocore client methods are checked with the boto3 library")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="class names left out of a pattern (default: Async*, *WithRawResponse, ...)")
    parser.add_argument("--verbose", "-v", action="store_true", help="one missing method a line, with its origin")
    parser.add_argument("--summary", action="store_true", help="only the counts per library")
    args = parser.parse_args(argv)

    roots = [*args.site_packages, Path(sysconfig.get_paths()["stdlib"])]
    sources = Sources(roots)
    if args.builtin is not None:
        wanted = {name.lower() for name in args.builtin}
        libraries = [lib for lib in LIBRARIES if not wanted or lib.dist.lower() in wanted]
    elif args.package and args.classes:
        exclude = tuple(args.exclude) or _NOT_CLIENTS
        libraries = [Library(args.package, args.package, tuple(args.classes), exclude)]
    else:
        parser.error("give a package and class names, or --builtin")

    totals: list[tuple[str, int, int, int]] = []
    for library in libraries:
        if sources.module(library.package) is None:
            print(f"== {library.dist}: package {library.package} not installed, skipped", file=sys.stderr)
            continue
        reports = [report for spec in library.classes for report in check_class(sources, BUILTIN, library, spec)]
        if library.package == "botocore":
            services = tuple(s for s in args.botocore_services.split(",") if s)
            reports += check_botocore(sources, BUILTIN, services)
        methods = sum(len(r.methods) for r in reports)
        missing = sum(len(r.missing) for r in reports)
        totals.append((library.dist, len(reports), methods, missing))
        if args.summary:
            continue
        print(f"== {library.dist} ({len(reports)} classes, {missing} of {methods} public methods missing)")
        for report in reports:
            if report.methods or report.properties:
                _print(report, args.verbose)
        print()
    print("| library | classes | public methods | missing |")
    print("| --- | ---: | ---: | ---: |")
    for dist, classes, methods, missing in totals:
        print(f"| {dist} | {classes} | {methods} | {missing} |")
    print(f"| total | {sum(t[1] for t in totals)} | {sum(t[2] for t in totals)} | {sum(t[3] for t in totals)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
