from fastapi import FastAPI, UploadFile
from langchain_community.document_loaders import PyPDFLoader, TextLoader, WebBaseLoader

app = FastAPI()


@app.get("/pages")
async def pages(path: str):  # expect-fix: convert-to-def
    return [page.page_content for page in PyPDFLoader(path).load()]  # expect: UNB120


@app.post("/notes")
async def notes(upload: UploadFile):  # expect-fix: wrap-in-threadpool
    name = f"/tmp/{upload.filename}"
    body = await upload.read()
    loader = TextLoader(name)
    return {"size": len(body), "chunks": len(loader.load_and_split())}  # expect: UNB120


@app.get("/page")
async def page(url: str):  # expect-fix: convert-to-def
    return WebBaseLoader(url).load()[0].page_content  # expect: UNB110
