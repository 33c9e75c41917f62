from fastapi import FastAPI
from kokoro import KPipeline
from pydantic import BaseModel

app = FastAPI()


class PhonemeRequest(BaseModel):
    text: str
    language: str = "a"


@app.post("/phonemize")
def phonemize(request: PhonemeRequest):  # expect-fix: convert-to-def
    pipeline = KPipeline(lang_code=request.language, model=False)  # expect: UNB220
    for result in pipeline(request.text):  # expect: UNB220
        return {"phonemes": result.phonemes}
    return {"phonemes": ""}
