"""A plugin loaded from its file by hand: the loader reads, compiles and runs the file on
every call, where an ``import`` statement would find the module already loaded."""

import importlib.util
import json
import os
import runpy

from fastapi import FastAPI

app = FastAPI()
PLUGIN_DIR = "/srv/plugins"


def load_plugin(name: str):
    spec = importlib.util.spec_from_file_location(name, os.path.join(PLUGIN_DIR, f"{name}.py"))
    if spec is None or spec.loader is None:
        raise LookupError(name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@app.post("/plugins/{name}/run")
async def run_plugin(name: str, payload: dict):  # expect-fix: convert-to-def
    plugin = load_plugin(name)  # expect: UNB120
    return plugin.run(payload)


@app.post("/scripts/{name}")
async def run_script(name: str):  # expect-fix: convert-to-def
    namespace = runpy.run_path(os.path.join(PLUGIN_DIR, f"{name}.py"))  # expect: UNB120
    return {"defined": sorted(namespace)}


@app.get("/plugins/{name}/manifest")
async def manifest(name: str):
    # Only the module spec is built: nothing is read until a loader runs it.
    spec = importlib.util.spec_from_file_location(name, os.path.join(PLUGIN_DIR, f"{name}.py"))
    return {"origin": spec.origin if spec else None, "info": json.dumps({"name": name})}
