"""Speech-to-text models run on the CPU (or GPU) of the calling thread."""

import whisper
from faster_whisper import WhisperModel
from fastapi import FastAPI

app = FastAPI()
model = whisper.load_model("base")
fast = WhisperModel("small", device="cpu")


@app.post("/transcribe")
async def transcribe(path: str):  # expect-fix: convert-to-def
    return {"text": model.transcribe(path)["text"]}  # expect: UNB220


@app.post("/transcribe-fast")
async def transcribe_fast(path: str):  # expect-fix: convert-to-def
    segments, info = fast.transcribe(path)  # expect: UNB220
    return {"language": info.language, "text": " ".join(s.text for s in segments)}
