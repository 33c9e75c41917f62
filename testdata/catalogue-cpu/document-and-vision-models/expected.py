"""Document converters and vision or language models run on the calling thread."""

import easyocr
import spacy
from docling.document_converter import DocumentConverter
from fastapi import FastAPI
from ultralytics import YOLO

app = FastAPI()
converter = DocumentConverter()
reader = easyocr.Reader(["en"])
detector = YOLO("yolov8n.pt")
nlp = spacy.load("en_core_web_sm")


@app.post("/convert")
def convert(path: str):  # expect-fix: convert-to-def
    return {"markdown": converter.convert(path).document.export_to_markdown()}  # expect: UNB220


@app.post("/ocr")
def ocr(path: str):  # expect-fix: convert-to-def
    return {"lines": [text for _box, text, _score in reader.readtext(path)]}  # expect: UNB220


@app.post("/detect")
def detect(path: str):  # expect-fix: convert-to-def
    return {"boxes": len(detector(path)[0].boxes)}  # expect: UNB220


@app.post("/entities")
def entities(text: str):  # expect-fix: convert-to-def
    return [(ent.text, ent.label_) for ent in nlp(text).ents]  # expect: UNB220


@app.get("/labels")
async def labels():
    return {"labels": list(detector.names.values())}
