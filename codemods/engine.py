"""The core: source text in, :class:`~codemods.models.FileResult` out.

Two passes over a project, both pure (nothing is written, nothing printed):

1. :meth:`ProjectAnalysis.registrations` reads a module and says which
   functions (of any module) it hands to FastAPI, and how;
2. :meth:`ProjectAnalysis.analyse` takes the merged registry, finds the
   async callables of a module that block (directly or through helpers),
   plans one fix each and, when a fix applies, rewrites the text with libcst.

:func:`analyse_source` runs both on a single file, for tests and callers
that have only a string.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from .analysis.blocking import BlockingAnalysis, DirectCall
from .analysis.callers import HINTS as CALLER_HINTS
from .analysis.callers import CallSite, collect_call_sites
from .analysis.definitions import DefinedFunction
from .analysis.fastapi_app import Registration, collect_registrations, merge
from .analysis.project import ModuleInfo, ProjectIndex, find_project_root, function_key
from .analysis.resolver import Resolver
from .catalogue import BUILTIN, BlockingApi, Catalogue
from .fixes.base import FixContext, Refusal
from .models import BlockingCall, FileError, FileResult, Finding, FixPlan, Kind, Settings, Strategy
from .planner import FIXES, plan_fix
from .rules import code_for, is_enabled
from .suppression import LineSuppression, comment_map
from .diffing import split_lines
from .transform import FileEdits, NodeEdit, TransformError, apply_edits


def might_need_analysis(text: str) -> bool:
    """The cheap text prefilter: no ``async`` means no async function to flag."""
    return "async" in text


def display_name(call: DirectCall) -> str:
    return call.name.removeprefix("builtins.")


class ProjectAnalysis:
    """Analysis state for one project in one process: index, resolver, memo."""

    def __init__(
        self,
        root: Path,
        settings: Settings | None = None,
        catalogue: Catalogue = BUILTIN,
        roots: list[Path] | None = None,
    ) -> None:
        self.settings = settings or Settings()
        if self.settings.extra_blocking:
            extra = [BlockingApi(name, category, why="configured in pyproject.toml")
                     for name, category in self.settings.extra_blocking]
            catalogue = catalogue.with_entries(extra)
        self.index = ProjectIndex(root, roots)
        self.resolver = Resolver(catalogue, self.index)
        self.blocking = BlockingAnalysis(self.resolver)

    def parse(self, path: Path, text: str) -> ModuleInfo | FileError:
        try:
            ast.parse(text, filename=str(path))
        except SyntaxError as error:
            where = f"line {error.lineno}: " if error.lineno else ""
            return FileError(str(path), f"syntax error, {where}{error.msg}")
        except (ValueError, MemoryError, RecursionError) as error:
            return FileError(str(path), f"cannot parse: {error}")
        info = self.index.add_text(path, text)
        return info if info is not None else FileError(str(path), "cannot parse")

    def registrations(self, path: Path, text: str) -> list[Registration]:
        info = self.parse(path, text)
        return collect_registrations(info, self.resolver) if isinstance(info, ModuleInfo) else []

    def call_sites(self, path: Path, text: str) -> list[CallSite]:
        """Calls of project async functions from other modules (pass 1)."""
        if not any(hint.decode() in text for hint in CALLER_HINTS):
            return []
        info = self.parse(path, text)
        return collect_call_sites(info, self.resolver) if isinstance(info, ModuleInfo) else []

    def analyse(
        self,
        path: Path,
        text: str,
        shown: str,
        registry: Mapping[str, Registration],
        callers: Mapping[str, tuple[str, ...]] | None = None,
    ) -> FileResult:
        if not might_need_analysis(text) and not self.settings.all_async:
            return FileResult(path=shown, old_text=text)
        info = self.parse(path, text)
        if isinstance(info, FileError):
            return FileResult(path=shown, old_text=text, error=FileError(shown, info.message))
        return _FileAnalysis(self, info, text, shown, registry, callers or {}).run()


class _FileAnalysis:
    def __init__(
        self,
        project: ProjectAnalysis,
        info: ModuleInfo,
        text: str,
        shown: str,
        registry: Mapping[str, Registration],
        callers: Mapping[str, tuple[str, ...]],
    ) -> None:
        self.callers = callers
        self.project = project
        self.settings = project.settings
        self.info = info
        self.text = text
        self.shown = shown
        self.registry = registry
        self._comments: dict[int, LineSuppression] | None = None
        self._lines: list[str] | None = None

    def run(self) -> FileResult:
        findings: list[Finding] = []
        edits = FileEdits()
        for defined in self.info.functions:
            if not defined.is_async:
                continue
            registration = self.registry.get(function_key(self.info.path, defined.qualname))
            if registration is None and not self.settings.all_async:
                continue
            finding = self.function(defined, registration, edits)
            if finding is not None:
                findings.append(finding)
        if not edits.nodes:
            return FileResult(path=self.shown, findings=tuple(findings), old_text=self.text)
        edits.spans.append(import_block_span(self.info.tree))
        try:
            new_text = apply_edits(self.text, edits, self.shown)
        except TransformError as error:
            unfixed = tuple(replace(f, fixed=False) for f in findings)
            return FileResult(self.shown, unfixed, self.text, error=FileError(self.shown, str(error)))
        return FileResult(path=self.shown, findings=tuple(findings), old_text=self.text, new_text=new_text)

    def function(
        self, defined: DefinedFunction, registration: Registration | None, edits: FileEdits
    ) -> Finding | None:
        node = defined.node
        kind = registration.kind if registration else Kind.OTHER
        settings = self.settings
        calls = [
            c for c in self.project.blocking.blocking_calls(defined)
            if is_enabled(code_for(c.api.category), settings.select, settings.ignore)
        ]
        if calls:
            calls = self.unsuppressed(calls, defined)
        if not calls:
            return None
        context = FixContext(
            function=node,
            scope=defined.scope,
            kind=kind,
            decorator_index=registration.decorator_index if registration else None,
            calls=tuple(calls),
            call_sites=_call_sites(self.info.tree, node.name),
            external_callers=self.callers.get(function_key(self.info.path, defined.qualname), ()),
            settings=settings,
            tree=self.info.tree,
            lines=self.lines,
            module=self.info,
            resolver=self.project.resolver,
        )
        plan = plan_fix(context)
        applies = plan.strategy is not Strategy.NONE and (plan.safe or settings.unsafe_fixes)
        if applies:
            before = len(edits.nodes)
            try:
                FIXES[plan.strategy].edit(context, edits)
            except Refusal as refusal:
                del edits.nodes[before:]
                plan = FixPlan(Strategy.NONE, False, str(refusal))
                applies = False
            else:
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                edits.spans.append((start, node.end_lineno or node.lineno))
        return _finding(self.shown, defined, kind, calls, plan, applies)

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    def unsuppressed(self, calls: list[DirectCall], defined: DefinedFunction) -> list[DirectCall]:
        if self._comments is None:
            self._comments = comment_map(self.text)
        comments = self._comments
        on_def = comments.get(defined.node.lineno, LineSuppression())
        kept = []
        for call in calls:
            codes = {code_for(call.api.category), *call.api.ruff_codes}
            lines = {call.node.lineno, call.node.end_lineno or call.node.lineno}
            # On the ``def`` line only our own comment counts: ruff reports on the call.
            if LineSuppression(unblock=on_def.unblock).silences(codes):
                continue
            if any(comments.get(line, LineSuppression()).silences(codes) for line in lines):
                continue
            kept.append(call)
        return kept


def import_block_span(tree: ast.Module) -> tuple[int, int]:
    """Lines where imports may be added or dropped: up to the end of the leading imports."""
    end = 0
    for index, statement in enumerate(tree.body):
        is_docstring = index == 0 and isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
        if is_docstring or isinstance(statement, (ast.Import, ast.ImportFrom)):
            end = statement.end_lineno or statement.lineno
            continue
        break
    return (1, end + 1)


def _call_sites(tree: ast.Module, name: str) -> tuple[int, ...]:
    return tuple(
        sorted(
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
        )
    )


def _finding(
    path: str, defined: DefinedFunction, kind: Kind, calls: list[DirectCall], plan: FixPlan, fixed: bool
) -> Finding:
    node = defined.node
    reported = tuple(
        BlockingCall(
            name=display_name(c), code=code_for(c.api.category), line=c.node.lineno,
            column=c.node.col_offset + 1, via=c.via,
        )
        for c in calls
    )
    names = ", ".join(dict.fromkeys(f"`{' -> '.join((*c.via, c.name))}`" for c in reported))
    label = kind.value.replace("_", " ") if kind is not Kind.OTHER else "function"
    message = f"async {label} `{defined.qualname}` blocks the event loop: it calls {names}"
    return Finding(
        path=path, line=node.lineno, column=node.col_offset + 1, function=defined.qualname, kind=kind,
        code=reported[0].code, message=message, calls=reported, fix=plan, fixed=fixed,
    )


def merge_call_sites(sites: list[CallSite], relative_to: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Function key -> ``path:line`` of each caller in another module."""
    merged: dict[str, list[str]] = {}
    for site in sites:
        path = site.path
        if relative_to is not None:
            try:
                path = Path(path).relative_to(relative_to.resolve()).as_posix()
            except ValueError:
                pass
        merged.setdefault(site.key, []).append(f"{path}:{site.line}")
    return {key: tuple(sorted(set(value))) for key, value in merged.items()}


