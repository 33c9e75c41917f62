from dishka.integrations.fastapi import FromDishka
from fastapi import APIRouter

from app.services import BackupManager, ManagementService

router = APIRouter()


@router.post("/restart")
async def restart(management: FromDishka[ManagementService]):  # expect-fix: wrap-in-threadpool
    # dishka hands the route a ``ManagementService``: its ``restart`` opens an SSH session.
    return await management.restart()  # expect: UNB180


@router.post("/backups")
async def backup(manager: FromDishka[BackupManager]):  # expect-fix: wrap-in-threadpool
    # The manager asks its container for the service, then runs the backup over SSH.
    return await manager.perform_backup()  # expect: UNB180


@router.get("/backups/describe")
async def describe(manager: FromDishka[BackupManager]):
    return await manager.describe()
