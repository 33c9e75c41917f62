"""Abstract methods and the project classes that implement them.

``store.registry.list_projects()`` where ``registry`` is typed as an abstract
base (an ABC, a ``Protocol``, or a base whose method only raises
``NotImplementedError``): what runs is one of the project's concrete
subclasses. The call is resolved to every implementation the project defines;
:mod:`.blocking` reports it when every implementation blocks (a store with one
async backend among sync ones is not reported) and names them.

Subclasses are found without parsing the whole project: one pass over the
project's files with a byte search for ``class X(...)`` lists, per base name,
the files that may subclass it; only those are parsed. The files that call
something of a given name (:mod:`.arguments` finds a function's callers that
way) are found by a byte search, once per name, through an index of the
files' words once a project has asked for many names.
"""

from __future__ import annotations

import ast
import bisect
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .body_memo import once_per_body
from .definitions import DefinedFunction, decorator_names, generic_origin
from .lazy_bodies import peek_body, walk_naming
from .modules import ModuleInfo
from .project import ProjectIndex
from .text_search import TextSearch, WordIndex, bytes_or_nothing, whole

if TYPE_CHECKING:
    from .classes import ClassMembers

_CLASS = re.compile(rb"^[ \t]*class[ \t]+\w+[ \t]*\(([^)]*)\)", re.MULTILINE)
_NAME = re.compile(rb"([A-Za-z_]\w*)[ \t]*(?:\[|,|\)|$|=|\s)")
#: `` as NAME`` of an import alias, found by its literal `` as `` (a pattern that starts with
#: ``\w+`` is tried at every position of every file, and doubled the scan of a large tree).
_AS_NAME = re.compile(rb"[ \t]as[ \t]+(\w+)")
_LAST_WORD = re.compile(rb"(\w+)[ \t]*\Z")
_SKIPPED = frozenset({"node_modules", "build", "dist", "__pycache__", "site-packages", "venv", "tests", "test"})
_MAX_IMPLEMENTATIONS = 8
_MAX_LEVELS = 4


def is_abstract(function: DefinedFunction) -> bool:
    """A method with no behaviour of its own: ``@abstractmethod``, or a body that is only a
    docstring, ``pass``, ``...`` or ``raise NotImplementedError``."""
    if decorator_names(function.node) & {"abstractmethod", "abstractproperty"}:
        return True
    return once_per_body("abstract", function.node, lambda: _does_nothing(peek_body(function.node)))


def _does_nothing(statements: list[ast.stmt]) -> bool:
    """Only a docstring, ``pass``, ``...`` or ``raise NotImplementedError``."""
    body = list(statements)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if not body:
        return True
    if len(body) != 1:
        return False
    statement = body[0]
    if isinstance(statement, ast.Pass) or (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
                                           and statement.value.value is Ellipsis):
        return True
    if isinstance(statement, ast.Raise) and statement.exc is not None:
        raised = statement.exc.func if isinstance(statement.exc, ast.Call) else statement.exc
        return isinstance(raised, ast.Name) and raised.id == "NotImplementedError"
    return False


def is_protocol(node: ast.ClassDef) -> bool:
    return any((b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "")) == "Protocol" for b in node.bases)


