import zmq
from fastapi import FastAPI

app = FastAPI()
publisher = zmq.Context.instance().socket(zmq.PUB)
publisher.bind("tcp://127.0.0.1:5556")


@app.post("/events")
async def publish(event: dict):
    # A PUB socket queues the message and returns: nobody is waited for.
    publisher.send_json(event)
    return {"queued": True}
