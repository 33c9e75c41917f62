from typing import Any

from fastapi import APIRouter as BaseRouter
from fastapi.routing import APIRoute


class AuditedRoute(APIRoute):
    pass


def router_class(route_class: type[APIRoute]) -> type[BaseRouter]:
    class Router(BaseRouter):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["route_class"] = route_class
            super().__init__(*args, **kwargs)

    return Router


def plain_router_class(route_class: type[APIRoute]):
    class Router(BaseRouter):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["route_class"] = route_class
            super().__init__(*args, **kwargs)

    return Router


APIRouter = router_class(AuditedRoute)
LegacyRouter = plain_router_class(AuditedRoute)
