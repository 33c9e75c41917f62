import io

import librosa
import soundfile
from fastapi import FastAPI, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydub import AudioSegment

app = FastAPI()


@app.post("/duration")
async def duration(upload: UploadFile):  # expect-fix: wrap-in-threadpool
    data = await upload.read()
    samples, rate = await run_in_threadpool(
        soundfile.read, io.BytesIO(data)
    )  # expect: UNB220
    return {"seconds": len(samples) / rate}


@app.post("/resample")
def resample(path: str):  # expect-fix: convert-to-def
    signal, rate = librosa.load(path, sr=16000)  # expect: UNB220
    return {"samples": len(signal), "rate": rate}


@app.post("/to-mp3")
def to_mp3(path: str):  # expect-fix: convert-to-def
    segment = AudioSegment.from_file(path)  # expect: UNB220
    segment.export(path + ".mp3", format="mp3")  # expect: UNB220
    return {"path": path + ".mp3"}