class Hierarchy:
    """Project subclasses of project classes, found on demand."""

    def __init__(self, index: ProjectIndex) -> None:
        self.index = index
        self._by_base: dict[str, list[Path]] | None = None
        self._by_base_outside: dict[str, list[Path]] | None = None
        self._by_call: dict[str, list[int]] = {}
        self._paths: list[Path] = []
        #: The bytes of each of ``_paths``, read once by the first scan: the text searches of a
        #: run ask for hundreds of words, and reading every file again for each cost seconds.
        self._texts: list[bytes] = []
        self._bytes_by_path: dict[Path, bytes] | None = None
        self._memo: dict[str, list[str]] = {}
        self._defaults: dict[str, bool] = {}
        self._calling: dict[frozenset[str], frozenset[str]] = {}
        self._search: TextSearch | None = None
        #: The words of the project's files, shared with the caller search (:mod:`.callers`).
        self.words = WordIndex()
        #: The Python files of the sibling projects of a workspace, and their bytes.
        self._outside: tuple[list[Path], list[bytes]] = ([], [])
        self._search_outside: TextSearch | None = None

    def modules_calling(self, word: str) -> list[ModuleInfo]:
        """The project's modules whose text calls something named ``word`` (parsed on demand).

        A byte search per word over the bytes the first scan read, remembered
        per word: most projects ask for a few dozen words, and indexing every call of every
        file up front cost more than all of them.
        """
        found = self.modules_containing(f"{word}(")
        if word[:1].isupper():  # ``Executor[Model](...)``: a generic class made with its type arguments
            known = {id(info) for info in found}
            found += [info for info in self.modules_containing(f"{word}[") if id(info) not in known]
        return found

    def modules_containing(self, text: str) -> list[ModuleInfo]:
        """The project's modules whose source holds ``text``, its words whole (parsed on demand)."""
        self.index.note_project_read()
        if text not in self._by_call:
            self._files_by_base()
            self._by_call[text] = self._files_holding(text.encode())
        found = []
        for number in self._by_call[text]:
            info = self._parsed(self._paths[number], self._texts[number])
            if info is not None:
                found.append(info)
        # A module given as text (``analyse_source``) is not among the files on disk.
        given = self.index.given_texts()
        if given:
            pattern = whole(text.encode())
            found += [info for info in given if pattern.search(info.source) and info not in found]
        return found

    def _files_holding(self, needle: bytes) -> list[int]:
        """The numbers of the scanned files that hold ``needle``, its words whole."""
        if self._search is None:
            self._search = TextSearch(self._paths, self._texts, index=self.words)
        return self._search.holding(needle)

    def named_as_default(self, class_name: str) -> bool:
        """Whether the project names the class in a default setting: ``graph_storage: str =
        field(default="NetworkXStorage")``, ``backend="NetworkXStorage"`` as a parameter's default,
        ``os.getenv("GRAPH_STORAGE", "NetworkXStorage")``, or by its dotted path
        (``api_impl: str = "pkg.api.rust.RustBindingsAPI"``). A backend chosen by name runs
        that one unless configured otherwise."""
        self.index.note_project_read()
        if class_name not in self._defaults:
            modules = [*self.modules_containing(f'"{class_name}"'), *self.modules_containing(f"'{class_name}'"),
                       *self.modules_containing(f'.{class_name}"'), *self.modules_containing(f".{class_name}'"),
                       *self.modules_containing(f", {class_name})")]
            self._defaults[class_name] = any(_defaults_to(info.tree, class_name) for info in modules)
        return self._defaults[class_name]

    def functions_calling(self, words: frozenset[str]) -> frozenset[str]:
        """Names of the project's functions whose code may call one of ``words`` (by the
        callee's last name; a nested function's call counts for the functions around it too).

        A cheap test that spares resolving the calls that cannot reach one, so a superset is
        fine: it is read from the text, without parsing (every worker asks it once, and
        parsing every module that mentions ``create_task`` cost a second on a large project).
        """
        if words not in self._calling:
            self.index.note_project_read()
            self._files_by_base()
            pattern = re.compile(rb"\b(?:" + b"|".join(re.escape(w.encode()) for w in sorted(words)) + rb")\s*\(")
            needles = [w.encode() for w in words]
            texts = [data for data in self._texts if any(n in data for n in needles)]
            texts += [info.source for info in self.index.given_texts()]
            self._calling[words] = frozenset(name for data in texts for name in _enclosing_defs(data, pattern))
        return self._calling[words]

    def _files_by_base(self) -> dict[str, list[Path]]:
        """One pass over the project's files: who may subclass what."""
        if self._by_base is None:
            self._by_base = {}
            _scan(self.index.root, self._by_base, self._paths, self._texts)
        return self._by_base

    def file_bytes(self, path: Path) -> bytes:
        """A file's bytes, the very object the scan read if it has run (the caller search reads
        the same files: a second copy of a large project's text cost 20 MB); no scan is made for it."""
        if self._bytes_by_path is None and self._by_base is not None:
            self._bytes_by_path = dict(zip(self._paths, self._texts))
        found = self._bytes_by_path.get(path) if self._bytes_by_path is not None else None
        return found if found is not None else bytes_or_nothing(path)

    def _files_by_base_outside(self) -> dict[str, list[Path]]:
        """The same over the sibling projects of a monorepo, for a base class defined there."""
        if self._by_base_outside is None:
            self._by_base_outside = {}
            for root in self.index.workspace_roots():
                _scan(root, self._by_base_outside, *self._outside)
        return self._by_base_outside

    def modules_outside_calling(self, word: str) -> list[ModuleInfo]:
        """The modules of the sibling projects of a workspace whose text calls ``word``: a shared
        package's app factory, ``make_app(lifespan=lifespan)``, is called by the service next to
        it, which says what runs there (parsed on demand)."""
        self._files_by_base_outside()
        if self._search_outside is None:
            self._search_outside = TextSearch(*self._outside)
        found: dict[Path, ModuleInfo] = {}
        for number in self._search_outside.holding(f"{word}(".encode()):
            path = self._outside[0][number]
            if path in found or path.is_relative_to(self.index.root):
                continue  # a workspace's root project holds the others, this one included
            info = self._parsed(path, self._outside[1][number])
            if info is not None:
                found[path] = info
        return list(found.values())

    def _parsed(self, path: Path, data: bytes) -> ModuleInfo | None:
        """The module of a scanned file, parsed from the bytes the scan read (once per run)."""
        return self.index.cached(path) or self.index.add_text(path, data.decode("utf-8", errors="replace"), data=data)

    def subclasses(self, class_name: str, resolver: ClassMembers) -> list[str]:
        """Qualified names of the project classes deriving from ``class_name``, at any depth."""
        self.index.note_project_read()
        if class_name in self._memo:
            return self._memo[class_name]
        self._memo[class_name] = []  # a cycle finds nothing more
        found: list[str] = []
        simple = class_name.rsplit(".", 1)[-1]
        candidates = self._files_by_base().get(simple, [])
        symbol = resolver.project_symbol(class_name)
        inside = symbol is None or symbol.module.path.is_relative_to(self.index.root)
        if not inside:
            candidates = [*candidates, *self._files_by_base_outside().get(simple, [])]
        self._add_subclasses(candidates, class_name, resolver, found)
        if not found and inside and symbol is not None and isinstance(symbol.node, ast.ClassDef) \
                and declares_abstract(symbol.node):
            # An interface no class of its own project implements: a workspace package's API
            # class, implemented by the plugin packages next to it (jupyverse's ``Kernels``).
            self._add_subclasses(self._files_by_base_outside().get(simple, []), class_name, resolver, found)
        deeper = [d for sub in found for d in self.subclasses(sub, resolver)]
        result = found + [d for d in deeper if d not in found]
        self._memo[class_name] = result
        return result

    def _add_subclasses(self, candidates: list[Path], class_name: str, resolver: ClassMembers,
                        found: list[str]) -> None:
        for path in dict.fromkeys(candidates):
            info = self.index.cached(path)
            if info is None:
                data = self.file_bytes(path)
                info = self.index.add_text(path, data.decode("utf-8", errors="replace"), data=data)
            if info is not None:
                found += [sub for sub in _direct_subclasses(info, class_name, resolver) if sub not in found]


