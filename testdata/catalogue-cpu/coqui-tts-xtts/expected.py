"""Coqui TTS: an XTTS model is loaded from its checkpoint and runs synthesis on the loop."""

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from TTS.tts.configs.xtts_config import XttsConfig
from TTS.tts.models.xtts import Xtts

app = FastAPI()
model = None


@app.post("/model/load")
async def load_model(folder: str):  # expect-fix: wrap-in-threadpool
    global model
    config = XttsConfig()
    await run_in_threadpool(config.load_json, f"{folder}/config.json")  # expect: UNB120
    model = Xtts.init_from_config(config)
    await run_in_threadpool(
        model.load_checkpoint, config, checkpoint_dir=folder
    )  # expect: UNB220
    return {"loaded": folder}


@app.post("/speech")
def speech(text: str, speaker_wav: str):  # expect-fix: convert-to-def
    latents, embedding = model.get_conditioning_latents(audio_path=[speaker_wav])  # expect: UNB220
    output = model.inference(text, "en", latents, embedding)  # expect: UNB220
    return {"samples": len(output["wav"])}
