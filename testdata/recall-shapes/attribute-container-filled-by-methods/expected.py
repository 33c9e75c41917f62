import multiprocessing

from fastapi import FastAPI

app = FastAPI()


class Echo:
    def put(self, item: object) -> object:
        return item


class Server:
    def __init__(self) -> None:
        self.queues = {}
        self.pending = []
        self.echoes = {}

    def start(self, paths: list[str]) -> None:
        manager = multiprocessing.Manager()
        for path in paths:
            self.queues[path] = manager.Queue()
            self.echoes[path] = Echo()
        self.pending.append(manager.Queue())

    def queue_for(self, path: str):
        return self.queues[path]


server = Server()


@app.post("/submit")
def submit(path: str, payload: dict):  # expect-fix: convert-to-def
    queue = server.queue_for(path)
    queue.put(payload)  # expect: UNB200


@app.post("/retry")
def retry(payload: dict):  # expect-fix: convert-to-def
    for queue in server.pending:
        queue.put(payload)  # expect: UNB200


@app.post("/echo")
async def echo(path: str, payload: dict):
    return server.echoes[path].put(payload)
