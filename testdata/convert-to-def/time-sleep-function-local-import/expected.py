from fastapi import FastAPI

app = FastAPI()


@app.get("/backoff")
def backoff(level: int = 1):  # expect-fix: convert-to-def
    import time

    time.sleep(0.1 * level)  # expect: UNB100
    return {"level": level}
