from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import OAuth2PasswordRequestForm
from passlib.context import CryptContext

app = FastAPI()
pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")
USERS = {"alice": "$2b$12$examplehashexamplehashexamplehashexamplehashexampleha"}


def authenticated(
    form: OAuth2PasswordRequestForm = Depends(),
):  # expect-fix: convert-to-def
    hashed = USERS.get(form.username)
    if hashed is None or not pwd_context.verify(form.password, hashed):  # expect: UNB220
        raise HTTPException(status_code=401)
    return form.username


@app.post("/token")
async def token(user: str = Depends(authenticated)):
    return {"access_token": user, "token_type": "bearer"}
