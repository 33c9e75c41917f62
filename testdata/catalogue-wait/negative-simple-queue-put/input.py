import queue

from fastapi import FastAPI

app = FastAPI()
events = queue.SimpleQueue()


@app.post("/events")
async def publish(event: str):
    # A SimpleQueue is unbounded: put never waits for a consumer.
    events.put(event)
    return {"queued": events.qsize()}


@app.get("/events/next")
async def next_event():  # expect-fix: convert-to-def
    # get waits for a producer thread.
    return {"event": events.get(timeout=5)}  # expect: UNB200
