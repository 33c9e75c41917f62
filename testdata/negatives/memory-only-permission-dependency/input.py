from fastapi import Depends, FastAPI, HTTPException, Request

app = FastAPI()
ROLES = {"alice": {"admin"}, "bob": set()}


async def require_admin(request: Request) -> str:
    user = request.headers.get("x-user", "")
    if "admin" not in ROLES.get(user, set()):
        raise HTTPException(status_code=403, detail="admins only")
    return user


@app.delete("/cache")
async def clear_cache(user: str = Depends(require_admin)):
    return {"cleared_by": user}
