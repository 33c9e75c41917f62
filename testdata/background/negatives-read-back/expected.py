import httpx
import requests
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from starlette.background import BackgroundTask

_httpx_tls_context = httpx.create_ssl_context()

app = FastAPI()


@app.post("/uses-the-reply")
def uses_the_reply(item: str):  # expect-fix: convert-to-def
    # The response needs the reply: not a background task.
    reply = requests.post("https://api.example/items", data={"item": item}, timeout=5)  # expect: UNB110
    return reply.json()


@app.post("/file-read-back")
def file_read_back(item: str):  # expect-fix: convert-to-def
    # A file the request (or the next one) may read back: not external.
    with open("/tmp/items.log", "a") as log:  # expect: UNB120
        log.write(item)  # expect: UNB120
    return {"item": item}


@app.post("/payload-read-after")
async def payload_read_after(request: Request):  # expect-fix: wrap-in-threadpool
    payload = await request.json()
    # The call gets the dict the handler returns afterwards: it might change it.
    await run_in_threadpool(
        requests.post, "https://audit.example/in", json=payload, timeout=5
    )  # expect: UNB110
    return payload


@app.post("/in-try")
async def in_try(request: Request):  # expect-fix: swap-to-async
    await request.body()
    try:
        async with httpx.AsyncClient(
            follow_redirects=True,
            timeout=None,
            max_redirects=30,
            verify=_httpx_tls_context,
        ) as http_client:
            await http_client.post(
                "https://audit.example/in", data={"k": "v"}, timeout=5
            )  # expect: UNB110
    except (httpx.HTTPError, httpx.InvalidURL):
        return {"audited": False}
    return {"audited": True}


@app.post("/own-background")
async def own_background(request: Request):  # expect-fix: swap-to-async
    await request.body()
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, max_redirects=30, verify=_httpx_tls_context
    ) as http_client:
        await http_client.post(
            "https://audit.example/in", data={"k": "v"}, timeout=5
        )  # expect: UNB110
    # Returning a response with its own background drops injected tasks.
    return JSONResponse({"ok": True}, background=BackgroundTask(print, "done"))


@app.post("/alert-then-fail")
def alert_then_fail(ok: bool):  # expect-fix: convert-to-def
    if not ok:
        # FastAPI runs background tasks only after a response: the raise below would drop it.
        requests.post("https://hooks.example/alert", data={"text": "failure"}, timeout=5)  # expect: UNB110
        raise ValueError("not ok")
    return {"ok": True}


@app.websocket("/ws")
async def socket_route(websocket):  # expect-fix: swap-to-async
    await websocket.accept()
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, max_redirects=30, verify=_httpx_tls_context
    ) as http_client:
        await http_client.post(
            "https://audit.example/ws", data={"k": "v"}, timeout=5
        )  # expect: UNB110
