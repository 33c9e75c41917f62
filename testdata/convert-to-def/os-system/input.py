import os

from fastapi import FastAPI

app = FastAPI()


@app.post("/backup")
async def backup():  # expect-fix: convert-to-def
    status = os.system("tar czf /tmp/backup.tgz /srv/data")  # expect: UNB130
    return {"status": status}
