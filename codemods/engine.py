"""The pure core: source text in, :class:`~codemods.models.FileResult` out.

analyse (``ast``) -> plan one fix per finding -> transform (libcst, only when a
fix applies). No file is read or written here and nothing is printed, so the
same function serves the CLI, the tests and worker processes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import replace

from .analysis.blocking import DirectCall, direct_blocking_calls
from .analysis.fastapi_app import DefinedFunction, find_registrations, iter_functions
from .analysis.scope import module_scope
from .catalogue import BUILTIN, Catalogue
from .fixes.base import FixContext
from .models import BlockingCall, FileError, FileResult, Finding, FixPlan, Kind, Settings, Strategy
from .planner import FIXES, plan_fix
from .rules import code_for, is_enabled
from .suppression import LineSuppression, comment_map
from .transform import Edit, TransformError, apply_edits


def might_need_analysis(text: str, settings: Settings) -> bool:
    """The cheap text prefilter: no ``async`` means no async function to flag."""
    return "async" in text


def analyse_source(
    text: str,
    path: str,
    settings: Settings | None = None,
    catalogue: Catalogue = BUILTIN,
    module: str = "",
) -> FileResult:
    settings = settings or Settings()
    if not might_need_analysis(text, settings):
        return FileResult(path=path, old_text=text)
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as error:
        where = f"line {error.lineno}: " if error.lineno else ""
        return FileResult(path=path, old_text=text, error=FileError(path, f"syntax error, {where}{error.msg}"))
    except (ValueError, MemoryError, RecursionError) as error:
        return FileResult(path=path, old_text=text, error=FileError(path, f"cannot parse: {error}"))

    scope = module_scope(tree, module)
    functions = list(iter_functions(tree.body, scope))
    registered = {id(r.function): r for r in find_registrations(tree, scope, functions)}
    comments: dict[int, LineSuppression] | None = None
    findings: list[Finding] = []
    edits: list[Edit] = []
    for defined in functions:
        node = defined.node
        if not isinstance(node, ast.AsyncFunctionDef):
            continue
        registration = registered.get(id(node))
        if registration is None and not settings.all_async:
            continue
        kind = registration.kind if registration else Kind.OTHER
        calls = [c for c in direct_blocking_calls(node.body, defined.scope, catalogue)
                 if is_enabled(code_for(c.api.category), settings.select, settings.ignore)]
        if not calls:
            continue
        if comments is None:
            comments = comment_map(text)
        calls = _unsuppressed(calls, node, comments)
        if not calls:
            continue
        context = FixContext(
            function=node,
            scope=defined.scope,
            kind=kind,
            decorator_index=registration.decorator_index if registration else None,
            calls=tuple(calls),
            call_sites=_call_sites(tree, node.name),
            settings=settings,
            tree=tree,
        )
        plan = plan_fix(context)
        applies = plan.strategy is not Strategy.NONE and (plan.safe or settings.unsafe_fixes)
        findings.append(_finding(path, defined, kind, calls, plan, applies))
        if applies:
            fix = FIXES[plan.strategy]
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            edits.append(Edit(node.lineno, node.name, fix.rewrite, (start, node.end_lineno or node.lineno)))

    if not edits:
        return FileResult(path=path, findings=tuple(findings), old_text=text)
    try:
        new_text = apply_edits(text, edits, path)
    except TransformError as error:
        unfixed = tuple(_with_fixed(f, False) for f in findings)
        return FileResult(path=path, findings=unfixed, old_text=text, error=FileError(path, str(error)))
    return FileResult(path=path, findings=tuple(findings), old_text=text, new_text=new_text)


def _unsuppressed(
    calls: list[DirectCall], node: ast.AsyncFunctionDef, comments: dict[int, LineSuppression]
) -> list[DirectCall]:
    on_def = comments.get(node.lineno, LineSuppression())
    kept = []
    for call in calls:
        codes = {code_for(call.api.category), *call.api.ruff_codes}
        lines = {call.node.lineno, call.node.end_lineno or call.node.lineno}
        # On the ``def`` line only our own comment counts: ruff reports on the call.
        silenced = LineSuppression(unblock=on_def.unblock).silences(codes)
        if silenced or any(comments.get(line, LineSuppression()).silences(codes) for line in lines):
            continue
        kept.append(call)
    return kept


def _call_sites(tree: ast.Module, name: str) -> tuple[int, ...]:
    return tuple(
        sorted(
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
        )
    )


def _finding(
    path: str, defined: DefinedFunction, kind: Kind, calls: Iterable[DirectCall], plan: FixPlan, fixed: bool
) -> Finding:
    node = defined.node
    reported = tuple(
        BlockingCall(name=c.name, code=code_for(c.api.category), line=c.node.lineno, column=c.node.col_offset + 1)
        for c in calls
    )
    first = reported[0]
    names = ", ".join(dict.fromkeys(f"`{c.name}`" for c in reported))
    label = kind.value.replace("_", " ") if kind is not Kind.OTHER else "function"
    message = f"async {label} `{defined.qualname}` blocks the event loop: it calls {names}"
    return Finding(
        path=path,
        line=node.lineno,
        column=node.col_offset + 1,
        function=defined.qualname,
        kind=kind,
        code=first.code,
        message=message,
        calls=reported,
        fix=plan,
        fixed=fixed,
    )


def _with_fixed(finding: Finding, fixed: bool) -> Finding:
    return replace(finding, fixed=fixed)
