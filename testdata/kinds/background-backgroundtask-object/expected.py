import requests
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.background import BackgroundTask

app = FastAPI()


def notify_webhook(url: str, payload: dict) -> None:  # expect-fix: convert-to-def
    requests.post(url, json=payload, timeout=10)  # expect: UNB110


@app.post("/builds/{build_id}/finish")
async def finish_build(build_id: int):
    payload = {"build": build_id, "state": "finished"}
    task = BackgroundTask(notify_webhook, "https://hooks.example/builds", payload)
    return JSONResponse(payload, background=task)
