from fastapi import APIRouter

from .jobs import build_command

router = APIRouter()


@router.get("/jobs/{job}/command")
async def show_command(job: str):  # expect-fix: convert-to-def
    return {"command": build_command(job)}  # expect: UNB130
