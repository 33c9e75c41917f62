import boto3
from fastapi import FastAPI

app = FastAPI()
ec2 = boto3.client("ec2")


@app.post("/instances/{iid}/start")
def start_instance(iid: str):  # expect-fix: convert-to-def
    ec2.start_instances(InstanceIds=[iid])  # expect: UNB160
    waiter = ec2.get_waiter("instance_running")
    waiter.wait(InstanceIds=[iid])  # expect: UNB160
    return {"running": iid}
