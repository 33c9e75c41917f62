import shutil
from typing import Any

import fastapi


class LenientRouter(fastapi.APIRouter):
    """Serves every path with and without a trailing slash."""

    def add_api_route(self, path: str, *args: Any, **kwargs: Any) -> None:
        super().add_api_route(path.rstrip("/") or "/", *args, **kwargs)
        super().add_api_route(path.rstrip("/") + "/", *args, include_in_schema=False, **kwargs)


class Server:
    def __init__(self) -> None:
        self.app = fastapi.FastAPI()
        self.router = LenientRouter()
        self.setup_routes()
        self.app.include_router(self.router)

    def setup_routes(self) -> None:
        self.router.add_api_route("/disk", self.disk, methods=["GET"])
        self.router.add_api_route("/version", self.version, methods=["GET"])

    def disk(self) -> dict:  # expect-fix: convert-to-def
        usage = shutil.disk_usage("/")  # expect: UNB120
        return {"free": usage.free}

    async def version(self) -> dict:
        return {"version": "1.0"}
