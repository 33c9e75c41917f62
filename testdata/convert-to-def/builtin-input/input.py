from fastapi import FastAPI

app = FastAPI()


@app.post("/approve/{request_id}")
async def approve(request_id: int):  # expect-fix: convert-to-def
    answer = input(f"approve request {request_id}? [y/N] ")  # expect: UNB200
    return {"approved": answer.lower() == "y"}
