import io
import json
import pickle

from fastapi import FastAPI

app = FastAPI()


@app.post("/state")
async def state(values: list[float]):
    # Serialised into memory, then measured: no file is read or written.
    stream = io.BytesIO()
    pickle.dump({"count": len(values)}, stream)
    pickle.dump(values, file=io.BytesIO())
    return {"size": stream.tell()}


@app.post("/echo")
async def echo(body: str):
    return json.load(io.StringIO(body))
