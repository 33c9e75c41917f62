from fastapi import FastAPI

from app.store import store

app = FastAPI()


@app.get("/reports/{report_id}")
async def read_report(report_id: str):  # expect-fix: wrap-in-threadpool
    return await store.get(report_id)  # expect: UNB120


@app.get("/reports/{report_id}/title")
async def read_title(report_id: str):  # expect-fix: wrap-in-threadpool
    report = await store.get(report_id)  # expect: UNB120
    return {"title": report.get("title")}
