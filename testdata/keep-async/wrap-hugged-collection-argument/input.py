from azure.cosmos import CosmosClient
from fastapi import FastAPI, Request

app = FastAPI()
container = CosmosClient("https://db.example", "key").get_database_client("app").get_container_client("items")


@app.post("/items/{item_id}")
async def save_item(item_id: str, request: Request):  # expect-fix: wrap-in-threadpool
    body = await request.json()
    # A collection hugged by the call's brackets (ruff's preview style) becomes the second
    # argument once the callable goes first: ruff format puts each argument on its own line.
    container.upsert_item({  # expect: UNB140
        "id": item_id,
        "name": body["name"],
        "type": "item",
    })
    container.upsert_item(body=[  # expect: UNB140
        item_id,
        body["name"],
    ])
    return {"id": item_id}
