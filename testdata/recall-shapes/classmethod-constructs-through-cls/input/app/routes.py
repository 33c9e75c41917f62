from fastapi import APIRouter, Depends

from app.service import ConnectionService

router = APIRouter()


@router.post("/connections")
async def connect(dsn: str, service: ConnectionService = Depends(ConnectionService)):  # expect-fix: wrap-in-threadpool
    # The classmethod makes the class through ``cls(...)``: its ``__init__`` reflects the schema.
    return await service.check(dsn)  # expect: UNB140


@router.get("/connections/sample")
async def sample(service: ConnectionService = Depends(ConnectionService)):
    return await service.sample()