def _scan(root: Path, by_base: dict[str, list[Path]], paths: list[Path], texts: list[bytes]) -> None:
    """List a tree's Python files (``texts``: their bytes), and for each base class name the files
    that may subclass it."""
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in _SKIPPED]
        for filename in filenames:
            if not filename.endswith(".py"):
                continue
            path = Path(folder, filename)
            if not path.is_file():  # a FIFO named like a module would block the read forever
                continue
            if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(root):
                continue  # never read through a link that leads outside the project
            paths.append(path)
            data = bytes_or_nothing(path)
            texts.append(data)
            if b"class" not in data:
                continue
            named = {name for bases in _CLASS.findall(data) for name in _NAME.findall(bases + b")")}
            for name in named | _aliased(data, named):
                by_base.setdefault(name.decode(), []).append(path)


def _aliased(data: bytes, names: set[bytes]) -> set[bytes]:
    """The originals of the ``names`` a file imports under another name: ``from .factory import
    ModelMappedFactory as ObjectFactory``, then ``class DB(ObjectFactory)``, derives from
    ``ModelMappedFactory``."""
    found: set[bytes] = set()
    for alias in _AS_NAME.finditer(data):
        if alias.group(1) in names:
            original = _LAST_WORD.search(data, max(0, alias.start() - 200), alias.start() + 1)
            if original is not None:
                found.add(original.group(1))
    return found


