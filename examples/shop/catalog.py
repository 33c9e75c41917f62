"""Products: the list comes from a JSON file, prices from a pricing service."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import requests
from fastapi import APIRouter, HTTPException

router = APIRouter(prefix="/products", tags=["products"])

PRODUCTS = Path(__file__).with_name("products.json")
PRICING_URL = "https://pricing.example.com/v1/prices"
WAREHOUSE_URL = "https://warehouse.example.com/v1/stock"


@router.get("")
async def list_products() -> list[dict[str, Any]]:
    with open(PRODUCTS, encoding="utf-8") as handle:
        products: list[dict[str, Any]] = json.load(handle)
    return products


@router.get("/{sku}/price")
async def price(sku: str) -> dict[str, Any]:
    response = requests.get(f"{PRICING_URL}/{sku}", timeout=5)
    if response.status_code == 404:
        raise HTTPException(status_code=404, detail="unknown product")
    response.raise_for_status()
    return {"sku": sku, "price": response.json()["amount"]}


@router.get("/{sku}/stock")
async def stock(sku: str) -> dict[str, Any]:
    # Fine as it is: the async client is awaited, the loop keeps serving.
    async with httpx.AsyncClient(timeout=5) as client:
        response = await client.get(f"{WAREHOUSE_URL}/{sku}")
    response.raise_for_status()
    return {"sku": sku, "available": response.json()["available"]}
