import time

from fastapi import APIRouter

router = APIRouter()


@router.get("/products/{sku}")
def get_product(sku: str) -> dict:  # expect-fix: convert-to-def
    time.sleep(0.1)  # expect: UNB100
    return {"sku": sku, "price": 10}
