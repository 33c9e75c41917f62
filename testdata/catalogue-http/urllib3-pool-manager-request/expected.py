import urllib3
from fastapi import FastAPI

app = FastAPI()
pool = urllib3.PoolManager(num_pools=4)


@app.get("/rates/{currency}")
def rates(currency: str):  # expect-fix: convert-to-def
    answer = pool.request("GET", f"https://rates.example/{currency}")  # expect: UNB110
    backup = urllib3.request("GET", "https://fallback-rates.example/latest")  # expect: UNB110
    return {"primary": answer.status, "backup": backup.status}
