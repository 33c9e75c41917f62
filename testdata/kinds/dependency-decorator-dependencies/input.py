import time

from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI()


async def verify_api_key(x_api_key: str = Header()):  # expect-fix: convert-to-def
    with open("/etc/app/api-keys", encoding="utf-8") as keys:  # expect: UNB120
        if x_api_key not in keys.read().split():  # expect: UNB120
            raise HTTPException(status_code=403, detail="unknown key")


async def slow_down():  # expect-fix: convert-to-def
    time.sleep(0.25)  # expect: UNB100


@app.post("/jobs", dependencies=[Depends(verify_api_key)])
async def create_job(name: str):
    return {"queued": name}


async def list_jobs():
    return []


app.add_api_route("/jobs", list_jobs, methods=["GET"], dependencies=[Depends(slow_down)])
