from fastapi import FastAPI

from app.store import Store

app = FastAPI()
STORE: Store[str] = Store()


@app.get("/items/{key}")
def item(key: str) -> dict[str, str | None]:  # expect-fix: convert-to-def
    return {"key": key, "value": STORE.get(key)}  # expect: UNB100
