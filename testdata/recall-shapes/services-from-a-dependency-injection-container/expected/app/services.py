from dishka import AsyncContainer, Scope
from fastapi.concurrency import run_in_threadpool

from app.ssh import connect


class ManagementService:
    def run_host(self, command: str) -> str:
        client = connect("backup.internal")
        _, stdout, _ = client.exec_command(command)
        return stdout.read().decode()

    async def restart(self) -> str:  # expect-fix: wrap-in-threadpool
        return await run_in_threadpool(self.run_host, "./restart.sh")  # expect: UNB180


class BackupManager:
    def __init__(self, container: AsyncContainer) -> None:
        self.container = container

    async def perform_backup(self) -> str:  # expect-fix: wrap-in-threadpool
        async with self.container(scope=Scope.REQUEST) as request_container:
            management = await request_container.get(ManagementService)
            return await run_in_threadpool(
                management.run_host, "./backup.sh"
            )  # expect: UNB180

    async def describe(self) -> str:
        async with self.container(scope=Scope.REQUEST) as request_container:
            return str(await request_container.get(int))
