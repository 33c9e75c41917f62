import json

import pika
from fastapi import FastAPI

app = FastAPI()


@app.post("/jobs")
async def submit(job: dict):  # expect-fix: convert-to-def
    connection = pika.BlockingConnection(pika.ConnectionParameters("rabbit"))  # expect: UNB180
    channel = connection.channel()  # expect: UNB180
    channel.queue_declare(queue="jobs", durable=True)  # expect: UNB180
    channel.basic_publish(exchange="", routing_key="jobs", body=json.dumps(job))  # expect: UNB180
    connection.close()  # expect: UNB180
    return {"queued": True}
