from fastapi import FastAPI
from slack_sdk import WebClient

app = FastAPI()
slack = WebClient(token="xoxb-token")


@app.post("/deploys/{version}")
async def announce(version: str):  # expect-fix: convert-to-def
    slack.chat_postMessage(channel="#deploys", text=f"Deployed {version}")  # expect: UNB190
    return {"announced": version}
