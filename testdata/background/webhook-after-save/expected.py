import smtplib

import requests
from fastapi import BackgroundTasks, FastAPI
from pydantic import BaseModel

app = FastAPI()
AUDIT_URL = "https://audit.example/events"


class Order(BaseModel):
    item: str
    quantity: int = 1


def send_receipt(address: str, item: str) -> None:
    with smtplib.SMTP("mail.example") as smtp:
        smtp.sendmail("shop@example", [address], f"You ordered {item}")


@app.post("/orders")
async def create_order(
    order: Order, email: str, background_tasks: BackgroundTasks, note: str | None = None
):  # expect-fix: move-to-background
    total = order.quantity * 10
    background_tasks.add_task(
        requests.post, AUDIT_URL, json={"item": order.item, "total": total}, timeout=5
    )  # expect: UNB110
    if email:
        background_tasks.add_task(send_receipt, email, order.item)  # expect: UNB170
    return {"item": order.item, "total": total, "note": note}


@app.post(
    "/exploded",
)
async def exploded(  # expect-fix: move-to-background
    item: str,
    background_tasks: BackgroundTasks,
    quantity: int = 1,
):
    background_tasks.add_task(  # expect: UNB110
        requests.post,
        AUDIT_URL,
        json={"item": item, "quantity": quantity},
        timeout=5,
    )
    return {"item": item}


@app.post("/keyword-only")
async def keyword_only(
    item: str, *, dry_run: bool = False, background_tasks: BackgroundTasks
):  # expect-fix: move-to-background
    background_tasks.add_task(
        requests.post, AUDIT_URL, data={"item": item}, timeout=5
    )  # expect: UNB110
    return {"item": item, "dry_run": dry_run}
