import weaviate
from fastapi import FastAPI
from pydantic import BaseModel
from weaviate.embedded import EmbeddedOptions

app = FastAPI()


class Credentials(BaseModel):
    deployment: str
    url: str = ""


class ClientManager:
    """Keeps a client per deployment; an embedded one is started on first use."""

    def __init__(self) -> None:
        self.clients: dict[str, weaviate.WeaviateAsyncClient] = {}

    async def client_for(self, credentials: Credentials) -> weaviate.WeaviateAsyncClient:  # expect-fix: wrap-in-threadpool
        if credentials.deployment == "Local":
            client = weaviate.use_async_with_embedded()  # expect: UNB130
        else:
            client = weaviate.use_async_with_local(host=credentials.url)
        await client.connect()
        return client


manager = ClientManager()


@app.post("/connect")
async def connect(credentials: Credentials):  # expect-fix: wrap-in-threadpool
    client = await manager.client_for(credentials)  # expect: UNB130
    return {"ready": await client.is_ready()}


@app.post("/embedded")
async def embedded():  # expect-fix: wrap-in-threadpool
    client = weaviate.WeaviateAsyncClient(embedded_options=EmbeddedOptions())  # expect: UNB130
    await client.connect()
    return {"ready": await client.is_ready()}


@app.post("/remote")
async def remote(credentials: Credentials):
    client = weaviate.WeaviateAsyncClient(weaviate.connect.ConnectionParams.from_url(credentials.url, 50051))
    await client.connect()
    return {"ready": await client.is_ready()}
