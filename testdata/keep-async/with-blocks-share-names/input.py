from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/copy")
async def copy(request: Request):  # expect-fix: wrap-in-threadpool
    await request.body()
    with open("in.txt") as source:  # expect: UNB120
        text = source.read()  # expect: UNB120
        steps = 1
    # The second block reads what the first one assigned.
    with open("out.txt", "w") as target:  # expect: UNB120
        target.write(text)  # expect: UNB120
        steps = steps + 1
    return {"steps": steps}
