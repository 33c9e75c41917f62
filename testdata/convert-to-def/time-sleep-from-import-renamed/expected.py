from time import sleep as snooze

from fastapi import FastAPI

app = FastAPI()


@app.get("/nap/{seconds}")
def nap(seconds: int):  # expect-fix: convert-to-def
    snooze(seconds)  # expect: UNB100
    return {"slept": seconds}
