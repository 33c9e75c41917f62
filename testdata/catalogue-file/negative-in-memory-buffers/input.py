import io
import json
import os

from fastapi import FastAPI

app = FastAPI()


@app.post("/echo")
async def echo(payload: dict):
    buffer = io.StringIO()
    buffer.write(json.dumps(payload))
    buffer.seek(0)
    text = buffer.read()
    name = os.path.basename(os.path.join("/tmp", "echo.json"))
    return {"text": json.loads(text), "name": name}
