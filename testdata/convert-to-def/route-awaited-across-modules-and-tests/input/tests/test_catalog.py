import pytest

from app import catalog


@pytest.mark.anyio
async def test_get_product():
    product = await catalog.get_product(sku="A-1")
    assert product["sku"] == "A-1"
