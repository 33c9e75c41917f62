"""The catalogue of blocking APIs, as data.

One :class:`BlockingApi` per API. ``qualname`` is either a function
(``requests.get``) or a method on instances of a class (``requests.Session.get``;
``requests.Session.*`` for every method). :class:`Returns` entries teach the
analysis what type a call or attribute produces, so receivers are known
(``requests.Session()`` gives a ``requests.Session``; ``Path.parent`` a
``pathlib.Path``). :class:`Alias` entries map re-exports to one spelling.

The built-in data lives in one module per family of libraries (``http``,
``sql``, ``cache``...), each exporting ``ENTRIES``, ``RETURNS`` and ``ALIASES``
(and ``MADE_CLASSES``, class factories, and ``RETURNS_WITHOUT``, types that depend on
an argument left out, where it has some);
:data:`BUILTIN` is built from all of them. Adding an API is one entry in the
right module plus one fixture folder under ``testdata/catalogue-<category>/``.
User entries from ``pyproject.toml`` are parsed into the same types.
"""

from __future__ import annotations

from collections import Counter

from . import (
    backends,
    browsers,
    cache,
    cloud,
    cpu,
    devtools,
    document_loaders,
    documents,
    drivers,
    email,
    files,
    filestores,
    filesystem,
    frameworks,
    haystack,
    http,
    inference,
    llm,
    model_apis,
    network,
    office_files,
    orms,
    processes,
    rendering,
    services,
    sql,
    tracking,
    vector_stores,
    vendor,
    waits,
    warehouses,
    web_data,
)
from .model import Alias, BlockingApi, Catalogue, MadeClass, Returns, ReturnsWithout, build_catalogue

__all__ = ["BUILTIN", "MODULES", "Alias", "BlockingApi", "Catalogue", "MadeClass", "Returns", "ReturnsWithout",
           "build_catalogue"]

MODULES = (http, files, filesystem, processes, waits, sql, drivers, warehouses, orms, documents, vector_stores,
           cache, cloud, filestores, email, network, services, vendor, devtools, web_data, inference, llm, haystack, model_apis, backends, browsers,
           document_loaders, office_files, rendering, cpu, frameworks, tracking)


def _builtin() -> Catalogue:
    entries = [entry for module in MODULES for entry in module.ENTRIES]
    returns = [item for module in MODULES for item in module.RETURNS]
    aliases = [item for module in MODULES for item in module.ALIASES]
    made = [item for module in MODULES for item in getattr(module, "MADE_CLASSES", ())]
    without = [item for module in MODULES for item in getattr(module, "RETURNS_WITHOUT", ())]
    # Built-ins must not silently override each other (user entries may, on purpose).
    for what, names in (("entry", [e.qualname for e in entries]), ("return type", [r.qualname for r in returns]),
                        ("alias", [a.name for a in aliases])):
        twice = sorted(name for name, count in Counter(names).items() if count > 1)
        if twice:
            raise ValueError(f"catalogue {what} listed twice: {', '.join(twice)}")
    return build_catalogue(entries, returns, aliases, made, without)


BUILTIN = _builtin()
