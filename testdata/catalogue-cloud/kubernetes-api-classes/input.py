from fastapi import FastAPI
from kubernetes import client, config, watch

app = FastAPI()
config.load_incluster_config()
core = client.CoreV1Api()
apps = client.AppsV1Api()
crds = client.CustomObjectsApi()


@app.get("/namespaces/{ns}/pods")
async def pods(ns: str):  # expect-fix: convert-to-def
    found = core.list_namespaced_pod(ns, label_selector="app=web")  # expect: UNB160
    return [p.metadata.name for p in found.items]


@app.post("/namespaces/{ns}/deployments/{name}/scale")
async def scale(ns: str, name: str, replicas: int):  # expect-fix: convert-to-def
    apps.patch_namespaced_deployment_scale(name, ns, {"spec": {"replicas": replicas}})  # expect: UNB160
    job = client.V1Job(metadata=client.V1ObjectMeta(name=f"{name}-warmup"))
    client.BatchV1Api().create_namespaced_job(ns, job)  # expect: UNB160
    return crds.list_namespaced_custom_object("example.com", "v1", ns, "caches")  # expect: UNB160


@app.get("/namespaces/{ns}/events")
async def events(ns: str):  # expect-fix: convert-to-def
    config.load_kube_config(context="staging")  # expect: UNB160
    seen = []
    for event in watch.Watch().stream(core.list_namespaced_event, ns, timeout_seconds=5):  # expect: UNB160
        seen.append(event["object"].message)
    return seen
