import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool


class GraphStore(ABC):
    @abstractmethod
    async def labels(self) -> list[str]: ...


class FileGraphStore(GraphStore):
    async def labels(self) -> list[str]:  # expect-fix: wrap-in-threadpool
        def _blocking_io_1():
            with open("/srv/graph.json") as handle:  # expect: UNB120
                graph = json.load(handle)  # expect: UNB120
            return graph

        graph = await run_in_threadpool(_blocking_io_1)
        return list(graph)


class RemoteGraphStore(GraphStore):
    async def labels(self) -> list[str]:
        return await self.client.labels()


class VectorStore(ABC):
    @abstractmethod
    async def search(self, text: str) -> list[str]: ...


class FileVectorStore(VectorStore):
    async def search(self, text: str) -> list[str]:
        with open("/srv/vectors.json") as handle:
            return [v for v in json.load(handle) if text in v]


class RemoteVectorStore(VectorStore):
    async def search(self, text: str) -> list[str]:
        return await self.client.search(text)


STORES = {"FileGraphStore": FileGraphStore, "RemoteGraphStore": RemoteGraphStore,
          "FileVectorStore": FileVectorStore, "RemoteVectorStore": RemoteVectorStore}


@dataclass
class Engine:
    graph_storage: str = field(default="FileGraphStore")
    vector_storage: str = field(default="RemoteVectorStore")

    def __post_init__(self) -> None:
        self.graph: GraphStore = STORES[self.graph_storage]()
        self.vectors: VectorStore = STORES[self.vector_storage]()

    async def labels(self) -> list[str]:
        return await self.graph.labels()

    async def search(self, text: str) -> list[str]:
        return await self.vectors.search(text)


engine = Engine()
app = FastAPI()


@app.get("/labels")
async def labels():  # expect-fix: wrap-in-threadpool
    return await engine.labels()  # expect: UNB120


@app.get("/search")
async def search(text: str):
    return await engine.search(text)
