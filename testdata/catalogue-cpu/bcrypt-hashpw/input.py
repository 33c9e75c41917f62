import bcrypt
from fastapi import FastAPI

app = FastAPI()


@app.post("/register")
async def register(username: str, password: str):  # expect-fix: convert-to-def
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())  # expect: UNB220
    return {"user": username, "hash": hashed.decode()}
