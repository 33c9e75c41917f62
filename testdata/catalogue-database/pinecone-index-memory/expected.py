from fastapi import FastAPI
from pinecone import Index, Pinecone

app = FastAPI()
pc = Pinecone(api_key="pk-dev")


class TaskMemory:
    def __init__(self, namespace: str) -> None:
        self.index = Index("tasks")
        self.namespace = namespace

    def similar(self, vector: list[float]) -> list[str]:
        results = self.index.query(vector=vector, top_k=5, namespace=self.namespace)
        return [match.id for match in results.matches]


@app.post("/memory/{namespace}/similar")
def similar_tasks(namespace: str, vector: list[float]):  # expect-fix: convert-to-def
    memory = TaskMemory(namespace)
    return {"ids": memory.similar(vector)}  # expect: UNB140


@app.post("/documents")
def store_document(doc_id: str, vector: list[float]):  # expect-fix: convert-to-def
    index = pc.Index("documents")
    index.upsert(vectors=[{"id": doc_id, "values": vector}])  # expect: UNB140
    return {"stats": index.describe_index_stats()}  # expect: UNB140
