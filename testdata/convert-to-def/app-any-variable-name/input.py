import time

from fastapi import FastAPI

service = FastAPI(title="billing")


@service.get("/invoices/{number}")
async def invoice(number: int):  # expect-fix: convert-to-def
    time.sleep(0.05)  # expect: UNB100
    return {"invoice": number}
