"""The project index: modules by dotted name, parsed lazily, each once.

A blocking call is often several helpers away, in other modules. The index
maps dotted module names to files under the project's source roots and parses
a module (with ``ast``; libcst only for syntax newer than the running
Python, see :mod:`codemods.newer_syntax`) only when the analysis first needs it,
so a run touches the files with async code and what they actually call, not
the whole tree. It resolves a qualified name (``app.services.users.get_user``)
to the function or class it names, following re-exports.

Modules are looked up in the project's source roots (see :mod:`.roots`), then
in the sibling projects of a monorepo, then in the ``site-packages`` folders of
the project's environment: a library module is read (never imported) and
marked ``library``, so its functions are followed but never reported or fixed.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

from ..sourcefile import SourceError, decode
from .definitions import DefinedFunction
from .lazy_exports import lazy_export_candidates
from .modules import ModuleInfo, Symbol, build_module
from .names import qualified_name
from .roots import dotted_name, module_files, package_top, projects_in, source_roots

_MAX_REEXPORT_HOPS = 8
_NOT_SOURCES = frozenset({"node_modules", "build", "dist", "__pycache__", "site-packages", "venv"})


class ProjectIndex:
    """Lazily parsed modules of one project."""

    def __init__(self, project_root: Path, roots: list[Path] | None = None,
                 libraries: tuple[Path, ...] = (), described: frozenset[str] = frozenset()) -> None:
        self.root = project_root.resolve()
        self.explicit_roots = roots
        self._roots = [r.resolve() for r in (roots if roots is not None else source_roots(self.root))]
        self._walked = roots is not None
        #: Folders whose entries the walk listed (``_heads``).
        self._walked_folders: set[Path] = set()
        #: ``site-packages`` folders: looked in last, for what the project does not define.
        self.libraries = [r.resolve() for r in libraries]
        #: Top-level packages the catalogue describes: their source is never read.
        self.described = described
        self._seen_folders: set[Path] = set()
        self._heads: dict[str, list[Path]] | None = None
        self._workspace: list[Path] | None = None
        self._heads_in_roots: dict[tuple[str, int, int], list[Path]] = {}
        self._modules: dict[str, ModuleInfo | None] = {}
        #: Names a file read by its path took, not yet checked against what an import finds.
        self._unconfirmed: set[str] = set()
        self._given: dict[Path, ModuleInfo | None] = {}
        self._resolved: dict[str, Symbol | None] = {}
        self._resolving: set[str] = set()
        self._by_path: dict[Path, ModuleInfo | None] = {}
        #: id(function node) -> the module defining it.
        self._owner: dict[int, ModuleInfo] = {}
        #: id(function node) -> its definition.
        self._defined: dict[int, DefinedFunction] = {}
        #: Project files read for the analysis whose text does not parse, and why; taken by the
        #: pipeline after each task (:meth:`take_unparsable`), so each is reported once.
        self._unparsable: dict[Path, str] = {}
        #: While a library function's summary is worked out: the top-level names looked up
        #: (``<project>`` when the project's own code was read), see :mod:`.summaries`.
        self.heads_used: set[str] | None = None

    def owner(self, function: DefinedFunction) -> ModuleInfo | None:
        return self._owner.get(id(function.node))

    def file_of(self, node_id: int) -> Path | None:
        """The file defining the function node with this id (of a parsed module)."""
        info = self._owner.get(node_id)
        return info.path if info is not None else None

    def defined(self, node: ast.AST) -> DefinedFunction | None:
        """The definition of a function node of a parsed module (nested ones included)."""
        return self._defined.get(id(node))

    def _remember(self, info: ModuleInfo | None) -> ModuleInfo | None:
        if info is not None:
            for function in info.functions:
                self._owner[id(function.node)] = info
                self._defined[id(function.node)] = function
        return info

    # -- module names and files ---------------------------------------------------
    def module_name(self, path: Path) -> str:
        """Dotted name of a file: relative to ``src/`` when under it, else to the project root.

        A module of a regular package below the root (``backend/onyx/db.py`` with
        ``backend/onyx/__init__.py``) is named from the folder above its outermost package
        (``onyx.db``), as its imports name it: the same file must get the same name whether
        it was reached through an import or read by its path, or class names would depend on
        which came first.
        """
        resolved = path.resolve()
        top = package_top(resolved.parent, self.root)
        if top != resolved.parent and top not in (self.root, self.root / "src") and top.is_relative_to(self.root):
            return dotted_name(resolved, top)
        for root in (self.root / "src", self.root):
            if resolved.is_relative_to(root):
                return dotted_name(resolved, root)
        return self._outside_name(resolved)

    def _outside_name(self, resolved: Path) -> str:
        """A file outside the project read by its path (a sibling project's, found looking for
        subclasses): named as its import names it, from the folder above its outermost package
        or the deepest import root holding it, so that an import reaching it first or later
        gives it the same name (else a class there has two names, and calls on it resolve only
        in the workers that happened to import it first)."""
        top = package_top(resolved.parent, Path(resolved.anchor))
        holders = [root for root in self.roots() if resolved.is_relative_to(root)]
        base = top if top != resolved.parent else max(holders, key=lambda r: len(r.parts), default=None)
        return (dotted_name(resolved, base) if base is not None else "") or resolved.stem

    def _file_for(self, name: str) -> Path | None:
        relative = Path(*name.split("."))
        head = relative.parts[0]
        found = self._first_source(self._roots_holding(head, self.roots()), relative, inside=True)
        if found is not None:
            return found
        found = self._by_suffix(name)
        if found is not None or self.explicit_roots is not None:
            return found
        return self._first_source(self._roots_holding(head, self.workspace_roots()), relative) or self.library_file(name)

    def library_file(self, name: str) -> Path | None:
        """The source of an installed module (``.py`` only: an extension module has none)."""
        relative = Path(*name.split("."))
        if relative.parts[0] in self.described:
            return None
        return self._first_source(self._roots_holding(relative.parts[0], self.libraries), relative)

    def _first_source(self, roots: list[Path], relative: Path, inside: bool = False) -> Path | None:
        """The first file holding module ``relative`` under ``roots`` (``inside``: not through a
        symbolic link leading out of the project)."""
        for root in roots:
            for candidate in module_files(root, relative):
                if not inside or self._within_project(candidate):
                    return candidate
        return None

    def is_library(self, path: Path) -> bool:
        return any(path.is_relative_to(root) for root in self.libraries)

    def _roots_holding(self, head: str, roots: list[Path]) -> list[Path]:
        """The roots with a top-level ``head`` module or package, in order: a library name
        (``sqlalchemy.orm``) is looked up once per root, not once per dotted name."""
        key = (head, id(roots), len(roots))
        found = self._heads_in_roots.get(key)
        if found is None:
            # Folders the walk listed are answered from it; any other root (or a name the walk
            # skips, ``build``) is asked of the disk.
            skipped = head in _NOT_SOURCES or head.startswith(".")
            walked = set() if skipped else self._walked_folders
            holders = set(self._heads.get(head, ())) if self._heads else set()
            found = self._heads_in_roots[key] = [
                r for r in roots if r in holders or (r not in walked and (
                    (r / head).is_dir() or (r / f"{head}.py").is_file()))]
        return found

    def workspace_roots(self) -> list[Path]:
        """Import roots of the sibling projects of a monorepo (a uv/poetry workspace: one
        repository, ``packages/*/pyproject.toml``): a service imports the shared library
        next to it as the installed package it is at run time. Read as project code."""
        if self._workspace is None:
            top = self.root.parent
            while top.parent != top and not (top / ".git").exists():
                top = top.parent
            found = projects_in(top) if (top / ".git").exists() else []
            self._workspace = [root for root in found if root != self.root and root != self.root / "src"]
        return self._workspace

    def _within_project(self, candidate: Path) -> bool:
        """Never read through a symlink that leads outside the project."""
        return Path(os.path.realpath(candidate)).is_relative_to(self.root)

    def _by_suffix(self, name: str) -> Path | None:
        """A folder inside the project that is an import root of its own (an app run from
        ``backend/`` importing ``server.store``): used when exactly one folder fits. A name the
        catalogue describes (``fastapi``) is not taken from inside a package: ``import fastapi``
        in ``flet_web/fastapi/app.py`` is the library, not the subpackage beside it."""
        if self.explicit_roots is not None:
            return None
        head, *rest = name.split(".")
        matches = []
        for parent in self._folders_holding(head):
            if head in self.described and (parent / "__init__.py").is_file():
                continue
            matches += [c for c in module_files(parent, Path(head, *rest)) if self._within_project(c)]
        return matches[0] if len(matches) == 1 else None

    def _folders_holding(self, head: str) -> list[Path]:
        self._walk()
        return self._heads.get(head, []) if self._heads is not None else []

    def roots(self) -> list[Path]:
        """Import roots: the source roots, then the folder above the outermost package of every
        folder of the project holding Python files (as pytest and mypy find them), in a fixed
        order. Found in one walk before any module is looked up, so what an import finds never
        depends on which files this process happened to read first."""
        self._walk()
        return self._roots

    def _walk(self) -> None:
        """The one walk of the project: its import roots, and which folders hold each name."""
        if not self._walked:
            self._walked = True
            self._heads = {}
            tops: dict[Path, None] = {}
            for folder, dirnames, filenames in os.walk(self.root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in _NOT_SOURCES)
                here = Path(folder)
                self._walked_folders.add(here)
                modules = [f[:-3] for f in filenames if f.endswith(".py")]
                for entry in (*dirnames, *modules):
                    self._heads.setdefault(entry, []).append(here)
                if modules:
                    tops.setdefault(package_top(here, self.root) if "__init__.py" in filenames else here)
            self._roots += [top for top in tops if top not in self._roots]

    def _add_package_root(self, resolved: Path) -> None:
        """A file outside the project's walk (a text given on its own): the folder above its
        outermost package is an import root too."""
        folder = resolved.parent
        if self.explicit_roots is None and not folder.is_relative_to(self.root) and folder not in self._seen_folders:
            self._seen_folders.add(folder)
            top = package_top(folder, Path(folder.anchor))
            if top not in self.roots():
                self._roots.append(top)

    def cached(self, path: Path) -> ModuleInfo | None:
        return self._by_path.get(path.resolve())

    def given_texts(self) -> list[ModuleInfo]:
        """Modules registered with text whose file does not exist (a source analysed on its own)."""
        return [info for info in self._given.values() if info is not None]

    def add_text(self, path: Path, text: str, tree: ast.Module | None = None,
                 data: bytes | None = None) -> ModuleInfo | None:
        """Register a module whose text the caller already read (no second read); ``data``: the
        bytes it was decoded from, if the caller holds them (kept instead of a copy)."""
        resolved = path.resolve()
        if resolved in self._by_path:
            return self._by_path[resolved]
        self._add_package_root(resolved)
        info = self._remember(build_module(self.module_name(resolved), resolved, text, tree, self._failed, data))
        self._by_path[resolved] = info
        on_disk = resolved.is_file()
        if not on_disk:
            self._given[resolved] = info
        if info is not None and info.name not in self._modules:
            self._modules[info.name] = info
            if on_disk:
                self._unconfirmed.add(info.name)
        return info

    def _failed(self, path: Path, why: str) -> None:
        if not self.is_library(path):
            self._unparsable[path] = why

    def take_unparsable(self) -> dict[Path, str]:
        """The project files found not to parse since the last call: pass 1 checks the syntax
        only of files that may matter by their text, so a helper the analysis reads is
        reported when it is read."""
        taken, self._unparsable = self._unparsable, {}
        return taken

    def note_project_read(self) -> None:
        """An answer being summarised read the project's own code: it is not the library's alone."""
        if self.heads_used is not None:
            self.heads_used.add("<project>")

    def is_library_head(self, head: str) -> bool:
        """Whether ``site-packages`` holds a top-level module or package ``head``."""
        return bool(self._roots_holding(head, self.libraries))

    def module(self, name: str) -> ModuleInfo | None:
        info = self._module(name)
        if self.heads_used is not None:
            self.heads_used.add(name.partition(".")[0])
            if info is not None and not info.library:
                self.heads_used.add("<project>")
        return info

    def _module(self, name: str) -> ModuleInfo | None:
        if name in self._unconfirmed:
            # Two packages of one name in a project (services that each have an ``app``
            # package) give their files the same names. The file an import finds, by the order
            # of the roots, is the one the name means, whichever was read first by its path
            # (the first read used to keep it, so what ``from .db import X`` reached changed
            # with ``-j``). Checked when the name is first looked up, not for every file read.
            self._unconfirmed.discard(name)
            found, taken = self._file_for(name) if name else None, self._modules[name]
            if found is not None and taken is not None and found.resolve() != taken.path.resolve():
                del self._modules[name]
        if name in self._modules:
            return self._modules[name]
        path = self._file_for(name) if name else None
        info: ModuleInfo | None = None
        if path is not None:
            resolved = path.resolve()
            if resolved in self._by_path:
                info = self._by_path[resolved]
            else:
                try:
                    data = resolved.read_bytes()
                    text = decode(data).text
                except (OSError, SourceError):
                    text = None
                library = bool(self.libraries) and self.is_library(resolved)
                # One name per project file, however it was reached (see :meth:`module_name`).
                own = name if library or not resolved.is_relative_to(self.root) else self.module_name(resolved)
                failed = None if library else self._failed
                info = self._remember(build_module(own, resolved, text, failed=failed, data=data)) \
                    if text is not None else None
                if info is not None and library:
                    info.library = True
                self._by_path[resolved] = info
        self._modules[name] = info
        return info

    # -- symbols ---------------------------------------------------------------
    def resolve(self, qualname: str, hops: int = 0) -> Symbol | None:
        """The project function, class or module variable a dotted name refers to.

        Memoised per name; a name met again while it is being resolved (``x = pkg.x``, star
        imports that import each other) resolves to nothing.
        """
        if hops > _MAX_REEXPORT_HOPS or not qualname or qualname in self._resolving:
            return None
        if self.heads_used is not None:
            self.heads_used.add(qualname.partition(".")[0])
        if qualname in self._resolved:
            return self._resolved[qualname]
        self._resolving.add(qualname)
        try:
            found = None
            parts = qualname.split(".")
            for cut in range(len(parts) - 1, 0, -1):
                info = self.module(".".join(parts[:cut]))
                if info is not None:
                    found = self._inside(info, parts[cut:], hops)
                    break
        finally:
            self._resolving.discard(qualname)
        # Every answer is kept, also one found while other names were being resolved: star
        # imports of star imports otherwise search the same modules again and again.
        self._resolved[qualname] = found
        return found

    def _inside(self, info: ModuleInfo, rest: list[str], hops: int) -> Symbol | None:
        dotted = ".".join(rest)
        if dotted in info.by_qualname:
            return Symbol(info, "function", dotted, function=info.by_qualname[dotted])
        if dotted in info.classes:
            return Symbol(info, "class", dotted, node=info.classes[dotted])
        head = rest[0]
        bindings = info.scope.bindings.get(head)
        if not bindings:
            for star in info.scope.star_imports:  # ``from .impl import *`` re-exports
                found = self.resolve(".".join([star, *rest]), hops + 1)
                if found is not None:
                    return found
            for candidate in lazy_export_candidates(info, head):
                found = self.resolve(".".join([candidate, *rest[1:]]), hops + 1)
                if found is not None:
                    return found
            return None
        if len(rest) == 1 and [b.kind for b in bindings] == ["annotation", "value"]:
            return Symbol(info, "value", head, node=bindings[1].node, annotation=bindings[0].node)
        if len(rest) == 1 and len(bindings) > 1 and all(b.kind in {"value", "annotation"} for b in bindings):
            # ``client = None`` here, ``client = OpenAI()`` in a start-up function: every binding counts.
            return Symbol(info, "value", head, bindings=tuple(bindings))
        if len(bindings) != 1:
            return None
        binding = bindings[0]
        if binding.kind == "import":
            return self.resolve(".".join([binding.target, *rest[1:]]), hops + 1)
        if binding.kind == "value" and isinstance(binding.node, (ast.Name, ast.Attribute)):
            # ``load = decoder.load``: another name for a function or class of the project's.
            target = qualified_name(binding.node, info.scope)
            found = self.resolve(".".join([target, *rest[1:]]), hops + 1) if target else None
            if found is not None and found.kind in {"function", "class"}:
                return found
        if binding.kind == "value" and len(rest) == 1:
            return Symbol(info, "value", head, node=binding.node)
        if binding.kind == "unpack" and len(rest) == 1:
            return Symbol(info, "value", head, node=binding.node, index=int(binding.target))
        return None
