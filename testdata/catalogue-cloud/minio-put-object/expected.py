import io

from fastapi import FastAPI
from minio import Minio

app = FastAPI()
store = Minio("minio:9000", access_key="dev", secret_key="devsecret", secure=False)


@app.post("/avatars/{user}")
def put_avatar(user: str, png: bytes):  # expect-fix: convert-to-def
    if not store.bucket_exists("avatars"):  # expect: UNB160
        store.make_bucket("avatars")  # expect: UNB160
    store.put_object("avatars", f"{user}.png", io.BytesIO(png), len(png))  # expect: UNB160
    return {"stored": user}
