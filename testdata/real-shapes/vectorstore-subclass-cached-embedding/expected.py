from functools import lru_cache

from fastapi import FastAPI
from langchain_community.vectorstores.pgvector import PGVector
from langchain_openai import OpenAIEmbeddings

app = FastAPI()


class ExtendedPgVector(PGVector):
    def file_ids(self) -> list[str]:
        return []


store = ExtendedPgVector(connection_string="postgresql://rag", embedding_function=OpenAIEmbeddings(),
                         collection_name="docs")


@lru_cache(maxsize=128)
def cached_query_embedding(query: str) -> list[float]:
    return store.embedding_function.embed_query(query)


@app.post("/query")
def query(text: str, k: int = 4):  # expect-fix: convert-to-def
    embedding = cached_query_embedding(text)  # expect: UNB190
    documents = store.similarity_search_by_vector(embedding, k=k)  # expect: UNB190
    return [doc.page_content for doc in documents]


@app.post("/query-async")
async def query_async(text: str, k: int = 4):
    embedding = await store.embedding_function.aembed_query(text)
    documents = await store.asimilarity_search_by_vector(embedding, k=k)
    return [doc.page_content for doc in documents]
