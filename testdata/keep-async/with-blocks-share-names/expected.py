from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.post("/copy")
async def copy(request: Request):  # expect-fix: wrap-in-threadpool
    await request.body()
    steps: object

    def _blocking_io_1():
        nonlocal steps
        with open("in.txt") as source:  # expect: UNB120
            text = source.read()  # expect: UNB120
            steps = 1
        return text

    text = await run_in_threadpool(_blocking_io_1)

    # The second block reads what the first one assigned.
    def _blocking_io_2():
        nonlocal steps
        with open("out.txt", "w") as target:  # expect: UNB120
            target.write(text)  # expect: UNB120
            steps = steps + 1

    await run_in_threadpool(_blocking_io_2)
    return {"steps": steps}
