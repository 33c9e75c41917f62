from fastapi import FastAPI
from rq.job import Job

from app.events import Events
from app.jobs import connection, default_queue, rebuild_index

app = FastAPI()
events = Events()


@app.post("/datasets/{dataset_id}/rebuild")
async def rebuild(dataset_id: int):  # expect-fix: convert-to-def
    job = rebuild_index.delay(dataset_id)  # expect: UNB180
    return {"job": job.id}


@app.get("/jobs/{job_id}")
async def job_status(job_id: str):  # expect-fix: convert-to-def
    return {"status": Job.fetch(job_id, connection=connection).get_status()}  # expect: UNB180


@app.post("/reports")
async def report():  # expect-fix: wrap-in-threadpool
    queued = default_queue.enqueue("app.reports.build")  # expect: UNB180
    await events.publish("report.queued", {"job": queued.id})  # expect: UNB180
    return {"job": queued.id}
