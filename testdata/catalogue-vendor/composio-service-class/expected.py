from composio import Composio
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


class ConnectorService:
    """A service object holding the SDK client, as applications wrap it."""

    def __init__(self, api_key: str) -> None:
        self.client = Composio(api_key=api_key)

    async def start_connection(self, user_id: str, auth_config_id: str) -> str:  # expect-fix: wrap-in-threadpool
        request = await run_in_threadpool(
            self.client.connected_accounts.initiate,
            user_id=user_id,
            auth_config_id=auth_config_id,
        )  # expect: UNB190
        account = await run_in_threadpool(
            request.wait_for_connection, timeout=30
        )  # expect: UNB190
        return account.id

    async def run_tool(self, slug: str, user_id: str) -> dict:  # expect-fix: wrap-in-threadpool
        return await run_in_threadpool(
            self.client.tools.execute, slug, user_id=user_id, arguments={}
        )  # expect: UNB190


service = ConnectorService(api_key="key")


@app.post("/connect")
async def connect(user_id: str, auth_config_id: str):  # expect-fix: wrap-in-threadpool
    return {"account": await service.start_connection(user_id, auth_config_id)}  # expect: UNB190


@app.post("/tools/{slug}")
async def run(slug: str, user_id: str):  # expect-fix: wrap-in-threadpool
    return await service.run_tool(slug, user_id)  # expect: UNB190
