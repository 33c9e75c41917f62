import time

from fastapi import FastAPI, status

app = FastAPI()


@app.post(
    "/jobs",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        409: {"description": "already queued"},
    },
    tags=[
        "jobs",
    ],
)
def enqueue_job(name: str):  # expect-fix: convert-to-def
    time.sleep(0.5)  # expect: UNB100
    return {"queued": name}
