from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/count")
async def count_matches(request: Request):  # expect-fix: wrap-in-threadpool
    needle = (await request.body()).decode()
    handle = await run_in_threadpool(
        open, "words.txt", encoding="utf-8"
    )  # expect: UNB120
    hits = 0

    def _blocking_io_1():
        nonlocal hits
        for word in handle:  # expect: UNB120
            if needle in word:
                hits += 1

    await run_in_threadpool(_blocking_io_1)
    await run_in_threadpool(handle.seek, 0)  # expect: UNB120
    lengths = await run_in_threadpool(
        lambda: {len(entry) for entry in handle}
    )  # expect: UNB120
    handle.close()
    return {"hits": hits, "lengths": sorted(lengths)}
