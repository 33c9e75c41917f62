import requests
from fastapi import FastAPI

app = FastAPI()


class RemoteWorker:
    def __init__(self, address: str) -> None:
        self.address = address

    def generate(self, prompt: str) -> str:
        return requests.post(f"{self.address}/generate", json={"prompt": prompt}).text


class EchoWorker:
    def generate(self, prompt: str) -> str:
        return prompt


workers = {}
echoes = {"default": EchoWorker()}
mixed = {"echo": EchoWorker()}


def start(addresses: list[str]) -> None:
    for address in addresses:
        workers[address] = RemoteWorker(address)
        echoes[address] = EchoWorker()


def add_remote(address: str) -> None:
    mixed[address] = RemoteWorker(address)


def shadowed(address: str) -> None:
    workers = {}
    workers[address] = EchoWorker()


@app.post("/generate")
async def generate(model: str, prompt: str):  # expect-fix: convert-to-def
    worker = workers[model]
    return {"text": worker.generate(prompt)}  # expect: UNB110


@app.post("/echo")
async def echo(model: str, prompt: str):
    return {"text": echoes[model].generate(prompt)}


@app.post("/mixed")
async def generate_mixed(model: str, prompt: str):  # expect-fix: convert-to-def
    return {"text": mixed.get(model, EchoWorker()).generate(prompt)}  # expect: UNB110
