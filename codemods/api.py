"""Entry points for callers that hold text or a folder, not a list of files.

:func:`analyse_source` analyses one file on its own; :func:`analyse_tree` a
folder as one project, in this process, without writing anything. Both are
what the tests and scripts use; the command line goes through
:mod:`codemods.runner`.
"""

from __future__ import annotations

from pathlib import Path

from .analysis.fastapi_app import merge
from .catalogue import BUILTIN, Catalogue
from .engine import ProjectAnalysis, merge_call_sites, merge_fix_sites, might_need_analysis, registered_names
from .models import FileError, FileResult, Settings


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
    names = registered_names(registry)
    callers = merge_call_sites([c for path, text in texts.items() for c in project.call_sites(path, text, names)])
    results = {
        path: project.analyse(path, text, path.relative_to(root).as_posix(), registry, callers)
        for path, text in texts.items()
    }
    forced = merge_fix_sites(list(results.values()))
    for path, text in texts.items():
        if any(key.startswith(f"{path.resolve()}:") for key in forced):
            shown = path.relative_to(root).as_posix()
            results[path] = project.analyse(path, text, shown, registry, callers, forced)
    return list(results.values()) + errors
