"""The catalogue of blocking APIs, as data.

One :class:`BlockingApi` per API. ``qualname`` is either a function
(``requests.get``) or a method on instances of a class (``requests.Session.get``;
``requests.Session.*`` for every method). :class:`Returns` entries teach the
analysis what type a call or attribute produces, so receivers are known
(``requests.Session()`` gives a ``requests.Session``; ``Path.parent`` a
``pathlib.Path``). Adding an API is one entry here plus one fixture folder.
User entries from ``pyproject.toml`` are parsed into the same types.
"""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True)
class Returns:
    """Calling (or reading) ``qualname`` produces an instance of ``type``.

    ``pkg.Class.method`` is a method's result, ``pkg.Class.attr`` an attribute's,
    ``pkg.Class.__call__`` what calling an instance returns (``SessionLocal()``).
    """

    qualname: str
    type: str


@dataclass(frozen=True)
class Alias:
    """``name`` is another spelling of ``canonical`` (a re-export, a subclass with the same API)."""

    name: str
    canonical: str


_HTTP_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request")


def _each(prefix: str, names: tuple[str, ...] | list[str], category: str, **kw: object) -> list[BlockingApi]:
    return [BlockingApi(f"{prefix}.{name}", category, **kw) for name in names]  # type: ignore[arg-type]


_ENTRIES: list[BlockingApi] = [
    # -- sleep -------------------------------------------------------------
    BlockingApi("time.sleep", "sleep", async_twin="asyncio.sleep", ruff_codes=("ASYNC251",),
                why="sleeps the whole event loop"),
    # -- http --------------------------------------------------------------
    *_each("requests", _HTTP_VERBS, "http", ruff_codes=("ASYNC210",), why="requests waits for the response"),
    *_each("requests.Session", (*_HTTP_VERBS, "send"), "http", why="a requests Session waits for the response"),
    BlockingApi("urllib.request.urlopen", "http", ruff_codes=("ASYNC210",), why="urlopen connects and waits"),
    BlockingApi("urllib.request.urlretrieve", "http", why="downloads synchronously"),
    *_each("httpx", (*_HTTP_VERBS, "stream"), "http", ruff_codes=("ASYNC210",),
           why="httpx's module functions use a sync client"),
    *_each("httpx.Client", (*_HTTP_VERBS, "send", "stream"), "http", ruff_codes=("ASYNC212",),
           why="httpx.Client is the sync client"),
    # -- file --------------------------------------------------------------
    BlockingApi("builtins.open", "file", ruff_codes=("ASYNC230",), why="opening a file is a blocking syscall"),
    BlockingApi("io.open", "file", ruff_codes=("ASYNC230",), why="opening a file is a blocking syscall"),
    *_each("pathlib.Path", ("read_text", "read_bytes", "write_text", "write_bytes"), "file",
           ruff_codes=("ASYNC240",), why="reads or writes the whole file"),
    BlockingApi("pathlib.Path.open", "file", ruff_codes=("ASYNC230",), why="opening a file is a blocking syscall"),
    *_each("io.TextIOWrapper", ("read", "readline", "readlines", "write", "writelines", "flush"), "file",
           why="file object I/O"),
    # -- subprocess --------------------------------------------------------
    *_each("subprocess", ("run", "call", "check_call", "check_output", "getoutput", "getstatusoutput"),
           "subprocess", ruff_codes=("ASYNC221",), why="waits for the child process"),
    BlockingApi("subprocess.Popen", "subprocess", ruff_codes=("ASYNC220",), why="forks a process on the loop"),
    *_each("subprocess.Popen", ("wait", "communicate"), "subprocess", why="waits for the child process"),
    BlockingApi("os.system", "subprocess", ruff_codes=("ASYNC221",), why="waits for the shell command"),
    BlockingApi("os.popen", "subprocess", ruff_codes=("ASYNC220",), why="forks a shell on the loop"),
    # -- wait --------------------------------------------------------------
    BlockingApi("builtins.input", "wait", ruff_codes=("ASYNC250",), why="waits for a line on stdin"),
]

_RETURNS: list[Returns] = [
    Returns("requests.session", "requests.Session"),
    Returns("builtins.open", "io.TextIOWrapper"),
    Returns("io.open", "io.TextIOWrapper"),
    Returns("pathlib.Path.open", "io.TextIOWrapper"),
    Returns("pathlib.Path.home", "pathlib.Path"),
    Returns("pathlib.Path.cwd", "pathlib.Path"),
    *[Returns(f"pathlib.Path.{name}", "pathlib.Path")
      for name in ("parent", "with_name", "with_suffix", "with_stem", "joinpath", "absolute", "resolve",
                   "expanduser")],
]


@dataclass(frozen=True)
class Catalogue:
    """Lookup tables built from entries; immutable once built."""

    apis: dict[str, BlockingApi]
    returns: dict[str, str]
    #: Classes whose constructor call yields an instance of themselves.
    classes: frozenset[str]
    aliases: dict[str, str]

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
        found = self.apis.get(qualname)
        if found is None and "." in qualname:
            found = self.apis.get(qualname.rsplit(".", 1)[0] + ".*")
        return found

    def type_of_call(self, qualname: str) -> str | None:
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
        )


def build_catalogue(entries: list[BlockingApi], returns: list[Returns], aliases: list[Alias] = ()) -> Catalogue:  # type: ignore[assignment]
    apis = {entry.qualname: entry for entry in entries}
    # A method entry ``pkg.Class.method`` names a class ``pkg.Class``; a class is
    # recognised by its last dotted part starting with a capital letter.
    classes = {owner for q in apis for owner in [q.rsplit(".", 1)[0]] if owner.rsplit(".", 1)[-1][:1].isupper()}
    classes |= {r.type for r in returns}
    return Catalogue(
        apis=apis,
        returns={r.qualname: r.type for r in returns},
        classes=frozenset(classes),
        aliases={a.name: a.canonical for a in aliases},
    )


_ALIASES: list[Alias] = [
    Alias("requests.api", "requests"),
    Alias("requests.sessions.Session", "requests.Session"),
    Alias("requests.sessions.session", "requests.session"),
    Alias("pathlib.PosixPath", "pathlib.Path"),
    Alias("pathlib.WindowsPath", "pathlib.Path"),
]

BUILTIN = build_catalogue(_ENTRIES, _RETURNS, _ALIASES)
