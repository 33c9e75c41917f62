import time

from fastapi import FastAPI


class Server:
    def __init__(self) -> None:
        self.app = FastAPI()
        self.app.add_api_route("/health", self.health, methods=["GET"])

    def health(self):  # expect-fix: convert-to-def
        time.sleep(0.1)  # expect: UNB100
        return {"ok": True}


server = Server()
