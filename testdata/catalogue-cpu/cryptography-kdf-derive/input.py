import base64
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from fastapi import FastAPI

app = FastAPI()
SECRET = os.environ.get("SECRET", "change-me").encode()


def derive_key(salt: bytes) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=600_000)
    return base64.urlsafe_b64encode(kdf.derive(SECRET))


@app.post("/tokens")
async def issue_token(salt: str):  # expect-fix: convert-to-def
    return {"key": derive_key(salt.encode()).decode()}  # expect: UNB220


@app.post("/session-keys")
async def session_key(salt: str):
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt.encode(), info=b"session")
    return {"key": hkdf.derive(SECRET).hex()}
