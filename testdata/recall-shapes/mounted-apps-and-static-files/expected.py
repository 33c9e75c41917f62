from pathlib import Path

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

app = FastAPI()


class ConfiguredStaticFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:  # expect-fix: wrap-in-threadpool
        if path.endswith(".html"):
            page = await run_in_threadpool(
                Path(self.directory, path).read_text, encoding="utf-8"
            )  # expect: UNB120
            return Response(page.replace("{{API}}", "/api"), media_type="text/html")
        return await super().get_response(path, scope)


class PlainStaticFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["Cache-Control"] = "no-store"
        return response


class HealthApp:
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # expect-fix: wrap-in-threadpool
        status = await run_in_threadpool(
            Path("/srv/health").read_text, encoding="utf-8"
        )  # expect: UNB120
        await Response(status)(scope, receive, send)


class UnusedApp:
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        Path("/srv/unused").read_text(encoding="utf-8")


app.mount("/ui", ConfiguredStaticFiles(directory="ui"), name="ui")
app.mount("/assets", PlainStaticFiles(directory="assets"), name="assets")
app.mount("/health", HealthApp())
