from fastapi import FastAPI

app = FastAPI()
visits = 0


@app.get("/lines")
async def count_lines(names: str):  # expect-fix: convert-to-def
    # The only fix is the unsafe one: the calls sit in a generator expression, where an
    # await cannot go, and `global` makes running in a thread unsafe.
    global visits
    visits += 1
    return {"lines": sum(len(open(name).readlines()) for name in names.split(","))}  # expect: UNB120
