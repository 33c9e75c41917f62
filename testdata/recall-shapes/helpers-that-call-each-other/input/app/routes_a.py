from fastapi import APIRouter

from .memory import import_export

router = APIRouter()


@router.post("/memory/import")
async def import_memory(export: str):  # expect-fix: wrap-in-threadpool
    return {"count": await import_export(export)}  # expect: UNB120
