import psutil
from fastapi import FastAPI

app = FastAPI()


@app.get("/load/instant")
async def instant_load():
    return {"cpu": psutil.cpu_percent()}
