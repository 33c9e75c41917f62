"""A with-block whose comprehension binds a name with `:=` in the enclosing function.

The walrus target belongs to the function's scope, so the moved block must
hand it back like any other assignment.
"""

import os

from fastapi import FastAPI, Request

DATA_FILE = os.environ.get("UNBLOCK_DATA_FILE", "data.json")

app = FastAPI()


@app.post("/last-line")
async def last_line(request: Request):
    body = await request.json()
    with open(DATA_FILE) as handle:
        lines = [last for line in handle if (last := line.strip())]
    return {"count": len(lines), "last": last, "body": body}
