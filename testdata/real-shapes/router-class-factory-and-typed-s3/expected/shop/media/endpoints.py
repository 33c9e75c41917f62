from fastapi.concurrency import run_in_threadpool

from shop.media.buckets import BUCKETS, Kind
from shop.routing import APIRouter, LegacyRouter

router = APIRouter(prefix="/media")
legacy = LegacyRouter(prefix="/v0/media")


async def forget(key: str) -> None:
    return None


@router.delete("/{kind}/{key}")
async def delete_media(kind: Kind, key: str):  # expect-fix: wrap-in-threadpool
    await forget(key)
    await run_in_threadpool(BUCKETS[kind].remove, key)  # expect: UNB160
    return {"deleted": key}


@router.get("/{kind}/{key}/link")
async def media_link(kind: Kind, key: str):
    return {"url": BUCKETS[kind].link(key)}


@legacy.delete("/{kind}/{key}")
def delete_media_v0(kind: Kind, key: str):  # expect-fix: convert-to-def
    BUCKETS[kind].remove(key)  # expect: UNB160
    return {"deleted": key}
