"""Dependencies, background tasks and exception handlers written as sync callables."""

import json
import time
from typing import Annotated

import requests
from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI, Header, Request, Security
from fastapi.responses import JSONResponse
from starlette.background import BackgroundTask


def load_config() -> dict:
    with open("config.json", encoding="utf-8") as handle:
        return json.load(handle)


def current_user(authorization: str = Header()) -> dict:
    return requests.get("https://auth.example/me", headers={"Authorization": authorization}, timeout=5).json()


def throttle():
    time.sleep(0.1)


def db_session():
    session = requests.Session()
    try:
        yield session
    finally:
        session.close()


class Quota:
    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, user: Annotated[dict, Depends(current_user)]) -> int:
        used = requests.get(f"https://quota.example/{user['id']}", timeout=5).json()["used"]
        return self.limit - used


def send_report(address: str) -> None:
    requests.post("https://mail.example/send", json={"to": address}, timeout=10)


def on_timeout(request: Request, exc: TimeoutError):
    time.sleep(0.5)
    return JSONResponse({"detail": "timeout"}, status_code=504)


CurrentUser = Annotated[dict, Depends(current_user)]
router = APIRouter(dependencies=[Depends(throttle)])
app = FastAPI(dependencies=[Depends(load_config)], exception_handlers={TimeoutError: on_timeout})


@router.get("/quota")
async def remaining(left: int = Depends(Quota(100)), user: dict = Security(current_user)):
    return {"left": left, "user": user["id"]}


@app.post("/reports", dependencies=[Depends(throttle)])
async def report(user: CurrentUser, background_tasks: BackgroundTasks, session=Depends(db_session)):
    background_tasks.add_task(send_report, user["email"])
    return {"queued": True}


@app.post("/reports/now")
async def report_now(config: Annotated[dict, Depends(load_config)]):
    return JSONResponse({"ok": True}, background=BackgroundTask(send_report, config["admin"]))


@app.exception_handler(KeyError)
def on_key_error(request: Request, exc: KeyError):
    with open("errors.log", "a", encoding="utf-8") as log:
        log.write(repr(exc))
    return JSONResponse({"detail": "missing key"}, status_code=400)


app.include_router(router)
