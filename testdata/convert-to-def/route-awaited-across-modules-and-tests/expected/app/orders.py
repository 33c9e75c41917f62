from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from app.catalog import get_product

router = APIRouter()


@router.post("/orders")
async def create_order(request: Request) -> dict:  # expect-fix: convert-to-def
    body = await request.json()
    product = await run_in_threadpool(get_product, body["sku"])  # expect: UNB100
    return {"total": product["price"] * body["quantity"]}
