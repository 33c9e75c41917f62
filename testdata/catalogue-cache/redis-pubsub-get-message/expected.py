import redis
from fastapi import FastAPI

app = FastAPI()
r = redis.Redis()


@app.get("/notifications/next")
def next_notification():  # expect-fix: convert-to-def
    channel = r.pubsub(ignore_subscribe_messages=True)
    channel.subscribe("notifications")  # expect: UNB150
    message = channel.get_message(timeout=1.0)  # expect: UNB150
    return {"message": message}
