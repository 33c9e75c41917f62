import boto3
from fastapi import FastAPI

app = FastAPI()
dynamodb = boto3.resource("dynamodb")
s3 = boto3.resource("s3")


@app.put("/users/{uid}")
def save_user(uid: str, data: dict):  # expect-fix: convert-to-def
    table = dynamodb.Table("users")
    table.put_item(Item={"id": uid, **data})  # expect: UNB160
    archive = s3.Object("archive", f"users/{uid}.json")
    archive.put(Body=str(data).encode())  # expect: UNB160
    return {"saved": uid}
