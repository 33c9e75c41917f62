from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()


def export_rows(table: str):  # expect-fix: convert-to-def
    with open(f"exports/{table}.csv", encoding="utf-8") as source:  # expect: UNB120
        for line in source:  # expect: UNB120
            yield line


@app.get("/export/{table}")
async def export(table: str):
    return StreamingResponse(export_rows(table), media_type="text/csv")
