from anthropic import Anthropic
from fastapi import FastAPI, UploadFile
from fastapi.concurrency import run_in_threadpool
from openai import OpenAI

app = FastAPI()
gpt = OpenAI()
claude = Anthropic()


@app.post("/stores/{store_id}/files")
async def add_file(store_id: str, upload: UploadFile):  # expect-fix: wrap-in-threadpool
    data = await upload.read()
    stored = await run_in_threadpool(
        gpt.vector_stores.files.upload_and_poll, vector_store_id=store_id, file=data
    )  # expect: UNB190
    return {"id": stored.id, "status": stored.status}


@app.post("/threads/{thread_id}/run")
def run(thread_id: str, assistant_id: str):  # expect-fix: convert-to-def
    result = gpt.beta.threads.runs.create_and_poll(thread_id=thread_id, assistant_id=assistant_id)  # expect: UNB190
    job = gpt.fine_tuning.jobs.retrieve("ftjob-123")  # expect: UNB190
    return {"status": result.status, "job": job.status}


@app.post("/batches")
def submit(prompts: list[str]):  # expect-fix: convert-to-def
    batch = claude.messages.batches.create(  # expect: UNB190
        requests=[{"custom_id": str(i), "params": {"model": "claude-sonnet-4-5", "max_tokens": 64,
                                                   "messages": [{"role": "user", "content": p}]}}
                  for i, p in enumerate(prompts)],
    )
    return {"id": batch.id}
