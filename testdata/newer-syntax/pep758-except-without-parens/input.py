"""Python 3.14 syntax: `except` without parentheses (PEP 758), t-strings (PEP 750)."""
# syntax: 3.14

import subprocess

from fastapi import FastAPI

app = FastAPI()


@app.get("/version")
async def version(tool: str) -> dict[str, str]:  # expect-fix: convert-to-def
    label = t"{tool}"
    try:
        out = subprocess.run([tool, "--version"], capture_output=True, check=True)  # expect: UNB130
    except FileNotFoundError, subprocess.CalledProcessError:
        return {"tool": str(label.strings), "version": "unknown"}
    return {"tool": tool, "version": out.stdout.decode()}
