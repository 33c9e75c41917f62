"""``await task_group.start(server.run)`` runs ``server.run`` on the loop until it reports it has
started, and the caller waits for that; ``start_soon`` only schedules it."""

import subprocess

import anyio
from anyio.abc import TaskGroup, TaskStatus
from fastapi import FastAPI

app = FastAPI()


class KernelServer:
    async def start(self, *, task_status: TaskStatus[None] = anyio.TASK_STATUS_IGNORED) -> None:  # expect-fix: wrap-in-threadpool
        process = subprocess.Popen(["python", "-m", "ipykernel_launcher"])  # expect: UNB130
        task_status.started()
        await anyio.to_thread.run_sync(process.wait)


class Kernels:
    def __init__(self) -> None:
        self.server = KernelServer()

    async def start_kernel(self, task_group: TaskGroup) -> None:
        await task_group.start(self.server.start)


kernels = Kernels()


@app.post("/kernels")
async def create_kernel():  # expect-fix: wrap-in-threadpool
    async with anyio.create_task_group() as tg:
        await kernels.start_kernel(tg)  # expect: UNB130
    return {"started": True}


@app.post("/kernels/later")
async def create_kernel_later(task_group: TaskGroup):
    task_group.start_soon(kernels.server.start)
    return {"scheduled": True}
