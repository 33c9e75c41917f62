from fastapi import APIRouter

from .jobs import parse_request

router = APIRouter()


@router.post("/jobs/{job}")
def run_job(job: str):  # expect-fix: convert-to-def
    return {"output": parse_request(job)}  # expect: UNB130
