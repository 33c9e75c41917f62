import time

from fastapi import FastAPI

app = FastAPI()


def parse_limit(raw: str) -> int:
    try:
        return int(raw)
    except ValueError :
        return 10


@app.get("/items")
async def items(limit: str = "10"):  # expect-fix: convert-to-def
    time.sleep(0.1)  # expect: UNB100
    return list(range(parse_limit(limit)))
