import requests
from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException


def require_admin(authorization: str = Header()):  # expect-fix: convert-to-def
    reply = requests.get("https://auth.example/me", headers={"Authorization": authorization}, timeout=5)  # expect: UNB110
    if "admin" not in reply.json().get("roles", []):
        raise HTTPException(status_code=403)


def audit_access(authorization: str = Header()):  # expect-fix: convert-to-def
    requests.post("https://audit.example/events", json={"who": authorization[-8:]}, timeout=5)  # expect: UNB110


router = APIRouter(prefix="/admin", dependencies=[Depends(require_admin)])


@router.get("/stats")
async def stats():
    return {"users": 42}


app = FastAPI()
app.include_router(router, dependencies=[Depends(audit_access)])
