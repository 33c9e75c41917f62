import cv2
import numpy as np
from fastapi import FastAPI

app = FastAPI()


@app.post("/grayscale")
def grayscale(png: bytes):  # expect-fix: convert-to-def
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)  # expect: UNB220
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)  # expect: UNB220
    ok, encoded = cv2.imencode(".png", gray)  # expect: UNB220
    return {"ok": ok, "bytes": len(encoded)}
