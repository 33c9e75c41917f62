import shutil
import time

import requests
from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter()


def exchange_rate(base: str, quote: str):  # expect-fix: convert-to-def
    reply = requests.get("https://fx.example/rate", params={"base": base, "quote": quote}, timeout=4)  # expect: UNB110
    return {"rate": reply.json()["rate"]}


def rebuild_index():  # expect-fix: convert-to-def
    time.sleep(0.5)  # expect: UNB100
    return {"status": "rebuilt"}


def purge_cache():  # expect-fix: convert-to-def
    shutil.rmtree("/var/cache/app", ignore_errors=True)  # expect: UNB120
    return {"status": "purged"}


app.add_api_route("/fx/{base}/{quote}", exchange_rate)
router.add_api_route("/index/rebuild", endpoint=rebuild_index, methods=["POST"])
app.router.add_api_route("/cache", purge_cache, methods=["DELETE"])
app.include_router(router, prefix="/admin")
