import queue

from fastapi import FastAPI

app = FastAPI()


class RepairService:
    def __init__(self) -> None:
        # No maxsize: the queue never fills, so put never waits for the worker thread.
        self._repairs: "queue.Queue[str]" = queue.Queue()
        self._urgent = queue.LifoQueue(maxsize=0)
        self._bounded = queue.Queue(maxsize=8)

    def schedule(self, user_id: str) -> None:
        self._repairs.put(user_id)
        self._urgent.put(user_id)

    def schedule_bounded(self, user_id: str) -> None:
        self._bounded.put(user_id)


service = RepairService()


@app.post("/repairs/{user_id}")
async def repair(user_id: str):
    service.schedule(user_id)
    return {"queued": user_id}


@app.post("/repairs/{user_id}/bounded")
def repair_bounded(user_id: str):  # expect-fix: convert-to-def
    # A bounded queue's put waits while it is full.
    service.schedule_bounded(user_id)  # expect: UNB200
    return {"queued": user_id}