_DEF = re.compile(rb"^([ \t]*)(?:async[ \t]+)?def[ \t]+(\w+)", re.MULTILINE)


def _enclosing_defs(data: bytes, pattern: re.Pattern[bytes]) -> set[str]:
    """Names of the ``def`` lines that enclose a match of ``pattern``, read by indentation
    (every less-indented ``def`` above it, up to the module's level)."""
    defs = [(m.start(), len(m.group(1).expandtabs()), m.group(2).decode()) for m in _DEF.finditer(data)]
    starts = [start for start, _indent, _name in defs]
    names: set[str] = set()
    for match in pattern.finditer(data):
        line_start = data.rfind(b"\n", 0, match.start()) + 1
        line = data[line_start:match.start()]
        indent = len(line) - len(line.lstrip(b" \t"))
        position = bisect.bisect_right(starts, match.start()) - 1
        while position >= 0 and indent > 0:
            _start, def_indent, name = defs[position]
            if def_indent < indent:
                names.add(name)
                indent = def_indent
            position -= 1
    return names



def _direct_subclasses(info: ModuleInfo, class_name: str, resolver: ClassMembers) -> list[str]:
    found = []
    simple = class_name.rsplit(".", 1)[-1]
    for qualname, node in info.classes.items():
        for base in node.bases:
            named = resolver.qualified(generic_origin(base), info.scope)
            if named == class_name or named is not None and named.rsplit(".", 1)[-1] == simple \
                    and _defined_as(named, resolver) == class_name:  # ``from pkg import Lab``, re-exported
                found.append(f"{info.name}.{qualname}")
    return found


def _defined_as(name: str, resolver: ClassMembers) -> str | None:
    """Where a re-exported class is defined: ``pkg.Lab`` of ``from .lab import Lab as Lab`` is ``pkg.lab.Lab``."""
    symbol = resolver.project_symbol(name)
    return f"{symbol.module.name}.{symbol.qualname}" if symbol is not None and symbol.kind == "class" else None


def declares_abstract(node: ast.ClassDef) -> bool:
    """A class with ``@abstractmethod`` members: never the object itself, always a subclass."""
    return any(isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
               and decorator_names(s) & {"abstractmethod", "abstractproperty"} for s in node.body)


def implementations(resolver: ClassMembers, owner: str, attr: str) -> list[tuple[DefinedFunction, ModuleInfo]]:
    """The concrete methods ``attr`` of the project's subclasses of ``owner`` (closest first)."""
    found: list[tuple[DefinedFunction, ModuleInfo]] = []
    for subclass in resolver.hierarchy.subclasses(owner, resolver):
        for module, class_qualname, _node in resolver.class_chain(subclass)[:_MAX_LEVELS]:
            function = module.by_qualname.get(f"{class_qualname}.{attr}")
            if function is None:
                continue
            if not is_abstract(function) and all(f.node is not function.node for f, _m in found):
                found.append((function, module))
            break
        if len(found) >= _MAX_IMPLEMENTATIONS:
            break
    return found


_ENVIRONMENT_READS = frozenset({"getenv", "get"})


def _defaults_to(tree: ast.Module, value: str) -> bool:
    """A default setting in ``tree`` whose value is the string ``value`` (or, for a lookup
    ``registry.get(key, Cls)``, the class itself)."""
    for node in walk_naming(tree, value):  # every match names ``value``
        candidates: list[ast.expr | None]
        if isinstance(node, ast.Call):
            candidates = [k.value for k in node.keywords if k.arg == "default"]  # ``field(default=...)``
            callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if callee in _ENVIRONMENT_READS and len(node.args) == 2:
                candidates.append(node.args[1])  # ``os.getenv("X", ...)``
                fallback = node.args[1]
                # ``PARSERS.get(name, NLPParser)``: the class a registry lookup falls back to.
                if callee == "get" and (getattr(fallback, "id", None) == value or getattr(fallback, "attr", None) == value):
                    return True
        elif isinstance(node, ast.AnnAssign):
            candidates = [node.value]  # ``graph_storage: str = ...`` in a class body
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            candidates = [*node.args.defaults, *node.args.kw_defaults]
        else:
            continue
        if any(isinstance(c, ast.Constant) and isinstance(c.value, str)
               and (c.value == value or c.value.endswith(f".{value}")) for c in candidates):
            return True
    return False
