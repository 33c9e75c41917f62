"""Pass 1 for one file, from its bytes: is it text that parses, and what does it register?

A cheap byte search decides which files are parsed for registrations
(``may_register``). Every other file is still read: bytes that are not text
are reported, and a file with async code is checked for syntax errors (more
cheaply, without building a tree). A file with neither cannot matter by its
text and is not parsed here; if the analysis reads it as a helper and it does
not parse, the pipeline reports it then, as this pass would have.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .discovery import is_generated
from .models import FileError, internal_error
from .paths import display_path
from .sourcefile import SourceError, decode

if TYPE_CHECKING:
    from .analysis.registry import Registration
    from .engine import ProjectAnalysis

#: Text that makes a file worth parsing for registrations (pass 1): it names FastAPI or
#: Starlette, or decorates with a route-like method (a router imported from another
#: module), or registers through a call. Everything else is never parsed.
_REGISTRATION_HINTS = (b"fastapi", b"starlette", b"add_api_route", b"add_api_websocket_route", b"add_route",
                       b"add_task", b"Depends(", b"Security(", b"add_middleware", b"add_exception_handler",
                       b"create_task(", b"ensure_future(", b"start_soon(")
_DECORATOR_HINT = re.compile(
    rb"@[ \t]*[\w.]+\.(?:get|post|put|patch|delete|options|head|trace|api_route|route|websocket|websocket_route"
    rb"|middleware|exception_handler|on_event)[ \t]*\("
)


_ADD = b"add_"
_PLAIN_HINTS = tuple(hint for hint in _REGISTRATION_HINTS if _ADD not in hint)
_ADD_HINTS = tuple(hint for hint in _REGISTRATION_HINTS if _ADD in hint)


def may_register(data: bytes) -> bool:
    """The byte prefilter of pass 1 (each ``in`` is a scan of the file: six hints share ``add_``)."""
    for hint in _PLAIN_HINTS:
        if hint in data:
            return True
    if _ADD in data and any(hint in data for hint in _ADD_HINTS):
        return True
    return _DECORATOR_HINT.search(data) is not None


def read_source(path: Path) -> bytes | FileError:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return FileError(display_path(path), "no such file (deleted during the run?)")
    except IsADirectoryError:
        return FileError(display_path(path), "is a directory")
    except OSError as error:
        return FileError(display_path(path), f"cannot read: {error.strerror or error}")


@dataclass(frozen=True)
class Found:
    registrations: tuple[Registration, ...] = ()
    error: FileError | None = None
    skipped: str | None = None
    #: Nothing to register and no error: a verdict on the file's bytes alone (cacheable).
    plain: bool = False


def scan_file(path: Path, project_of: Callable[[], ProjectAnalysis]) -> Found:
    """Pass 1 for one file: is it readable text that parses, and what does it register?"""
    data = read_source(path)
    if isinstance(data, FileError):
        return Found(error=data)
    if is_generated(data):
        return Found(skipped="generated (marked @generated)")
    if not may_register(data):
        # Nothing to register here. A file that is not text is reported (reading it is cheap);
        # its syntax is checked only when it holds async code, which the analysis may read as
        # it is. A file with neither cannot matter by its text: it is parsed only if the
        # analysis reads it as a helper, and reported then if it does not parse (ruff and
        # ``compileall`` are the syntax checkers of a whole tree; README, Safety).
        if b"\x00" in data:
            return Found(error=FileError(display_path(path), "contains NUL bytes; not a Python source file"))
        try:
            text = decode(data).text
        except SourceError as error:
            return Found(error=FileError(display_path(path), str(error)))
        problem = syntax_error(path, text) if b"async" in data else None
        return Found(error=problem, plain=problem is None)
    try:
        text = decode(data).text
    except SourceError as error:
        return Found(error=FileError(display_path(path), str(error)))
    project = project_of()
    parsed = project.parse(path, text, data)
    if isinstance(parsed, FileError):
        return Found(error=FileError(display_path(path), parsed.message))
    try:
        return Found(tuple(project.registrations(path, text)))
    except Exception as error:  # noqa: BLE001 -- a bug of ours: this file's error, not the batch's
        return Found(error=internal_error(display_path(path), "reading what it registers", error))


def syntax_error(path: Path, text: str) -> FileError | None:
    """Does ``text`` parse? Cheaply: the tree is not kept, so none is built.

    ``symtable`` runs CPython's parser and its symbol table pass without turning the
    tree into Python objects, the costly half of ``ast.parse`` (about 40% less time).
    It also refuses what ``ast.parse`` accepts (``nonlocal`` at module level, a
    duplicate argument): only what ``ast.parse`` refuses too is reported, as for the
    files that are parsed for analysis. A file in syntax newer than the running
    Python (3.12's ``def f[T]``...) is not an error when libcst parses it and the
    rest is valid (:func:`codemods.newer_syntax.parse`).
    """
    import symtable

    from .newer_syntax import PARSE_ERRORS, parse, parse_failure

    try:
        symtable.symtable(text, str(path), "exec")
        return None
    except PARSE_ERRORS:
        pass
    try:
        parse(text, filename=str(path))  # also accepts syntax newer than the running Python
    except PARSE_ERRORS as error:
        return FileError(display_path(path), parse_failure(error))
    return None
