"""``add_task`` is BackgroundTasks' method, but not only theirs: a project's own job
queue (or rich's ``Progress``) has one too, and FastAPI runs nothing handed to it."""

import shutil

from fastapi import FastAPI

app = FastAPI()


class NightlyJobs:
    """Jobs a cron process runs one after another, outside the server."""

    def __init__(self) -> None:
        self.pending: list = []

    def add_task(self, job, *args) -> None:
        self.pending.append((job, args))


nightly = NightlyJobs()


async def archive_logs(folder: str) -> None:
    shutil.make_archive(folder, "zip", folder)


@app.post("/logs/{folder}/archive")
def schedule_archive(folder: str):
    nightly.add_task(archive_logs, folder)
    return {"scheduled": folder}
