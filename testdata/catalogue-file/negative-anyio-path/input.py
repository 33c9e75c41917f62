import anyio
from fastapi import FastAPI

app = FastAPI()


@app.get("/pages/{slug}")
async def page(slug: str):
    path = anyio.Path("/srv/pages") / f"{slug}.md"
    if not await path.exists():
        return {"missing": slug}
    body = await path.read_text()
    await path.parent.mkdir(parents=True, exist_ok=True)
    return {"name": path.name, "body": body}
