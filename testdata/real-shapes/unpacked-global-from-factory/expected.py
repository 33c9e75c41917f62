import argparse

import requests
from fastapi import FastAPI

app = FastAPI()


class Registry:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.nodes: dict[str, str] = {}

    def probe(self, node: str) -> bool:
        reply = requests.get(f"{node}/status", timeout=3)
        return reply.ok

    def names(self) -> list[str]:
        return sorted(self.nodes)


def build():
    parser = argparse.ArgumentParser()
    parser.add_argument("--upstream", default="http://localhost:9000")
    options = parser.parse_args()
    registry = Registry(options.upstream)
    return options, registry


@app.post("/nodes/{node}/probe")
def probe_node(node: str):  # expect-fix: convert-to-def
    healthy = registry.probe(node)  # expect: UNB110
    return {"healthy": healthy}


@app.get("/nodes")
async def list_nodes():
    return {"nodes": registry.names()}


if __name__ == "__main__":
    options, registry = build()
