"""Comments after a multi-line PEP 701 f-string (3.11's tokenizer stops there) still count."""

import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/both")
async def both(name: str) -> dict[str, str]:  # expect-fix: convert-to-def
    greeting = f"{
        name.title()  # a comment inside the replacement field
    }"
    time.sleep(1)  # unblock: ignore
    time.sleep(2)  # expect: UNB100
    return {"greeting": greeting}
