"""The core: source text in, :class:`~codemods.models.FileResult` out.

Two passes over a project, both pure (nothing is written, nothing printed):

1. :meth:`ProjectAnalysis.registrations` reads a module and says which
   functions (of any module) it hands to FastAPI, and how;
2. :meth:`ProjectAnalysis.analyse` takes the merged registry, finds the
   async callables of a module that block (directly or through helpers),
   plans one fix each and, when a fix applies, rewrites the text with libcst.

:func:`analyse_source` and :func:`analyse_tree` (in :mod:`codemods.api`,
re-exported here) run both on a string or a folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from . import cache, newer_syntax
from .analysis.blocking import BlockingAnalysis
from .analysis.callers import Caller, CallerSites, callers_of
from .analysis.definitions import DefinedFunction
from .analysis.direct_calls import DirectCall
from .analysis.fastapi_app import collect_registrations
from .analysis.modules import ModuleInfo, function_key
from .analysis.project import ProjectIndex
from .analysis.registry import Registration
from .analysis.resolver import Resolver
from .analysis.summaries import LibrarySummaries
from .catalogue import BUILTIN, BlockingApi, Catalogue
from .config import (
    first_party_packages,
    force_single_line,
    force_sort_within_sections,
    formatter_line_length,
    own_package,
)
from .diffing import split_lines
from .findings import listed, make_finding, reported_calls
from .fixes.awaiting_callers import rewrite_callers
from .fixes.base import FixContext, Refusal
from .import_order import ImportStyle, import_block_span, imported_below
from .models import (
    FileError,
    FileResult,
    Finding,
    FixPlan,
    HeldCall,
    Kind,
    Settings,
    Strategy,
    call_text,
)
from .paths import display_path
from .planner import FIXES, plan_fix
from .planner import applies as fix_applies
from .rules import code_for, is_enabled
from .suppression import LineSuppression, comment_map, may_hold_suppression
from .transform import FileEdits, TransformError, apply_edits


def might_need_analysis(text: str) -> bool:
    """The cheap text prefilter: no ``async`` means no async function to flag."""
    return "async" in text


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
        self.index = ProjectIndex(root, roots, tuple(Path(p) for p in self.settings.libraries), catalogue.packages)
        self.resolver = Resolver(catalogue, self.index)
        self.blocking = BlockingAnalysis(self.resolver)
        if self.settings.libraries:
            load = cache.load_library_summaries if self.settings.library_summaries else None
            self.blocking.summaries = LibrarySummaries(tuple(Path(p) for p in self.settings.libraries), load)
        self.caller_sites = CallerSites(self.resolver, self.parse)
        self._answers_taken = 0

    def take_analysed(self) -> set[Path]:
        """The files whose functions this process has analysed since the last call: the pipeline
        sends later work on them here, where the answers are kept."""
        self._answers_taken, nodes = self.blocking.answered_since(self._answers_taken)
        return {path for node in set(nodes) if (path := self.index.file_of(node)) is not None}

    @cached_property
    def held_back(self) -> dict[tuple[str, str], frozenset[str]]:
        """``Settings.held_back`` by (path, function)."""
        by_function: dict[tuple[str, str], set[str]] = {}
        for path, function, text in self.settings.held_back:
            by_function.setdefault((path, function), set()).add(text)
        return {key: frozenset(texts) for key, texts in by_function.items()}

    @cached_property
    def line_length(self) -> int:
        return formatter_line_length(self.index.root)

    @cached_property
    def import_style(self) -> ImportStyle:
        root = self.index.root
        return ImportStyle(first_party_packages(root), force_single_line(root), self.line_length,
                           force_sort_within_sections(root))

    def parse(self, path: Path, text: str, data: bytes | None = None) -> ModuleInfo | FileError:
        """The module, parsed once per process (passes 1 to 3 share it); ``data``: the bytes
        ``text`` was decoded from, if at hand (the module keeps them instead of a copy)."""
        cached = self.index.cached(path)
        if cached is not None:
            return cached
        try:
            tree = newer_syntax.parse(text, filename=str(path))
        except newer_syntax.PARSE_ERRORS as error:
            return FileError(str(path), newer_syntax.parse_failure(error))
        info = self.index.add_text(path, text, tree, data)
        return info if info is not None else FileError(str(path), "cannot parse")

    def registrations(self, path: Path, text: str) -> list[Registration]:
        info = self.parse(path, text)
        return collect_registrations(info, self.resolver) if isinstance(info, ModuleInfo) else []

    def analyse(
        self,
        path: Path,
        text: str,
        shown: str,
        registry: Mapping[str, Registration],
        forced: Mapping[str, tuple[str, ...]] | None = None,
        *,
        rewrites: tuple[str, ...] = (),
        keep_async: Mapping[str, str] | None = None,
    ) -> FileResult:
        """Findings and fixes of one file.

        ``forced``: async helpers to fix on behalf of other files' functions;
        ``rewrites``: keys of functions (of other files) converted to ``def``
        whose calls here must change with them; ``keep_async``: function key ->
        why it may not become ``def`` (a caller elsewhere could not change).
        """
        if not might_need_analysis(text) and not self.settings.all_async and not rewrites:
            return FileResult(path=shown, old_text=text)
        info = self.parse(path, text)
        if isinstance(info, FileError):
            return FileResult(path=shown, old_text=text, error=FileError(shown, info.message),
                              caller_failures=rewrites)
        followed = len(self.blocking.library_functions)
        summaries = self.blocking.summaries
        kept, reused = (len(summaries.new), summaries.reused) if summaries is not None else (0, 0)
        analysis = _FileAnalysis(self, info, text, shown, registry, forced or {})
        result = analysis.run(rewrites, keep_async or {})
        if len(self.blocking.library_functions) > followed:
            result = replace(result, library_functions=tuple(list(self.blocking.library_functions)[followed:]))
        if summaries is not None and (len(summaries.new) > kept or summaries.reused > reused):
            result = replace(result, library_summaries=tuple(summaries.new[kept:]),
                             summaries_reused=summaries.reused - reused)
        return result

    def callers(self, defined: DefinedFunction, module: ModuleInfo) -> tuple[Caller, ...]:
        """Every use of ``defined`` in the project, looked up when a fix is planned for it: in
        the modules whose text holds its name, each walked once for all its calls."""
        return callers_of(defined, module, self.resolver, self.caller_sites.named(defined.node.name, module),
                          self.display)

    def display(self, path: Path) -> str:
        return display_path(path)


class _FileAnalysis:
    def __init__(
        self,
        project: ProjectAnalysis,
        info: ModuleInfo,
        text: str,
        shown: str,
        registry: Mapping[str, Registration],
        forced: Mapping[str, tuple[str, ...]],
    ) -> None:
        #: Async helpers to fix because registered functions block through them: key -> who.
        self.forced = forced
        self.requests: dict[tuple[str, str], None] = {}
        #: Calls of ``Settings.held_back`` the functions of this file still make.
        self.held: list[HeldCall] = []
        self.project = project
        self.settings = project.settings
        self.info = info
        self.text = text
        self.shown = shown
        self.registry = registry
        self._comments: dict[int, LineSuppression] | None = None
        #: Function key -> why it must stay async (set per run).
        self.keep_async: Mapping[str, str] = {}
        self._lines: list[str] | None = None

    def run(self, rewrites: tuple[str, ...] = (), keep_async: Mapping[str, str] | None = None) -> FileResult:
        self.keep_async = keep_async or {}
        findings: list[Finding] = []
        edits = FileEdits()
        checked = 0
        for defined in self.info.functions:
            if not defined.is_async:
                continue
            key = function_key(self.info.path, defined.qualname)
            registration = self.registry.get(key)
            if registration is None and not self.settings.all_async and key not in self.forced:
                continue
            checked += int(registration is not None or self.settings.all_async)
            finding = self.function(defined, registration, edits)
            if finding is not None:
                findings.append(finding)
        failed: tuple[str, ...] = ()
        if rewrites:
            failed = tuple(sorted(rewrite_callers(self.info, self.lines, self.project.resolver, rewrites, edits)))
        requests = tuple(self.requests)
        held = tuple(self.held)
        if not edits.nodes:
            return FileResult(self.shown, tuple(findings), self.text, fix_sites=requests, caller_failures=failed,
                              handlers_checked=checked, held_back=held)
        edits.import_span = import_block_span(self.info.tree)
        # Rewrites change function bodies only: the module-level imports below the block stay.
        edits.imports_below = imported_below(self.info.tree, edits.import_span[1])
        style = self.project.import_style
        edits.import_style = replace(style, first_party=style.first_party | own_package(self.info.path))
        edits.line_length = self.project.line_length
        try:
            new_text = apply_edits(self.text, edits, self.shown)
        except TransformError as error:
            unfixed = tuple(replace(f, fixed=False) for f in findings)
            return FileResult(self.shown, unfixed, self.text, error=FileError(self.shown, str(error)),
                              fix_sites=requests, caller_failures=rewrites,
                              handlers_checked=checked, held_back=held)
        return FileResult(self.shown, tuple(findings), self.text, new_text=new_text, fix_sites=requests,
                          caller_requests=tuple(sorted(edits.caller_requests)), caller_failures=failed,
                          handlers_checked=checked, held_back=held)

    def reported(self, found: list[DirectCall], defined: DefinedFunction) -> list[DirectCall]:
        """The blocking calls ``defined`` makes (``found``) that its finding reports: rules selected, not silenced."""
        settings = self.settings
        calls = [c for c in found if is_enabled(code_for(c.api.category), settings.select, settings.ignore)]
        return self.unsuppressed(calls, defined) if calls else []

    def function(
        self, defined: DefinedFunction, registration: Registration | None, edits: FileEdits
    ) -> Finding | None:
        kind = registration.kind if registration else Kind.OTHER
        found = self.project.blocking.blocking_calls(defined)
        calls = self.reported(found, defined)
        recorded = self.recorded(defined, found)
        if not calls:
            return None
        local = [c for c in calls if c.fix_site is None]
        remote = [c for c in calls if c.fix_site is not None]
        label = f"{kind.value.replace('_', ' ') if kind is not Kind.OTHER else 'function'} `{defined.qualname}`"
        for call in remote:
            site = call.fix_site
            assert site is not None
            owner = self.project.index.owner(site)
            if owner is not None:
                self.requests[(function_key(owner.path, site.qualname), f"{self.shown}:{defined.node.lineno} {label}")] = None
        if recorded and {call_text(c) for c in reported_calls(calls)} <= recorded:
            return None  # held back (after asking for its helpers' fix sites: they are checked on their own)
        if local:
            context = self.context(defined, kind, registration, local, self.info, self.lines)
            plan, applies = self.plan_and_edit(context, defined, edits)
            if remote:
                plan = replace(plan, reason=plan.reason + "; " + self.remote_reason(remote))
        else:
            plan, applies = self.site_plan(remote[0])
        return make_finding(self.shown, defined, kind, calls, plan, applies, self.forced.get(
            function_key(self.info.path, defined.qualname)))

    def recorded(self, defined: DefinedFunction, found: list[DirectCall]) -> frozenset[str]:
        """The held-back calls of ``defined``; those it still makes (``found``, whatever the selected
        rules) are noted, so a baseline entry whose calls are gone can be reported as stale."""
        recorded = self.project.held_back.get((str(self.info.path), defined.qualname), frozenset())
        if recorded:
            present = dict.fromkeys(call_text(c) for c in reported_calls(self.unsuppressed(found, defined)))
            self.held += [(str(self.info.path), defined.qualname, text) for text in present if text in recorded]
        return recorded

    def remote_reason(self, remote: list[DirectCall]) -> str:
        sites = []
        for call in remote:
            site = call.fix_site
            owner = self.project.index.owner(site) if site is not None else None
            if site is not None and owner is not None:
                where = f"`{site.qualname}` ({self.project.display(owner.path)}:{site.node.lineno})"
                if where not in sites:
                    sites.append(where)
        return "fixed in " + listed(sites) + ", where the blocking call runs on the loop"

    def site_plan(self, call: DirectCall) -> tuple[FixPlan, bool]:
        """The plan for the async helper where a remote blocking call lives."""
        site = call.fix_site
        owner = self.project.index.owner(site) if site is not None else None
        if site is None or owner is None:
            return FixPlan(Strategy.NONE, False, "the blocking helper is outside the analysed files"), False
        key = function_key(owner.path, site.qualname)
        registration = self.registry.get(key)
        kind = registration.kind if registration else Kind.OTHER
        local = [c for c in self.project.blocking.blocking_calls(site) if c.fix_site is None]
        context = self.context(site, kind, registration, local, owner, split_lines(owner.text))
        plan = plan_fix(context)
        applies = fix_applies(plan, self.settings)
        return replace(plan, reason=self.remote_reason([call]) + ": " + plan.reason), applies

    def context(
        self,
        defined: DefinedFunction,
        kind: Kind,
        registration: Registration | None,
        calls: list[DirectCall],
        module: ModuleInfo,
        lines: list[str],
    ) -> FixContext:
        node = defined.node
        return FixContext(
            function=node,
            scope=defined.scope,
            kind=kind,
            decorator_index=registration.decorator_index if registration else None,
            calls=tuple(calls),
            callers=self.project.callers(defined, module),
            settings=self.settings,
            tree=module.tree,
            lines=lines,
            module=module,
            resolver=self.project.resolver,
            keep_async=self.keep_async.get(function_key(module.path, defined.qualname)),
        )

    def plan_and_edit(self, context: FixContext, defined: DefinedFunction, edits: FileEdits) -> tuple[FixPlan, bool]:
        node = defined.node
        plan = plan_fix(context)
        applies = fix_applies(plan, self.settings)
        if not applies:
            return plan, False
        before = len(edits.nodes)
        try:
            FIXES[plan.strategy].edit(context, edits)
        except Refusal as refusal:
            del edits.nodes[before:]
            return FixPlan(Strategy.NONE, False, str(refusal)), False
        start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        edits.spans.append((start, node.end_lineno or node.lineno))
        return plan, True

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    def unsuppressed(self, calls: list[DirectCall], defined: DefinedFunction) -> list[DirectCall]:
        lines = {defined.node.lineno} | {n for c in calls for n in (c.node.lineno, c.node.end_lineno or c.node.lineno)}
        if not any(may_hold_suppression(self.lines[n - 1]) for n in lines if 0 < n <= len(self.lines)):
            return calls  # no suppression comment can be there: skip tokenizing the file
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