def analyse_source(
    text: str,
    path: str,
    settings: Settings | None = None,
    catalogue: Catalogue = BUILTIN,
) -> FileResult:
    """Analyse one file on its own (its registrations and same-module helpers only)."""
    file_path = Path(path)
    project = ProjectAnalysis(file_path.parent, settings, catalogue, roots=[])
    if not might_need_analysis(text) and not project.settings.all_async:
        return FileResult(path=path, old_text=text)
    registry = merge(project.registrations(file_path, text))
    return project.analyse(file_path, text, path, registry)


def analyse_tree(root: Path, settings: Settings | None = None, catalogue: Catalogue = BUILTIN) -> list[FileResult]:
    """Analyse every ``.py`` file under ``root`` as one project rooted there (no writes).

    Paths in the results are relative to ``root``, in POSIX form.
    """
    from .discovery import iter_python_files
    from .sourcefile import SourceError, decode

    project = ProjectAnalysis(root, settings, catalogue)
    texts: dict[Path, str] = {}
    errors: list[FileResult] = []
    for path in iter_python_files([root]):
        shown = path.relative_to(root).as_posix()
        try:
            texts[path] = decode(path.read_bytes()).text
        except (OSError, SourceError) as error:
            errors.append(FileResult(shown, error=FileError(shown, str(error))))
    registry = merge([r for path, text in texts.items() for r in project.registrations(path, text)])
    callers = merge_call_sites([c for path, text in texts.items() for c in project.call_sites(path, text)], root)
    results = [
        project.analyse(path, text, path.relative_to(root).as_posix(), registry, callers)
        for path, text in texts.items()
    ]
    return results + errors
