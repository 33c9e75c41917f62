"""Entry points for callers that hold text or a folder, not a list of files.

:func:`analyse_source` analyses one file on its own; :func:`analyse_tree` a
folder as one project, in this process, without writing anything. Both are
what the tests and scripts use; the command line goes through
:mod:`codemods.runner`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .analysis.registry import merge
from .catalogue import BUILTIN, Catalogue
from .engine import ProjectAnalysis, might_need_analysis
from .models import FileResult, Settings, merged_fix_sites


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
    result = project.analyse(file_path, text, path, registry)
    if result.fix_sites:
        # An async helper of this file blocks for a function that awaits it: the fix goes there
        # (the runner's third pass, here within the one file).
        result = project.analyse(file_path, text, path, registry, forced=merged_fix_sites([result]))
    return result


def analyse_tree(root: Path, settings: Settings | None = None, catalogue: Catalogue = BUILTIN) -> list[FileResult]:
    """Analyse every ``.py`` file under ``root`` as one project rooted there (no writes).

    The same passes as the command line (in this process, one worker), with
    the built-in catalogue. Paths in the results are relative to ``root``, in
    POSIX form.
    """
    from .discovery import iter_python_files
    from .pipeline import analyse_files

    if catalogue is not BUILTIN:
        raise ValueError("analyse_tree uses the built-in catalogue; add entries with Settings.extra_blocking")
    resolved = root.resolve()
    paths = [p.resolve() for p in iter_python_files([root])]
    outcomes = analyse_files(paths, lambda _root: settings or Settings(), jobs=1, projects_of={resolved: paths})
    return [_relative_to(outcome.result, path.relative_to(resolved).as_posix()) for path, outcome in zip(paths, outcomes)]


def _relative_to(result: FileResult, shown: str) -> FileResult:
    """``result`` with its file named ``shown`` (the passes name files relative to the working folder)."""
    findings = tuple(replace(f, path=shown) for f in result.findings)
    error = replace(result.error, path=shown) if result.error is not None else None
    return replace(result, path=shown, findings=findings, error=error)
