import xmlrpc.client

from fastapi import FastAPI

app = FastAPI()


@app.get("/legacy/sum")
async def legacy_sum(a: int, b: int):  # expect-fix: convert-to-def
    proxy = xmlrpc.client.ServerProxy("http://legacy.example:8000/RPC2")
    total = proxy.add(a, b)  # expect: UNB110
    return {"total": total}
