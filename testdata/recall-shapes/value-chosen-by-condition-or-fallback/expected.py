import requests
from fastapi import FastAPI

app = FastAPI()


class RemoteStore:
    def load(self, key: str) -> bytes:
        return requests.get(f"https://store.example/{key}").content


class MemoryStore:
    def load(self, key: str) -> bytes:
        return key.encode()


class Service:
    def __init__(self, store: MemoryStore | None = None) -> None:
        self.store = store or RemoteStore()


@app.get("/pick")
def pick(key: str, remote: bool):  # expect-fix: convert-to-def
    store = RemoteStore() if remote else MemoryStore()
    return store.load(key)  # expect: UNB110


@app.get("/fallback")
def fallback(key: str):  # expect-fix: convert-to-def
    return Service().store.load(key)  # expect: UNB110


@app.get("/memory")
async def memory(key: str, small: bool):
    store = MemoryStore() if small else MemoryStore()
    return store.load(key)


@app.get("/both")
async def both(key: str, ready: bool):
    store = ready and RemoteStore()
    return store and store.load(key)
