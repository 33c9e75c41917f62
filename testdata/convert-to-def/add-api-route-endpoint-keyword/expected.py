import requests
from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter()


def fetch_profile(handle: str):  # expect-fix: convert-to-def
    return requests.get(f"https://social.example/{handle}").json()  # expect: UNB110


router.add_api_route("/profiles/{handle}", endpoint=fetch_profile, methods=["GET"])
app.include_router(router)
