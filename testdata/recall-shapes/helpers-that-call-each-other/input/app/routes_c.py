from fastapi import APIRouter

from .registry import registry

router = APIRouter()


@router.get("/health")
async def health():  # expect-fix: convert-to-def
    return {"projects": len(registry.list_projects(allow_cache=True))}  # expect: UNB140
