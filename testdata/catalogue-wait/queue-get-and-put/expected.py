import queue

from fastapi import FastAPI

app = FastAPI()
requests_q = queue.Queue(maxsize=100)
results_q = queue.Queue()


@app.post("/jobs")
def run_job(payload: str):  # expect-fix: convert-to-def
    requests_q.put(payload)  # expect: UNB200
    try:
        stale = results_q.get_nowait()
    except queue.Empty:
        stale = None
    result = results_q.get(timeout=10)  # expect: UNB200
    return {"result": result, "stale": stale}
