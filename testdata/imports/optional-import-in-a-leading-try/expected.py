# Copyright (c) Example Contributors. All rights reserved.
# The licence header stays first: the new import goes among the others.

# An optional dependency, patched before the rest is imported.
try:
    import orjson
except ImportError:
    orjson = None
import subprocess
import json
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/reload")
async def reload(request: Request):  # expect-fix: wrap-in-threadpool
    body = await request.json()
    done = await run_in_threadpool(
        subprocess.run, ["systemctl", "reload", body["unit"]], check=False
    )  # expect: UNB130
    dumps = orjson.dumps if orjson else json.dumps
    return {"code": done.returncode, "echo": dumps(body)}
