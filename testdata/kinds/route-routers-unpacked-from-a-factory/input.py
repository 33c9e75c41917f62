import time

from fastapi import APIRouter, Depends


def current_user() -> dict:
    return {"id": 1}


def get_routers(prefix: str = "") -> (APIRouter, APIRouter):
    public = APIRouter(prefix=prefix)
    private = APIRouter(prefix=prefix, dependencies=[Depends(current_user)])
    return public, private


public_router, private_router = get_routers("/v1")


@public_router.get("/status")
async def status():  # expect-fix: convert-to-def
    time.sleep(0.1)  # expect: UNB100
    return {"ok": True}


@private_router.post("/jobs")
async def create_job():  # expect-fix: convert-to-def
    time.sleep(0.1)  # expect: UNB100
    return {"queued": True}
