import multiprocessing
from multiprocessing import Queue

from fastapi import FastAPI

app = FastAPI()
requests_out: "Queue[dict]" = Queue()
bounded = multiprocessing.Queue(maxsize=8)
replies = multiprocessing.Queue()


class Worker:
    def __init__(self) -> None:
        self.inbox: Queue[dict] = Queue()

    def send(self, message: dict) -> None:
        self.inbox.put(message)


worker = Worker()


@app.post("/send")
async def send(message: dict):
    # An unbounded queue's put hands the item to a feeder thread: it never waits.
    requests_out.put(message)
    worker.send(message)


@app.post("/send-bounded")
def send_bounded(message: dict):  # expect-fix: convert-to-def
    bounded.put(message)  # expect: UNB200


@app.get("/reply")
def reply():  # expect-fix: convert-to-def
    return replies.get(timeout=5)  # expect: UNB200
