import requests


def lookup_price(sku: str) -> float:
    response = requests.get(f"https://catalog.example/items/{sku}", timeout=5)
    return float(response.json()["price"])
