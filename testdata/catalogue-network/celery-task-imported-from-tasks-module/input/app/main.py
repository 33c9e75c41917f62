from fastapi import FastAPI

from app import tasks
from app.tasks import send_receipt

app = FastAPI()


@app.post("/orders/{order_id}/paid")
async def paid(order_id: int):  # expect-fix: convert-to-def
    send_receipt.delay(order_id)  # expect: UNB180
    tasks.reindex.apply_async(args=[order_id], countdown=30)  # expect: UNB180
    return {"queued": True}
