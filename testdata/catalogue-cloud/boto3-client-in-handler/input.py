import boto3
from fastapi import FastAPI

app = FastAPI()


@app.get("/files/{key}/meta")
async def file_meta(key: str):  # expect-fix: convert-to-def
    s3 = boto3.client("s3")  # expect: UNB160
    head = s3.head_object(Bucket="uploads", Key=key)  # expect: UNB160
    return {"size": head["ContentLength"]}
