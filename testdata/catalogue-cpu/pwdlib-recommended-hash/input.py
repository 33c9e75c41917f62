from fastapi import FastAPI
from pwdlib import PasswordHash

app = FastAPI()
password_hash = PasswordHash.recommended()


@app.post("/password")
async def set_password(password: str):  # expect-fix: convert-to-def
    return {"hash": password_hash.hash(password)}  # expect: UNB220
