from fastapi import FastAPI

app = FastAPI()

HELP = "never call requests.get(url) or time.sleep(1) in a handler"


@app.get("/docs-snippet")
async def docs_snippet():
    # time.sleep(1) would block here; so would open("x").read()
    example = 'subprocess.run(["ls"])'
    return {"help": HELP, "example": example, "note": "input() blocks"}
