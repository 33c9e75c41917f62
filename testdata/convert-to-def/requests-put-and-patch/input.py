import requests
from fastapi import FastAPI

app = FastAPI()

UPSTREAM = "https://inventory.example/items"


@app.put("/items/{item_id}")
async def replace_item(item_id: int, name: str):  # expect-fix: convert-to-def
    requests.put(f"{UPSTREAM}/{item_id}", json={"name": name})  # expect: UNB110
    return {"replaced": item_id}


@app.patch("/items/{item_id}")
async def rename_item(item_id: int, name: str):  # expect-fix: convert-to-def
    result = requests.patch(  # expect: UNB110
        f"{UPSTREAM}/{item_id}",
        json={"name": name},
    )
    return {"status": result.status_code}
