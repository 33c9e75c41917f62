from contextlib import asynccontextmanager

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.background import BackgroundScheduler
from fastapi import FastAPI

from app import crons

scheduler = AsyncIOScheduler()
side_scheduler = BackgroundScheduler()


@scheduler.scheduled_job("interval", seconds=30)
def poll_queue() -> None:  # expect-fix: convert-to-def
    with open("queue.json", encoding="utf-8") as handle:  # expect: UNB120
        handle.read()  # expect: UNB120


def nightly_report() -> None:  # expect-fix: convert-to-def
    with open("report.csv", "w", encoding="utf-8") as handle:  # expect: UNB120
        handle.write("ok")  # expect: UNB120


@asynccontextmanager
async def lifespan(app: FastAPI):
    for job in crons.cron_jobs:
        scheduler.add_job(**job)
    scheduler.add_job(nightly_report, "cron", hour=1)
    side_scheduler.add_job(crons.heartbeat, "interval", seconds=10)
    scheduler.start()
    yield
    scheduler.shutdown()


app = FastAPI(lifespan=lifespan)
