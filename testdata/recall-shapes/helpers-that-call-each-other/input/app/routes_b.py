from fastapi import APIRouter

from .memory import remember

router = APIRouter()


@router.post("/memory")
async def remember_one(record: dict):  # expect-fix: wrap-in-threadpool
    return {"count": await remember(record)}  # expect: UNB120
