from fastapi import FastAPI
from kubernetes import client as sync_client
from kubernetes_asyncio import client, config

app = FastAPI()


@app.get("/namespaces/{ns}/pods")
async def pods(ns: str):
    await config.load_kube_config()
    async with client.ApiClient() as api:
        found = await client.CoreV1Api(api).list_namespaced_pod(ns)
    # Model classes of the sync client are plain data.
    meta = sync_client.V1ObjectMeta(name="probe")
    return {"pods": [p.metadata.name for p in found.items], "probe": meta.name}
