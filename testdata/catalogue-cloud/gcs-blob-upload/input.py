from fastapi import FastAPI
from google.cloud import storage

app = FastAPI()


@app.post("/exports/{name}")
async def export(name: str, csv: str):  # expect-fix: convert-to-def
    client = storage.Client()  # expect: UNB160
    bucket = client.bucket("exports")
    blob = bucket.blob(f"daily/{name}.csv")
    blob.upload_from_string(csv, content_type="text/csv")  # expect: UNB160
    return {"uri": f"gs://exports/daily/{name}.csv"}
