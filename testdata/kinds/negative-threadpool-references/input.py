"""Blocking project functions passed by reference to the threadpool: not called on the loop."""

import asyncio
import subprocess
import time

import anyio
from fastapi import BackgroundTasks, FastAPI, Response
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


def render_invoice(order_id: int) -> bytes:
    result = subprocess.run(["render-invoice", str(order_id)], capture_output=True, check=True)
    return result.stdout


def read_thumbnail(path: str) -> bytes:
    with open(path, "rb") as source:
        return source.read()


def archive_order(order_id: int) -> None:
    time.sleep(2)


def checksum(path: str) -> str:
    return subprocess.check_output(["sha256sum", path], text=True).split()[0]


@app.get("/orders/{order_id}/invoice")
async def invoice(order_id: int):
    pdf = await run_in_threadpool(render_invoice, order_id)
    return Response(pdf, media_type="application/pdf")


@app.get("/thumbnails/{name}")
async def thumbnail(name: str):
    data = await asyncio.to_thread(read_thumbnail, f"thumbs/{name}")
    return Response(data, media_type="image/png")


@app.get("/files/{name}/checksum")
async def file_checksum(name: str):
    return {"sha256": await anyio.to_thread.run_sync(checksum, f"files/{name}")}


@app.post("/orders/{order_id}/archive")
async def archive(order_id: int, background_tasks: BackgroundTasks):
    background_tasks.add_task(archive_order, order_id)
    return {"queued": order_id}
