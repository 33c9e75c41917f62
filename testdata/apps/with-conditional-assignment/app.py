"""A with-block that assigns a name only on one branch, used after it only on that branch.

Moving the block into a nested function returns every name used later; a name
the block did not bind then raises UnboundLocalError where the original ran.
"""

import os

from fastapi import FastAPI, Request

DATA_FILE = os.environ.get("UNBLOCK_DATA_FILE", "data.json")

app = FastAPI()


@app.post("/read")
async def read(request: Request, verbose: bool = False):
    body = await request.json()
    with open(DATA_FILE) as handle:
        size = len(handle.read())
        if verbose:
            detail = f"{size} characters"
    if verbose:
        return {"size": size, "detail": detail, "body": body}
    return {"size": size, "body": body}
