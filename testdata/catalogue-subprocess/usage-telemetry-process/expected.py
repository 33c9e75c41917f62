from fastapi import FastAPI
from iterative_telemetry import IterativeTelemetryLogger

app = FastAPI()
telemetry = IterativeTelemetryLogger("dashboard", "https://telemetry.internal/api", lambda: True)
projects: dict[str, dict] = {}


@app.get("/projects")
def list_projects():  # expect-fix: convert-to-def
    telemetry.send_event("ui", "list_projects")  # expect: UNB130
    return list(projects.values())


@app.get("/projects/{name}")
async def get_project(name: str):
    return projects.get(name, {})
