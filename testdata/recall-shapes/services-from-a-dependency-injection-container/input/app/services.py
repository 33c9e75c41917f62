from dishka import AsyncContainer, Scope

from app.ssh import connect


class ManagementService:
    def run_host(self, command: str) -> str:
        client = connect("backup.internal")
        _, stdout, _ = client.exec_command(command)
        return stdout.read().decode()

    async def restart(self) -> str:  # expect-fix: wrap-in-threadpool
        return self.run_host("./restart.sh")  # expect: UNB180


class BackupManager:
    def __init__(self, container: AsyncContainer) -> None:
        self.container = container

    async def perform_backup(self) -> str:  # expect-fix: wrap-in-threadpool
        async with self.container(scope=Scope.REQUEST) as request_container:
            management = await request_container.get(ManagementService)
            return management.run_host("./backup.sh")  # expect: UNB180

    async def describe(self) -> str:
        async with self.container(scope=Scope.REQUEST) as request_container:
            return str(await request_container.get(int))
