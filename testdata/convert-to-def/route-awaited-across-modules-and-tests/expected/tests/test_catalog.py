import pytest
from fastapi.concurrency import run_in_threadpool

from app import catalog


@pytest.mark.anyio
async def test_get_product():
    product = await run_in_threadpool(catalog.get_product, sku="A-1")
    assert product["sku"] == "A-1"


@pytest.mark.anyio
async def test_get_product_laid_out_over_lines():
    product = await run_in_threadpool(
        catalog.get_product,
        "B-2",
    )
    assert product == {
        "sku": "B-2",
        "price": 10,
    }
