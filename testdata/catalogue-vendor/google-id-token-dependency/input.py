from fastapi import Depends, FastAPI, Header
from google.auth.transport import requests as google_requests
from google.oauth2 import id_token

app = FastAPI()
CLIENT_ID = "1234.apps.googleusercontent.com"


async def google_user(authorization: str = Header()):  # expect-fix: convert-to-def
    token = authorization.removeprefix("Bearer ")
    return id_token.verify_oauth2_token(token, google_requests.Request(), CLIENT_ID)  # expect: UNB190


@app.get("/me")
async def me(user: dict = Depends(google_user)):
    return {"email": user["email"]}
