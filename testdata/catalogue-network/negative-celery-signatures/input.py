from celery import Celery
from celery.result import AsyncResult
from fastapi import FastAPI

worker = Celery("worker", broker="redis://broker:6379/0")
app = FastAPI()


@worker.task
def thumbnail(path: str) -> str:
    return path + ".thumb"


@app.post("/plan")
async def plan(path: str):
    # Signatures and result handles are built locally: nothing is sent or fetched.
    step = thumbnail.s(path).set(countdown=10)
    handle = AsyncResult("0f1e", app=worker)
    return {"task": thumbnail.name, "options": step.options, "id": handle.id}
