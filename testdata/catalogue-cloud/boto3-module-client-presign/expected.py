import boto3
from fastapi import FastAPI

app = FastAPI()
s3 = boto3.client("s3", region_name="eu-west-1")


@app.get("/files/{key}")
def download_link(key: str):  # expect-fix: convert-to-def
    s3.head_object(Bucket="uploads", Key=key)  # expect: UNB160
    paginator = s3.get_paginator("list_objects_v2")
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "uploads", "Key": key}, ExpiresIn=300)
    return {"url": url, "paginated": paginator is not None}
