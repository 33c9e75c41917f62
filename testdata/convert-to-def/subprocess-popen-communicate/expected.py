import subprocess

from fastapi import FastAPI

app = FastAPI()


@app.post("/convert")
def convert(doc: str):  # expect-fix: convert-to-def
    proc = subprocess.Popen(["pandoc", "-t", "html"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)  # expect: UNB130
    html, _ = proc.communicate(doc.encode())  # expect: UNB130
    return {"html": html.decode()}
