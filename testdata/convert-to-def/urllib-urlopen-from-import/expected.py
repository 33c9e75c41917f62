from urllib.request import urlopen

from fastapi import FastAPI

app = FastAPI()


@app.get("/status-page")
def status_page():  # expect-fix: convert-to-def
    page = urlopen("https://status.example/").read()  # expect: UNB110
    return {"size": len(page)}
