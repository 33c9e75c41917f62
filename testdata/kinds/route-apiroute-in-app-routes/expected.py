import json
import time

from fastapi import FastAPI
from fastapi.routing import APIRoute


def feature_flags():  # expect-fix: convert-to-def
    with open("flags.json", encoding="utf-8") as handle:  # expect: UNB120
        return json.load(handle)  # expect: UNB120


def slow_version():  # expect-fix: convert-to-def
    time.sleep(0.1)  # expect: UNB100
    return {"version": "1.4.2"}


app = FastAPI(
    routes=[
        APIRoute("/flags", feature_flags),
        APIRoute(path="/version", endpoint=slow_version, methods=["GET"]),
    ]
)
