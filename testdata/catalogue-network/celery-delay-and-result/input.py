from celery import Celery, chain, shared_task
from celery.result import AsyncResult
from fastapi import FastAPI, Request

worker = Celery("worker", broker="redis://broker:6379/0", backend="redis://broker:6379/1")
app = FastAPI()


@worker.task(bind=True, max_retries=3)
def send_welcome(self, email: str) -> None:
    print("sending to", email)


@worker.task
def thumbnail(path: str) -> str:
    return path + ".thumb"


@shared_task
def audit(event: str) -> None:
    print(event)


@app.post("/signup")
async def signup(email: str):  # expect-fix: convert-to-def
    send_welcome.delay(email)  # expect: UNB180
    job = thumbnail.apply_async(args=["avatar.png"], countdown=2)  # expect: UNB180
    audit.delay("signup")  # expect: UNB180
    worker.send_task("reports.rebuild", args=[email])  # expect: UNB180
    chain(thumbnail.s("a.png"), thumbnail.s("b.png")).apply_async()  # expect: UNB180
    return {"job": job.id}


@app.get("/jobs/{job_id}")
async def job_status(job_id: str):  # expect-fix: convert-to-def
    result = AsyncResult(job_id, app=worker)
    if not result.ready():  # expect: UNB180
        return {"state": "pending"}
    return {"value": result.get(timeout=5)}  # expect: UNB200


@app.post("/invite")
async def invite(request: Request):  # expect-fix: wrap-in-threadpool
    payload = await request.json()
    send_welcome.delay(payload["email"])  # expect: UNB180
    return {"invited": payload["email"]}
