import requests
from fastapi import FastAPI as F

api = F()


@api.get("/ip")
async def public_ip():  # expect-fix: convert-to-def
    return {"ip": requests.get("https://ifconfig.example").text}  # expect: UNB110
