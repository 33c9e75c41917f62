import time

import requests
from fastapi import BackgroundTasks, FastAPI

app = FastAPI()


@app.post("/later")
async def later(tasks: BackgroundTasks):
    def send_report():
        requests.post("https://reports.example", json={"kind": "daily"})
        time.sleep(1)

    pause = lambda: time.sleep(2)
    tasks.add_task(send_report)
    tasks.add_task(pause)
    return {"scheduled": 2}
