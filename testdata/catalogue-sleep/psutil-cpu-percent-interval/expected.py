import psutil
from fastapi import FastAPI

app = FastAPI()


@app.get("/load")
def load():  # expect-fix: convert-to-def
    usage = psutil.cpu_percent(interval=0.5)  # expect: UNB100
    return {"cpu": usage, "memory": psutil.virtual_memory().percent}
