"""Route decorators on an app whose making the analysis cannot see.

``from openbb_core.api.rest_api import app`` (from a library that is not installed, or that
``--no-deps`` leaves unread), ``app = kwargs.pop("app")``, a ``router`` parameter with no
annotation: nothing says the object is a ``FastAPI`` or an ``APIRouter``, so ``@app.get(...)``
on it would register nothing and its handlers would go unchecked. In a module that imports
FastAPI, a route decorator on a receiver of unknown type whose first argument is a path
(``"/widgets.json"``, or ``""`` on a router) is taken for a route all the same; a receiver
whose type is known and is not an app (a project class with a ``get`` method) never is.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ..models import Kind

if TYPE_CHECKING:
    from .modules import ModuleInfo
    from .resolver import Resolver
    from .scope import Scope

#: The decorators of an unseen app taken for registrations: routes and websockets, which take
#: a path first; the others (``middleware("http")``, ``exception_handler``) do not say enough.
_WITH_A_PATH = frozenset({Kind.ROUTE, Kind.WEBSOCKET})


def unseen_app_route(decorator: ast.Call, kind: Kind, module: ModuleInfo, resolver: Resolver, scope: Scope) -> bool:
    """Whether ``@receiver.<method>(path, ...)`` registers a route although the receiver's type is unknown."""
    receiver = decorator.func.value if isinstance(decorator.func, ast.Attribute) else None
    if kind not in _WITH_A_PATH or not isinstance(receiver, (ast.Name, ast.Attribute)) or not decorator.args:
        return False
    path = decorator.args[0]
    if not (isinstance(path, ast.Constant) and isinstance(path.value, str)
            and (path.value.startswith("/") or path.value == "")):
        return False
    return _imports_fastapi(module) and resolver.type_of(receiver, scope) is None


def _imports_fastapi(module: ModuleInfo) -> bool:
    return any(binding.kind == "import" and binding.target.split(".")[0] == "fastapi"
               for bindings in module.scope.bindings.values() for binding in bindings)
