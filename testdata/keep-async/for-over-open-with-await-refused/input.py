from fastapi import FastAPI, WebSocket

app = FastAPI()


@app.websocket("/tail")
async def tail(websocket: WebSocket):  # expect-fix: none
    await websocket.accept()
    # The loop body awaits: it cannot move to a thread, and wrapping only the
    # `open` would still read every line on the event loop.
    for line in open("app.log", encoding="utf-8"):  # expect: UNB120
        await websocket.send_text(line)
    await websocket.close()
