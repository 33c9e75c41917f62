import httpx
from fastapi import Depends, FastAPI

app = FastAPI()


def get_http_client() -> httpx.Client:
    return httpx.Client()


@app.get("/geo/{ip}")
def geolocate(
    ip: str, client: httpx.Client = Depends(get_http_client)
):  # expect-fix: convert-to-def
    located = client.get(f"https://geo.example/{ip}")  # expect: UNB110
    return located.json()
