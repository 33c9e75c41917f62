import litellm
from anthropic import AsyncAnthropic
from fastapi import FastAPI
from openai import AsyncOpenAI
from slack_sdk.web.async_client import AsyncWebClient

app = FastAPI()
openai_client = AsyncOpenAI()
claude = AsyncAnthropic()
slack = AsyncWebClient(token="xoxb-token")


@app.post("/assist")
async def assist(prompt: str):
    first = await openai_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    second = await claude.messages.create(model="claude-sonnet-4-5", max_tokens=256, messages=[{"role": "user", "content": prompt}])
    third = await litellm.acompletion(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    await slack.chat_postMessage(channel="#assist", text=prompt)
    return {"a": first.id, "b": second.id, "c": third.id}
