from multiprocessing import Pipe, Process
from multiprocessing.connection import Client

from fastapi import FastAPI

app = FastAPI()


def serve(connection) -> None:
    while True:
        connection.send(connection.recv())


class Workers:
    def __init__(self, count: int) -> None:
        self.connections = []
        for _ in range(count):
            parent_end, child_end = Pipe()
            Process(target=serve, args=(child_end,), daemon=True).start()
            self.connections.append(parent_end)


workers = Workers(2)


@app.post("/echo")
async def echo(text: str):  # expect-fix: convert-to-def
    for connection in workers.connections:
        connection.send(text)
    # Each reply is awaited from the worker process with the loop held.
    return [connection.recv() for connection in workers.connections]  # expect: UNB200


@app.get("/ready")
async def ready():  # expect-fix: convert-to-def
    return all(c.poll(5) for c in workers.connections)  # expect: UNB200


@app.get("/pending")
async def pending():
    # ``poll()`` without a timeout returns at once.
    return [c.poll() for c in workers.connections]


@app.get("/remote")
async def remote():  # expect-fix: convert-to-def
    connection = Client(("localhost", 6000))  # expect: UNB200
    return connection.recv()  # expect: UNB200


@app.get("/drain")
async def drain():  # expect-fix: convert-to-def
    # ``serve`` here is the comprehension's connection, not the module's function.
    return [serve.recv() for serve in workers.connections]  # expect: UNB200
