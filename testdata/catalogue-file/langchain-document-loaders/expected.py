from fastapi import FastAPI, UploadFile
from fastapi.concurrency import run_in_threadpool
from langchain_community.document_loaders import PyPDFLoader, TextLoader, WebBaseLoader

app = FastAPI()


@app.get("/pages")
def pages(path: str):  # expect-fix: convert-to-def
    return [page.page_content for page in PyPDFLoader(path).load()]  # expect: UNB120


@app.post("/notes")
async def notes(upload: UploadFile):  # expect-fix: wrap-in-threadpool
    name = f"/tmp/{upload.filename}"
    body = await upload.read()
    loader = TextLoader(name)
    return {
        "size": len(body),
        "chunks": len(await run_in_threadpool(loader.load_and_split)),
    }  # expect: UNB120


@app.get("/page")
def page(url: str):  # expect-fix: convert-to-def
    return WebBaseLoader(url).load()[0].page_content  # expect: UNB110
