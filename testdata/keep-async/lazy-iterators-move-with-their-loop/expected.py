import boto3
import redis
from elasticsearch import Elasticsearch, helpers
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

app = FastAPI()
storage = boto3.client("s3")
cache = redis.Redis()
search = Elasticsearch("http://localhost:9200")


@app.post("/inventory")
async def inventory(request: Request):  # expect-fix: wrap-in-threadpool
    prefix = (await request.json())["prefix"]
    found = []

    # Each page is a request, made while the loop runs: the loop moves, not only the call.
    def _blocking_io_1():
        nonlocal found
        for page in storage.get_paginator("list_objects_v2").paginate(
            Bucket="files", Prefix=prefix
        ):  # expect: UNB160
            found += [item["Key"] for item in page.get("Contents", [])]

    await run_in_threadpool(_blocking_io_1)
    keys = await run_in_threadpool(
        lambda: [key for key in cache.scan_iter(match=prefix + "*")]
    )  # expect: UNB150
    hits = await run_in_threadpool(
        list, helpers.scan(search, index="documents")
    )  # expect: UNB140
    return {"objects": found, "keys": keys, "hits": len(hits)}


@app.get("/export")
async def export():
    # Only makes the generator: Starlette iterates it in its threadpool.
    return StreamingResponse(str(hit["_id"]) for hit in helpers.scan(search, index="documents"))
