import resend
from fastapi import BackgroundTasks, FastAPI

app = FastAPI()


def send_welcome(address: str):  # expect-fix: convert-to-def
    resend.Emails.send({"from": "hi@example.org", "to": [address], "subject": "Welcome", "html": "<p>Hi</p>"})  # expect: UNB170


@app.post("/signup")
async def signup(address: str, tasks: BackgroundTasks):
    tasks.add_task(send_welcome, address)
    return {"ok": True}
