from app.services.catalog import lookup_price

TAX = 1.2


def price_with_tax(sku: str) -> float:
    return lookup_price(sku) * TAX
