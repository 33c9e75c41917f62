import time

from fastapi import FastAPI


class Server:
    def __init__(self) -> None:
        self.app = FastAPI()
        self.app.add_api_route("/health", self.health, methods=["GET"])
        self.app.add_api_route("/status", self.status, methods=["GET"])

    async def health(self):  # expect-fix: swap-to-async
        time.sleep(0.1)  # expect: UNB100
        return {"ok": True}

    async def status(self):  # expect-fix: swap-to-async
        # `self.health()` may be a subclass's override: the call is left alone, so
        # `health` stays async.
        return {"health": await self.health()}  # expect: UNB100


server = Server()
