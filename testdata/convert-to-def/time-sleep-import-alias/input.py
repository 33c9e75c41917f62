import time as t

from fastapi import FastAPI

app = FastAPI()


@app.post("/retry")
async def retry_job(job_id: int):  # expect-fix: convert-to-def
    for attempt in range(3):
        t.sleep(2 ** attempt)  # expect: UNB100
    return {"job": job_id}
