import subprocess

from fastapi import FastAPI

app = FastAPI()


@app.post("/backups")
def backup():  # expect-fix: convert-to-def
    proc = subprocess.Popen(["pg_dump", "-f", "/srv/backup.sql", "app"])  # expect: UNB130
    code = proc.wait(timeout=600)  # expect: UNB130
    return {"exit": code}
