import time
from typing import Callable

from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter()
plugin_routers: list[APIRouter] = []


def route(path: str):
    """Registers the decorated function on the shared router."""

    def decorator(func: Callable):
        router.add_api_route(path, endpoint=func, methods=["GET"])
        return func

    return decorator


def health(func: Callable):
    router.add_api_route("/health", func, methods=["GET"])
    return func


class EndpointSugar:
    """``@endpoint.get("/path")`` for plugins: each endpoint gets a router of its own."""

    def _wrap(self, method: str, path: str):
        def decorator(func: Callable):
            plugin_router = APIRouter()
            plugin_router.add_api_route(path=path, endpoint=func, methods=[method.upper()])
            plugin_routers.append(plugin_router)
            return plugin_router

        return decorator

    def get(self, path: str):
        return self._wrap("get", path)

    def post(self, path: str):
        return self._wrap("post", path)


endpoint = EndpointSugar()


def timed(label: str):
    """Wraps without registering anything."""

    def decorator(func: Callable):
        return func

    return decorator


@route("/report")
async def report():  # expect-fix: convert-to-def
    time.sleep(1)  # expect: UNB100
    return {"ready": True}


@health
async def check():  # expect-fix: convert-to-def
    time.sleep(0.1)  # expect: UNB100
    return {"ok": True}


@endpoint.get("/plugin/page")
async def plugin_page():  # expect-fix: convert-to-def
    with open("/srv/plugin/page.html") as page:  # expect: UNB120
        return page.read()  # expect: UNB120


@endpoint.post("/plugin/echo")
async def plugin_echo(text: str):
    return {"text": text}


@timed("warmup")
async def warmup():
    time.sleep(5)


def post_operation(application: "FastAPI", path: str, operation_id: str):
    """Hands back the app's own ``post`` decorator, with the service's shared options."""
    return application.post(path, operation_id=operation_id, response_model_exclude_none=True)


def named(operation_id: str):
    """Returns a plain decorator: registers nothing."""
    return timed(operation_id)


def create_service_app() -> FastAPI:
    service = FastAPI()

    @post_operation(service, "/infer", "infer")
    async def infer(image: bytes):  # expect-fix: convert-to-def
        time.sleep(0.2)  # expect: UNB100
        return {"size": len(image)}

    @named("noop")
    async def not_a_route():
        time.sleep(1)

    return service


app.include_router(router)
