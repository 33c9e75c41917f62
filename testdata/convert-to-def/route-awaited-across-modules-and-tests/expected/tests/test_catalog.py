import pytest

from app import catalog
from fastapi.concurrency import run_in_threadpool


@pytest.mark.anyio
async def test_get_product():
    product = await run_in_threadpool(catalog.get_product, sku="A-1")
    assert product["sku"] == "A-1"
