"""An async generator bound to a name and then run by ``async for`` runs in the frame that
iterates it; returned instead (``streaming=True``), it runs after the route has returned."""

from fastapi import FastAPI
from fastapi.responses import FileResponse, StreamingResponse

app = FastAPI()


async def synthesise(text: str, output: str):  # expect-fix: none
    with open(output, "wb") as sink:  # expect: UNB120
        for word in text.split():
            frames = word.encode() * 100
            sink.write(frames)  # expect: UNB120
            yield frames


async def generate(text: str, output: str, streaming: bool = False):
    chunks = synthesise(text, output)
    if streaming:
        return chunks
    async for _ in chunks:
        pass


@app.post("/speech")
async def speech(text: str):  # expect-fix: none
    await generate(text, "speech.wav")  # expect: UNB120
    return FileResponse("speech.wav")


@app.get("/speech/stream")
async def speech_stream(text: str):
    # The generator's body runs as the response is sent, after this route returned.
    return StreamingResponse(await generate(text, "stream.wav", streaming=True))
