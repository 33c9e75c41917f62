import gzip

from fastapi import FastAPI

app = FastAPI()


@app.get("/dump")
async def dump():  # expect-fix: convert-to-def
    with gzip.open("/srv/dump.sql.gz", "rt") as fh:  # expect: UNB120
        head = fh.readline()  # expect: UNB120
    return {"first_line": head}
