"""A method the abstract base implements and every backend overrides: one of the overrides runs."""

from abc import abstractmethod

import requests
from fastapi import FastAPI, Request

app = FastAPI()


class Sandbox:
    def run_action(self, action: dict) -> dict:
        handler = getattr(self, action["kind"], None)
        return handler(action) if handler else {}

    @abstractmethod
    def close(self) -> None: ...


class DockerSandbox(Sandbox):
    def __init__(self, url: str) -> None:
        self.url = url
        self.session = requests.Session()

    def run_action(self, action: dict) -> dict:
        return self.session.post(f"{self.url}/execute", json=action, timeout=60).json()

    def close(self) -> None:
        self.session.close()


class RemoteSandbox(Sandbox):
    def run_action(self, action: dict) -> dict:
        return requests.post("https://sandbox.example.com/execute", json=action, timeout=60).json()

    def close(self) -> None:
        return None


@app.get("/files/{path:path}")
async def read_file(path: str, request: Request):  # expect-fix: convert-to-def
    sandbox: Sandbox = request.state.sandbox
    return sandbox.run_action({"kind": "read", "path": path})  # expect: UNB110
