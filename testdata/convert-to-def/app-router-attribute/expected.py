import subprocess

from fastapi import FastAPI

app = FastAPI()


@app.router.get("/disk")
def disk_usage():  # expect-fix: convert-to-def
    usage = subprocess.check_output(["df", "-h"], text=True)  # expect: UNB130
    return {"df": usage}
