from urllib.request import urlretrieve

from fastapi import FastAPI

app = FastAPI()


@app.post("/mirror-logo")
def mirror_logo():  # expect-fix: convert-to-def
    path, headers = urlretrieve("https://cdn.example/logo.png", "/srv/static/logo.png")  # expect: UNB110
    return {"saved": path, "type": headers.get_content_type()}
