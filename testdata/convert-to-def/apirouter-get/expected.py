import requests
from fastapi import APIRouter

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/{user_id}/repos")
def list_repos(user_id: str):  # expect-fix: convert-to-def
    listing = requests.get(f"https://git.example/api/users/{user_id}/repos")  # expect: UNB110
    return listing.json()
