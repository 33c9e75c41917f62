"""Orders: checkout through a payment provider, PDF invoices, order notes."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import requests
from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import BaseModel

router = APIRouter(prefix="/orders", tags=["orders"])

PAYMENTS_URL = "https://payments.example.com/v1/charges"
INVOICE_PAGES = "https://shop.example.com/internal/invoices"
NOTES = Path("/var/lib/shop/notes")
RECEIPTS = Path("/var/lib/shop/receipts")
ORDERS: dict[str, dict[str, str]] = {"A-1001": {"id": "A-1001", "status": "paid"}}


class Checkout(BaseModel):
    order_id: str
    amount_cents: int
    card_token: str


@router.post("/checkout")
async def checkout(order: Checkout) -> dict[str, str]:
    for attempt in range(3):
        response = requests.post(PAYMENTS_URL, json=order.model_dump(), timeout=10)
        if response.status_code != 503:
            break
        time.sleep(2**attempt)  # the provider is busy: back off, then retry
    response.raise_for_status()
    return {"order_id": order.order_id, "charge": response.json()["id"]}


@router.get("/{order_id}/invoice.pdf")
async def invoice(order_id: str) -> Response:
    rendered = subprocess.run(
        ["wkhtmltopdf", f"{INVOICE_PAGES}/{order_id}", "-"], capture_output=True, check=True
    )
    return Response(rendered.stdout, media_type="application/pdf")


@router.post("/{order_id}/notes")
async def add_note(order_id: str, request: Request) -> dict[str, str]:
    # Cannot simply become `def`: it awaits the request body, then blocks on
    # file I/O. The blocking part needs to move to a thread.
    note = (await request.body()).decode("utf-8")
    with open(NOTES / f"{order_id}.txt", "a", encoding="utf-8") as handle:
        handle.write(note + "\n")
    return {"order_id": order_id, "status": "noted"}


@router.put("/{order_id}/receipt")
async def upload_receipt(order_id: str, request: Request) -> dict[str, str]:
    # No automatic fix: the file is written while the body streams in
    # (`async for`), so it can neither become `def` nor move to a thread as
    # it is. Collect the chunks first, or use an async file library.
    with open(RECEIPTS / f"{order_id}.pdf", "wb") as sink:
        async for chunk in request.stream():
            sink.write(chunk)
    return {"order_id": order_id, "status": "stored"}


@router.get("/{order_id}")
async def get_order(order_id: str) -> dict[str, str]:
    # Fine as it is: a dictionary lookup never blocks.
    if order_id not in ORDERS:
        raise HTTPException(status_code=404, detail="unknown order")
    return ORDERS[order_id]
