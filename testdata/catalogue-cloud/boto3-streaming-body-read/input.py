import boto3
from fastapi import FastAPI

app = FastAPI()
s3 = boto3.client("s3")


@app.get("/reports/{name}")
async def report(name: str):  # expect-fix: convert-to-def
    obj = s3.get_object(Bucket="reports", Key=name)  # expect: UNB160
    body = obj["Body"].read()  # expect: UNB160
    return {"size": len(body)}
