import requests
from fastapi import Depends, FastAPI, HTTPException, Security
from fastapi.security import OAuth2PasswordBearer, SecurityScopes

app = FastAPI()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token", scopes={"items:read": "Read items"})


def scoped_user(
    security_scopes: SecurityScopes, token: str = Depends(oauth2_scheme)
) -> str:  # expect-fix: convert-to-def
    reply = requests.post("https://auth.example/introspect", data={"token": token}, timeout=5)  # expect: UNB110
    claims = reply.json()
    granted = set(claims.get("scope", "").split())
    if not set(security_scopes.scopes) <= granted:
        raise HTTPException(status_code=403, detail="missing scope")
    return claims["sub"]


@app.get("/items")
async def read_items(user: str = Security(scoped_user, scopes=["items:read"])):
    return {"owner": user, "items": []}
