"""A route that awaits, then reads `.text` of a requests response.

requests decodes a `text/*` body without a charset as ISO-8859-1 (RFC 2616)
and guesses the charset of a body without a Content-Type; httpx decodes both
as UTF-8. Swapping to httpx changes `.text` and `.encoding` for such replies.
"""

import os

import requests
from fastapi import FastAPI, Request

UPSTREAM = os.environ.get("UNBLOCK_UPSTREAM", "http://127.0.0.1:9")

app = FastAPI()


@app.get("/relay/{kind}")
async def relay(kind: str, request: Request):
    await request.body()
    response = requests.get(UPSTREAM + "/raw/" + kind, timeout=5)
    return {"text": response.text, "encoding": response.encoding}
