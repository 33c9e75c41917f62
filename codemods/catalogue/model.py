"""The catalogue's types: a blocking API, a return type, an alias, and the
:class:`Catalogue` built from them. The data modules (``http``, ``sql``...)
import these, and the package assembles :data:`~codemods.catalogue.BUILTIN`
from the data, so nothing here imports the data back.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..analysis.children import walk_nodes
from ..rules import RULES_BY_CATEGORY

#: Methods a ``Type.*`` wildcard leaves out: they release what the client holds (its
#: connection pool: ``github.Github.close`` closes a ``requests`` session, ``gitlab``,
#: ``elasticsearch`` and ``qdrant_client`` likewise) without a round trip to the server.
#: A client whose ``close`` talks to the server (``pymongo.MongoClient.close`` ends its
#: sessions there) is listed method by method, and names it.
_RELEASES = frozenset({"close"})


@dataclass(frozen=True)
class BlockingApi:
    """A call that blocks the thread it runs on."""

    qualname: str
    category: str
    #: A faithful async replacement, if one exists (used by swap-to-async).
    async_twin: str | None = None
    #: ruff / flake8-async codes that report the same call (their ``noqa`` is honoured).
    ruff_codes: tuple[str, ...] = ()
    why: str = ""
    #: Blocks only when this argument (keyword name, positional index) is passed
    #: and is not ``None``/``0`` (``psutil.cpu_percent(interval=1)``).
    blocks_with_argument: tuple[str, int] | None = None
    #: Does not block when this argument (keyword name, positional index) is passed
    #: as ``False`` (``executor.shutdown(wait=False)``, ``queue.get(block=False)``).
    nonblocking_when_false: tuple[str, int] | None = None
    #: Does not block when this argument is passed as ``True`` (pexpect's
    #: ``child.expect(..., async_=True)`` returns a coroutine to await).
    nonblocking_when_true: tuple[str, int] | None = None
    #: Does not block when this argument (keyword name, positional index) names this flag,
    #: alone or or-ed with others: ``os.waitpid(-1, os.WNOHANG)`` returns at once.
    nonblocking_with_flag: tuple[str, int, str] | None = None
    #: The call only makes an iterator (a generator, a paginator); iterating it does the I/O,
    #: so the loop over it is what blocks (and what a fix moves), not the call.
    lazy: bool = False
    #: A listing of one directory, which becomes another entry when it scans more.
    listing: Listing | None = None
    #: For a class: making an instance of a project subclass blocks only when the subclass's
    #: configuration sets one of these (a pydantic settings class with an ``env_file``).
    blocks_when_configured: tuple[str, ...] = ()
    #: A property: reading the attribute does the I/O (``history.messages`` reads the store).
    attribute: bool = False
    #: For an ``__exit__``: blocks only when the ``with`` block's body calls one of these by name
    #: (an executor's exit waits for a job the body gave up on under ``asyncio.wait_for``).
    exit_blocks_after: tuple[str, ...] = ()

    def for_call(self, call: ast.Call) -> BlockingApi | None:
        """The entry this call is, or ``None`` when its arguments switch the blocking off."""
        if not self._blocks_for(call):
            return None
        if self.listing is not None and self.listing.recurses(call):
            return self.listing.scan
        return self

    def _blocks_for(self, call: ast.Call) -> bool:
        for switch, off in ((self.nonblocking_when_false, False), (self.nonblocking_when_true, True)):
            value = passed_argument(call, *switch) if switch is not None else None
            if isinstance(value, ast.Constant) and value.value is off:
                return False
        if self.nonblocking_with_flag is not None:
            name, position, flag = self.nonblocking_with_flag
            value = passed_argument(call, name, position)
            if value is not None and flag in {getattr(n, "attr", getattr(n, "id", None)) for n in walk_nodes(value)}:
                return False
        if self.blocks_with_argument is None:
            return True
        value = passed_argument(call, *self.blocks_with_argument)
        if value is None:
            return False
        return not (isinstance(value, ast.Constant) and value.value in (None, 0))


@dataclass(frozen=True)
class Listing:
    """How a one-directory listing becomes a scan whose cost grows with the tree (``scan``):
    the call asks it to recurse, or the code looks at every entry it lists (a ``stat`` each,
    decided by :mod:`codemods.analysis.listings`).

    A call recurses when its pattern (argument ``pattern``) has a ``**`` path component and,
    where the API has one, its ``flag`` is passed true (``glob.glob(p, recursive=True)``):
    ``**`` inside a component (``uploads/**.txt``) matches like ``*``, in one directory. A
    pattern built at run time says nothing, so it counts as one level unless the flag asks
    for recursion.
    """

    scan: BlockingApi
    pattern: tuple[str, int] | None = None
    flag: str | None = None

    def recurses(self, call: ast.Call) -> bool:
        if self.pattern is None:
            return False
        if self.flag is not None:
            value = next((k.value for k in call.keywords if k.arg == self.flag), None)
            if value is None or (isinstance(value, ast.Constant) and not value.value):
                return False
        pattern = _literal_text(passed_argument(call, *self.pattern))
        if pattern is None:
            return self.flag is not None
        return "**" in pattern.replace("\\", "/").split("/")


def _literal_text(node: ast.expr | None) -> str | None:
    """The text a string literal or f-string spells out (its placeholders left empty)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
    return None


def passed_argument(call: ast.Call, keyword: str, index: int) -> ast.expr | None:
    """The argument a call passes for a parameter (keyword name, positional index)."""
    value: ast.expr | None = call.args[index] if len(call.args) > index else None
    if any(isinstance(a, ast.Starred) for a in call.args[:index + 1]):
        value = None
    for item in call.keywords:
        if item.arg == keyword:
            value = item.value
    return value


#: The framework and what it is built on: how FastAPI runs a callable is modelled by
#: :mod:`codemods.analysis.fastapi_app`, not read from its source.
_FRAMEWORK = frozenset({"fastapi", "starlette", "pydantic", "pydantic_core", "anyio", "sniffio", "typing_extensions",
                        "uvicorn"})


@dataclass(frozen=True)
class Returns:
    """Calling (or reading) ``qualname`` produces an instance of ``type``.

    ``pkg.Class.method`` is a method's result, ``pkg.Class.attr`` an attribute's,
    ``pkg.Class.__call__`` what calling an instance returns (``SessionLocal()``),
    ``pkg.Class.__getitem__`` what subscripting one returns (``client["db"]``).
    ``Returns("pkg.Class", "pkg.Class")`` says the constructor is a plain class
    whose instances the analysis should track, although it does no I/O itself.
    ``pkg.Class.*`` is what any other attribute of an instance is (``client.some_db``),
    ``pkg.Class.*()`` what calling any other method gives, for a type whose methods are
    made at run time (a Google API resource's ``service.files()``).
    """

    qualname: str
    type: str


@dataclass(frozen=True)
class Alias:
    """``name`` is another spelling of ``canonical`` (a re-export, a subclass with the same API)."""

    name: str
    canonical: str


@dataclass(frozen=True)
class ReturnsWithout:
    """Calling ``qualname`` without ``argument`` (by keyword, or at ``position``), or with a
    literal ``0`` or ``None`` for it, produces a ``type`` of its own: ``queue.Queue()`` is an
    unbounded queue, whose ``put`` never waits, while ``queue.Queue(maxsize=100)`` may fill up."""

    qualname: str
    argument: str
    position: int
    type: str

    def left_out(self, call: ast.Call) -> bool:
        value = passed_argument(call, self.argument, self.position)
        if value is None:
            return not any(k.arg is None for k in call.keywords)  # ``**options`` may hold it
        return isinstance(value, ast.Constant) and (value.value is None or value.value == 0)


@dataclass(frozen=True)
class MadeClass:
    """Calling ``qualname`` makes a class derived from the class (or tuple of classes) passed
    as ``keyword``: after ``Base = declarative_base(cls=ModelMixin)``, every model built on
    ``Base`` has ``ModelMixin``'s methods, ``get`` and ``save`` that query a session."""

    qualname: str
    keyword: str


@dataclass(frozen=True)
class Catalogue:
    """Lookup tables built from entries; immutable once built."""

    apis: dict[str, BlockingApi]
    returns: dict[str, str]
    #: Classes whose constructor call yields an instance of themselves.
    classes: frozenset[str]
    aliases: dict[str, str]
    #: Class factories (:class:`MadeClass`): qualname -> the keyword naming the bases.
    made_classes: dict[str, str] = field(default_factory=dict)
    #: Calls whose type depends on an argument left out (:class:`ReturnsWithout`).
    returns_without: dict[str, ReturnsWithout] = field(default_factory=dict)

    def canonical(self, qualname: str) -> str:
        """Map re-exports to one spelling: the longest aliased dotted prefix wins."""
        if not self.aliases:
            return qualname
        parts = qualname.split(".")
        for cut in range(len(parts), 0, -1):
            target = self.aliases.get(".".join(parts[:cut]))
            if target is not None:
                return ".".join([target, *parts[cut:]])
        return qualname

    def api(self, qualname: str) -> BlockingApi | None:
        """The entry for ``qualname``; ``Type.*`` covers every method of ``Type``.

        The wildcard skips factories: a method the catalogue has a
        :class:`Returns` entry for (``redis.Redis.pipeline``,
        ``redis.Redis.from_url``) only builds another object. A factory that
        blocks as well (``boto3.session.Session.client``) gets its own entry.
        It skips ``close`` too (:data:`_RELEASES`): a client whose every call
        is a request to a server does not make one to let its sockets go.
        """
        found = self.apis.get(qualname)
        if found is None and "." in qualname and qualname not in self.returns:
            owner, method = qualname.rsplit(".", 1)
            found = self.apis.get(owner + ".*") if method not in _RELEASES else None
        return found

    @cached_property
    def packages(self) -> frozenset[str]:
        """Top-level packages the catalogue describes: it is the authority on them, so their
        installed source is not followed (``diskcache.core.Cache.get`` is ``diskcache.Cache.get``)."""
        names = [*self.apis, *self.returns, *self.classes, *self.aliases, *self.aliases.values(), *self.made_classes]
        return frozenset(name.split(".", 1)[0] for name in names) | _FRAMEWORK

    def type_of_call(self, qualname: str, call: ast.Call | None = None) -> str | None:
        without = self.returns_without.get(qualname)
        if without is not None and call is not None and without.left_out(call):
            return without.type
        if qualname in self.returns:
            return self.returns[qualname]
        if qualname in self.classes:
            return qualname
        return None

    def with_entries(self, extra: list[BlockingApi]) -> Catalogue:
        """A new catalogue with user entries added (they win over built-ins)."""
        return build_catalogue(
            [*self.apis.values(), *extra],
            [Returns(k, v) for k, v in self.returns.items()],
            [Alias(k, v) for k, v in self.aliases.items()],
            [MadeClass(k, v) for k, v in self.made_classes.items()],
            list(self.returns_without.values()),
        )


def build_catalogue(entries: list[BlockingApi], returns: list[Returns], aliases: list[Alias] = (),  # type: ignore[assignment]
                    made: list[MadeClass] = (), without: list[ReturnsWithout] = ()  # type: ignore[assignment]
                    ) -> Catalogue:
    unknown = sorted({entry.category for entry in entries} - RULES_BY_CATEGORY.keys())
    if unknown:
        raise ValueError(f"catalogue categories without a rule: {', '.join(unknown)}")
    # A lazy API's call gives an object of its own (synthetic) type, named like the API,
    # whose ``__iter__`` is the blocking entry.
    lazy = [entry for entry in entries if entry.lazy]
    entries = [entry for entry in entries if not entry.lazy]
    entries += [replace(entry, qualname=f"{entry.qualname}.__iter__", lazy=False) for entry in lazy]
    returns = [*returns, *(Returns(entry.qualname, entry.qualname) for entry in lazy)]
    apis = {entry.qualname: entry for entry in entries}
    # A method entry ``pkg.Class.method`` names a class ``pkg.Class``; a class is
    # recognised by its last dotted part starting with a capital letter.
    classes = {owner for q in apis for owner in [q.rsplit(".", 1)[0]] if owner.rsplit(".", 1)[-1][:1].isupper()}
    classes |= {r.type for r in returns} | {w.type for w in without}
    return Catalogue(
        apis=apis,
        returns={r.qualname: r.type for r in returns},
        classes=frozenset(classes),
        aliases={a.name: a.canonical for a in aliases},
        made_classes={m.qualname: m.keyword for m in made},
        returns_without={w.qualname: w for w in without},
    )
