import boto3
from fastapi import FastAPI

app = FastAPI()
session = boto3.Session(profile_name="jobs")


@app.post("/jobs")
def enqueue(job: dict):  # expect-fix: convert-to-def
    sqs = session.client("sqs")  # expect: UNB160
    sent = sqs.send_message(QueueUrl="https://sqs.example/jobs", MessageBody=str(job))  # expect: UNB160
    return {"id": sent["MessageId"]}
