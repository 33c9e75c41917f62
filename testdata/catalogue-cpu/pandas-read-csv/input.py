import io

import pandas as pd
from fastapi import FastAPI

app = FastAPI()


@app.post("/csv/summary")
async def csv_summary(text: str):  # expect-fix: convert-to-def
    frame = pd.read_csv(io.StringIO(text))  # expect: UNB220
    return {"rows": len(frame), "json": frame.describe().to_json()}
