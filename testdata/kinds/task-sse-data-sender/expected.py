"""sse-starlette's ``EventSourceResponse(data_sender_callable=...)`` awaits the callable in
the response's task group, on the server's loop, next to the stream it feeds."""

import json
from functools import partial

import anyio
from fastapi import FastAPI
from sse_starlette.sse import EventSourceResponse

app = FastAPI()


async def publish_progress(job_id: str, send_channel):  # expect-fix: swap-to-async
    async with send_channel:
        for step in range(3):
            await anyio.sleep(0.5)  # expect: UNB100
            await send_channel.send({"data": json.dumps({"job": job_id, "step": step})})


@app.get("/jobs/{job_id}/events")
async def job_events(job_id: str):
    send_channel, receive_channel = anyio.create_memory_object_stream(10)
    return EventSourceResponse(
        receive_channel,
        data_sender_callable=partial(publish_progress, job_id, send_channel=send_channel),
    )
