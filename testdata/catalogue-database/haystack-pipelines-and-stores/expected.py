from pathlib import Path

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from haystack import Document, Pipeline
from haystack.components.embedders import OpenAITextEmbedder
from haystack.document_stores.in_memory import InMemoryDocumentStore
from haystack_integrations.components.retrievers.qdrant import QdrantEmbeddingRetriever
from haystack_integrations.document_stores.qdrant import QdrantDocumentStore
from qdrant_client import AsyncQdrantClient


class AsyncQdrantStore(QdrantDocumentStore):
    """Writes through the async client, but sets the collection up with the inherited sync helper."""

    def __init__(self, url: str, index: str) -> None:
        super().__init__(url=url, index=index)
        self.async_client = AsyncQdrantClient(url=url)

    async def write_documents(self, documents: list[Document]) -> int:  # expect-fix: wrap-in-threadpool
        await run_in_threadpool(
            self._set_up_collection, self.index, 768, False, "cosine"
        )  # expect: UNB140
        await self.async_client.upsert(collection_name=self.index, points=[d.to_dict() for d in documents])
        return len(documents)


store = AsyncQdrantStore(url="http://qdrant:6333", index="docs")
scratch = InMemoryDocumentStore()
search = Pipeline()
search.add_component("embedder", OpenAITextEmbedder())
search.add_component("retriever", QdrantEmbeddingRetriever(document_store=store))
search.connect("embedder.embedding", "retriever.query_embedding")
app = FastAPI()


@app.post("/documents")
async def index_documents(texts: list[str]):  # expect-fix: wrap-in-threadpool
    written = await store.write_documents([Document(content=text) for text in texts])  # expect: UNB140
    return {"written": written}


@app.get("/search")
def search_documents(q: str):  # expect-fix: convert-to-def
    return search.run({"embedder": {"text": q}})  # expect: UNB190


@app.get("/count")
def count_documents():  # expect-fix: convert-to-def
    return {"stored": store.count_documents()}  # expect: UNB140


@app.get("/graph")
def draw_graph():  # expect-fix: convert-to-def
    search.draw(path=Path("/tmp/graph.png"))  # expect: UNB110
    return {"path": "/tmp/graph.png"}


@app.get("/scratch")
async def scratch_documents():
    return {"documents": scratch.filter_documents()}
