"""Office documents are parsed whole; a model pipeline object runs inference when it is called."""

import io

import docx
import openpyxl
from fastapi import FastAPI, UploadFile
from fastapi.concurrency import run_in_threadpool
from llama_cpp import Llama
from pypdf import PdfReader
from transformers import pipeline

app = FastAPI()
sentiment = pipeline("sentiment-analysis")
llm = Llama(model_path="models/llama.gguf")


@app.post("/pdf")
async def pdf_pages(file: UploadFile):  # expect-fix: wrap-in-threadpool
    reader = await run_in_threadpool(
        PdfReader, io.BytesIO(await file.read())
    )  # expect: UNB220
    return {"pages": len(reader.pages)}


@app.get("/report")
def report():  # expect-fix: convert-to-def
    document = docx.Document("templates/report.docx")  # expect: UNB220
    workbook = openpyxl.load_workbook("data/figures.xlsx")  # expect: UNB220
    return {"paragraphs": len(document.paragraphs), "sheets": workbook.sheetnames}


@app.post("/sentiment")
def classify(text: str):  # expect-fix: convert-to-def
    return sentiment(text)  # expect: UNB220


@app.post("/complete")
def complete(prompt: str):  # expect-fix: convert-to-def
    return llm(prompt, max_tokens=64)  # expect: UNB220


@app.get("/sizes")
async def sizes(values: list[int]):
    return {"total": sum(values), "largest": max(values)}
