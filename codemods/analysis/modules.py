"""One parsed module: its tree, scope, functions and classes, and what a name in it is.

Built once per file (:func:`build_module`) and kept by the project index
(:mod:`.project`), which finds modules and resolves dotted names to the
:class:`Symbol` they name.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import newer_syntax
from .children import child_nodes
from .definitions import DefinedFunction, iter_functions
from .lazy_bodies import BodySource, unread_plain
from .scope import Binding, Scope, module_scope
from .slim_tree import slim


@dataclass
class ModuleInfo:
    """One parsed module: its tree, scope, functions and classes."""

    name: str
    path: Path
    tree: ast.Module
    scope: Scope
    is_package: bool
    functions: list[DefinedFunction]
    #: Function qualname inside the module (``Store.get``) -> definition.
    by_qualname: dict[str, DefinedFunction] = field(default_factory=dict)
    #: Class qualname inside the module (``Store``) -> definition.
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)
    #: The module's text as UTF-8 (see :func:`kept_source`): kept for every module the analysis
    #: reads, so as bytes, where a ``str`` of a file with one emoji costs four bytes a character.
    source: bytes = b""
    #: Read from the environment's ``site-packages``: followed into, never reported or rewritten.
    library: bool = False

    @property
    def text(self) -> str:
        """The module's text, decoded anew on each call: read for the lines of a remote fix site
        and for modules given as text, not for every module kept."""
        return self.source.decode("utf-8", "surrogatepass")

    def key(self, function: DefinedFunction) -> str:
        """A function's identity across modules and processes: file path + qualname."""
        return function_key(self.path, function.qualname)


@dataclass(frozen=True)
class Symbol:
    """What a qualified name resolves to inside the project."""

    module: ModuleInfo
    #: ``function``, ``class`` or ``value`` (a module-level variable).
    kind: str
    qualname: str
    function: DefinedFunction | None = None
    node: ast.AST | None = None
    #: A ``value`` unpacked from ``node``: element ``index`` (``args, store = build()``).
    index: int | None = None
    #: The annotation of a ``value`` declared with one (``STORES: dict[str, Store] = {...}``).
    annotation: ast.AST | None = None
    #: A ``value`` bound several ways (``client = None``, then ``global client; client = OpenAI()``).
    bindings: tuple[Binding, ...] = ()


def function_key(path: Path, qualname: str) -> str:
    return f"{path}:{qualname}"


def kept_source(text: str, data: bytes | None = None) -> bytes:
    """``text`` as UTF-8: ``data`` itself when it is exactly that (the bytes a file search read,
    kept once for both), else a copy. A large application keeps nearly all its modules, and
    their texts as ``str`` cost agno 46 MB beside the 21 MB of bytes the searches hold."""
    encoded = text.encode("utf-8", "surrogatepass")
    return data if data is not None and data == encoded else encoded


def build_module(name: str, path: Path, text: str, tree: ast.Module | None = None,
                 failed: Callable[[Path, str], None] | None = None, data: bytes | None = None) -> ModuleInfo | None:
    """The module's facts; ``None`` when its text does not parse (then ``failed`` hears why).
    ``data``: the bytes ``text`` was decoded from, kept instead of a copy when they are its UTF-8.
    ``tree``: the file's tree when the passes parsed it (its bodies are copied at once)."""
    given = tree is not None
    if tree is None:
        try:
            tree = newer_syntax.parse(text, filename=str(path))
        except newer_syntax.PARSE_ERRORS as error:
            if failed is not None:
                failed(path, newer_syntax.parse_failure(error))
            return None
    source = kept_source(text, data)
    # Kept for the whole analysis: less than half the memory. A module read for what another
    # needs (a subclass, a caller, an import) leaves its function bodies to be parsed when read:
    # a third of them never are (agno). A tree given is a file the passes analyse: all read.
    tree = slim(tree, None if given else BodySource(source))
    is_package = path.name == "__init__.py"
    scope = module_scope(tree, name, is_package)
    functions = list(iter_functions(tree.body, scope))
    info = ModuleInfo(name, path, tree, scope, is_package, functions, source=source)
    info.by_qualname = {f.qualname: f for f in functions}
    _collect_classes(tree.body, "", info.classes)
    _bind_globals(functions, scope)
    return info


def _bind_globals(functions: list[DefinedFunction], scope: Scope) -> None:
    """``global client; client = OpenAI()`` in a start-up function binds the module's ``client``
    too: what the name holds at request time is what any of its assignments put there, not
    only the ``client = None`` at the top."""
    for function in functions:
        if unread_plain(function.node):
            continue  # no ``global`` in its lines
        declared: set[str] = set()
        assignments: list[tuple[str, ast.expr]] = []
        stack: list[ast.AST] = list(function.node.body)
        while stack:
            node = stack.pop()
            if isinstance(node, ast.Global):
                declared.update(node.names)
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                assignments.append((node.targets[0].id, node.value))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                assignments.append((node.target.id, node.value))
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                stack.extend(c for c in child_nodes(node) if isinstance(c, (ast.stmt, ast.ExceptHandler, ast.match_case)))
        for name, value in assignments:
            if name in declared:
                scope.add(name, Binding("value", node=value, origin=function))


def _collect_classes(body: list[ast.stmt], prefix: str, out: dict[str, ast.ClassDef]) -> None:
    """Classes by qualname, also those defined inside functions (``setup.LoggingMiddleware``,
    named as :func:`.definitions.iter_functions` names their methods' owner)."""
    for node in body:
        if isinstance(node, ast.ClassDef):
            out[f"{prefix}{node.name}"] = node
            _collect_classes(node.body, f"{prefix}{node.name}.", out)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not unread_plain(node):
            _collect_classes(node.body, f"{prefix}{node.name}.", out)
        elif isinstance(node, (ast.If, ast.Try)):
            _collect_classes([*node.body, *node.orelse], prefix, out)
