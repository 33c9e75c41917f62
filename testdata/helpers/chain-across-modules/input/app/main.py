from fastapi import FastAPI

from .services.pricing import price_with_tax

app = FastAPI()


@app.get("/price/{sku}")
async def price(sku: str):  # expect-fix: convert-to-def
    return {"sku": sku, "price": price_with_tax(sku)}  # expect: UNB110
