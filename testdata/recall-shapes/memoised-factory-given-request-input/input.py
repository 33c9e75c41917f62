"""A memoised loader given the request's own value: any new value loads again."""

from functools import lru_cache

from fastapi import FastAPI

app = FastAPI()


@lru_cache(maxsize=16)
def load_template(name: str) -> str:
    with open(f"templates/{name}.html", encoding="utf-8") as handle:
        return handle.read()


@app.get("/pages/{page}")
async def page(page: str, lang: str = "en"):  # expect-fix: convert-to-def
    template_name = f"{lang}/{page}"
    return {"html": load_template(template_name)}  # expect: UNB120
