import docker
from fastapi import FastAPI, HTTPException

app = FastAPI()
engine = docker.from_env()


@app.post("/sandboxes")
def start_sandbox(image: str):  # expect-fix: convert-to-def
    container = engine.containers.run(image, detach=True)  # expect: UNB160
    container.reload()  # expect: UNB160
    return {"id": container.id, "status": container.attrs["State"]["Status"]}


@app.delete("/sandboxes/{sandbox_id}")
def drop_sandbox(sandbox_id: str):  # expect-fix: convert-to-def
    container = engine.containers.get(sandbox_id)  # expect: UNB160
    if container is None:
        raise HTTPException(404)
    if container.attrs["State"]["Status"] != "exited":
        container.kill()  # expect: UNB160
    container.remove()  # expect: UNB160
    return {"removed": container.short_id}


@app.get("/engine")
def engine_info():  # expect-fix: convert-to-def
    client = docker.DockerClient(base_url="unix://var/run/docker.sock")  # expect: UNB160
    return {"images": [image.tags for image in client.images.list()]}  # expect: UNB160
