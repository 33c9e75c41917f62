from subprocess import check_output

from fastapi import FastAPI

app = FastAPI()


@app.get("/version")
def version():  # expect-fix: convert-to-def
    rev = check_output(["git", "rev-parse", "HEAD"]).decode().strip()  # expect: UNB130
    return {"revision": rev}
