from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI

app = FastAPI()
executor = ThreadPoolExecutor(max_workers=4)


def render(doc_id: int) -> bytes:
    return f"pdf {doc_id}".encode()


@app.get("/documents/{doc_id}.pdf")
async def document(doc_id: int):  # expect-fix: convert-to-def
    future = executor.submit(render, doc_id)
    pdf = future.result(timeout=30)  # expect: UNB200
    return {"size": len(pdf)}
