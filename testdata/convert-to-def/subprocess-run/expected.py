import subprocess

from fastapi import FastAPI

app = FastAPI()


@app.post("/deploy")
def deploy(branch: str):  # expect-fix: convert-to-def
    done = subprocess.run(["git", "checkout", branch], capture_output=True, text=True)  # expect: UNB130
    return {"rc": done.returncode, "out": done.stdout}
