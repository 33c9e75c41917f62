"""A memoised loader given the request's own value: any new value loads again."""

from functools import lru_cache

from fastapi import Depends, FastAPI

app = FastAPI()


@lru_cache(maxsize=16)
def load_template(name: str) -> str:
    with open(f"templates/{name}.html", encoding="utf-8") as handle:
        return handle.read()


@app.get("/pages/{page}")
async def page(page: str, lang: str = "en"):  # expect-fix: convert-to-def
    template_name = f"{lang}/{page}"
    return {"html": load_template(template_name)}  # expect: UNB120


class Theme:
    def __init__(self, name: str = "plain") -> None:
        self.name = name


def current_theme(theme: str = "plain") -> Theme:
    # Not memoised: a new object per request, made from the request's query string.
    return Theme(theme)


def render_theme(theme: Theme = Depends(current_theme)) -> str:
    return load_template(theme.name)


@app.get("/themed")
async def themed(theme: Theme = Depends(current_theme)):  # expect-fix: convert-to-def
    return {"html": render_theme(theme)}  # expect: UNB120
