from fastapi import APIRouter, HTTPException

from svc.cache.factory import get_cache_backend

router = APIRouter()


@router.get("/grants/{key}")
def read_grant(key: str):  # expect-fix: convert-to-def
    cached = get_cache_backend().get(key)  # expect: UNB140, UNB150
    if cached is None:
        raise HTTPException(status_code=404)
    return {"grant": cached.decode()}


@router.put("/grants/{key}")
def write_grant(key: str, value: str):  # expect-fix: convert-to-def
    get_cache_backend().set(key, value.encode())  # expect: UNB140, UNB150
    return {"stored": True}
