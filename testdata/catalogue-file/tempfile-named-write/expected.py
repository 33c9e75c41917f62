import tempfile

from fastapi import FastAPI

app = FastAPI()


@app.post("/render")
def render(markup: str):  # expect-fix: convert-to-def
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as tmp:  # expect: UNB120
        tmp.write(markup)  # expect: UNB120
        tmp.flush()  # expect: UNB120
        location = tmp.name
    return {"preview": location}
