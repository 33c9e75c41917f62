import jwt
from fastapi import Depends, FastAPI
from fastapi.security import OAuth2PasswordBearer
from jwt import PyJWKClient

app = FastAPI()
oauth2 = OAuth2PasswordBearer(tokenUrl="token")
jwks = PyJWKClient("https://issuer.example/.well-known/jwks.json")


async def current_claims(token: str = Depends(oauth2)):  # expect-fix: convert-to-def
    signing_key = jwks.get_signing_key_from_jwt(token)  # expect: UNB110
    return jwt.decode(token, signing_key.key, algorithms=["RS256"], audience="api")


@app.get("/me")
async def me(claims: dict = Depends(current_claims)):
    return {"sub": claims["sub"]}
