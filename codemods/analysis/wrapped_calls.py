"""Generator functions wrapped by hand and entered at once: ``asynccontextmanager(get_proxy)()``.

FastAPI dependencies are written as generators (``async def get_db(): yield
session``), and code outside the dependency system reuses them by wrapping them
itself: ``async with contextlib.asynccontextmanager(get_llama_proxy)() as
proxy:``. Entering that runs the generator up to its ``yield`` (the call runs
the wrapped function, as a decorated one's would), and ``as`` binds what it
yields (see :meth:`.declared.DeclaredTypes.yielded_type`).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .classes import CallTarget
from .scope import Scope

if TYPE_CHECKING:
    from .resolver import Resolver

CONTEXT_WRAPPERS = frozenset({"contextlib.contextmanager", "contextlib.asynccontextmanager"})


def wrapped_generator(resolver: Resolver, call: ast.Call, scope: Scope) -> CallTarget | None:
    """For ``contextmanager(f)(...)``: the project function ``f``; otherwise ``None``."""
    wrapper = call.func
    if not (isinstance(wrapper, ast.Call) and len(wrapper.args) == 1 and not wrapper.keywords):
        return None
    if resolver.qualified(wrapper.func, scope) not in CONTEXT_WRAPPERS:
        return None
    return resolver.arguments.reference(wrapper.args[0], scope)
