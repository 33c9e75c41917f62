import webbrowser

from fastapi import FastAPI

app = FastAPI()


@app.post("/open-docs")
def open_docs():  # expect-fix: convert-to-def
    opened = webbrowser.open("http://localhost:8000/docs")  # expect: UNB130
    return {"opened": opened}
