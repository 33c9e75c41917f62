import os
from pathlib import Path

from fastapi import FastAPI

app = FastAPI()


@app.get("/ready")
async def ready():
    marker = Path("/srv/ready")
    return {"ready": os.path.exists("/srv/ready") and marker.is_file()}
