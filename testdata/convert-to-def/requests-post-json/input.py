import requests
from fastapi import FastAPI

app = FastAPI()


@app.post("/orders")
async def create_order(item: str, quantity: int):  # expect-fix: convert-to-def
    payload = {"item": item, "quantity": quantity}
    reply = requests.post("https://shop.example/orders", json=payload, timeout=5)  # expect: UNB110
    reply.raise_for_status()
    return reply.json()
