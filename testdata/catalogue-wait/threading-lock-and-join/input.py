import threading

from fastapi import FastAPI

app = FastAPI()
lock = threading.Lock()
counter = {"value": 0}


def bump() -> None:
    counter["value"] += 1


@app.post("/bump")
async def bump_route():  # expect-fix: convert-to-def
    if lock.acquire(timeout=1):  # expect: UNB200
        try:
            worker = threading.Thread(target=bump)
            worker.start()
            worker.join()  # expect: UNB200
        finally:
            lock.release()
    return counter
