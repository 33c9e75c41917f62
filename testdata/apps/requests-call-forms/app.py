"""Every requests call form the swap to httpx supports, one route each, plus the
forms it must refuse. ``tests/test_swap_bytes.py`` records the raw request each
route sends upstream, before and after the rewrite, and compares the bytes."""

import os

import requests
from fastapi import FastAPI

UPSTREAM = os.environ.get("UNBLOCK_UPSTREAM", "http://127.0.0.1:9")

app = FastAPI()
HEADERS = {"X-Api-Key": "k3y", "Accept": "application/json"}


@app.get("/get-plain")
async def get_plain():
    reply = requests.get(UPSTREAM + "/plain/a b/caf\u00e9?x=1")
    return reply.status_code


@app.get("/get-params")
async def get_params(q: str, page: int = 2):
    reply = requests.get(
        f"{UPSTREAM}/params",
        params={"q": q, "page": page, "ratio": 1.5, "tags": ["a", "b c"], "pair": ("x", "y/z")},
    )
    return reply.status_code


@app.get("/get-positional-params")
async def get_positional_params(q: str):
    reply = requests.get(f"{UPSTREAM}/positional", {"q": q.strip(), "n": len(q), "s": str(3)})
    return reply.status_code


@app.get("/get-headers-auth-cookies")
async def get_headers_auth_cookies():
    reply = requests.get(
        UPSTREAM + "/headers",
        headers={"X-Token": "t0k3n", "Accept": "application/json"},
        auth=("user", "pass"),
        cookies={"session": "abc", "theme": "dark"},
        timeout=5,
        allow_redirects=False,
    )
    return reply.status_code


@app.post("/post-json")
async def post_json(name: str):
    reply = requests.post(UPSTREAM + "/json", json={"b": "\u00e9", "a": [1, 2.5, None, True], "name": name})
    return reply.status_code


@app.post("/post-json-own-content-type")
async def post_json_own_content_type():
    document = {"data": {"type": "items", "id": "1"}}
    reply = requests.post(
        UPSTREAM + "/json-api", json=document, headers={"content-type": "application/vnd.api+json"}
    )
    return reply.status_code


@app.post("/post-form")
async def post_form(q: str):
    reply = requests.post(UPSTREAM + "/form", {"a": "x y&z", "b": ["1", "2"], "c": q, "d": 4})
    return reply.status_code


@app.post("/post-text")
async def post_text():
    reply = requests.post(UPSTREAM + "/text", data="h\u00e9llo w\u00f6rld")
    return reply.status_code


@app.post("/post-bytes")
async def post_bytes():
    reply = requests.post(UPSTREAM + "/bytes", data=b"\x00raw\xff")
    return reply.status_code


@app.post("/post-fstring")
async def post_fstring(q: str):
    reply = requests.post(UPSTREAM + "/fstring", data=f"value={q}", headers={"Content-Type": "text/plain"})
    return reply.status_code


@app.put("/put-form")
async def put_form():
    reply = requests.put(UPSTREAM + "/put", data={"x": "1"})
    return reply.status_code


@app.patch("/patch-json")
async def patch_json():
    reply = requests.patch(UPSTREAM + "/patch", json=[1, "two", {"3": 4}])
    return reply.status_code


@app.delete("/delete-plain")
async def delete_plain():
    reply = requests.delete(UPSTREAM + "/delete")
    return reply.status_code


@app.delete("/delete-json")
async def delete_json():
    reply = requests.delete(UPSTREAM + "/delete-json", json={"ids": [1, 2]})
    return reply.status_code


@app.delete("/delete-empty-json")
async def delete_empty_json():
    reply = requests.delete(UPSTREAM + "/delete-empty", json={})
    return reply.status_code


@app.get("/get-module-headers")
async def get_module_headers():
    reply = requests.get(UPSTREAM + "/module-headers", headers=HEADERS)
    return reply.status_code


@app.get("/head")
async def head():
    reply = requests.head(UPSTREAM + "/head")
    return reply.status_code


@app.get("/options")
async def options():
    reply = requests.options(UPSTREAM + "/options")
    return reply.status_code


@app.get("/request-get")
async def request_get():
    reply = requests.request("get", f"{UPSTREAM}/request", params={"k": "v"})
    return reply.status_code


@app.post("/request-post")
async def request_post():
    reply = requests.request("POST", UPSTREAM + "/request-post", json={"k": "v"})
    return reply.status_code


# --- forms the swap refuses: the threadpool keeps requests' bytes -------------


@app.get("/refused-optional-param")
async def refused_optional_param(q: str | None = None):
    reply = requests.get(f"{UPSTREAM}/optional", params={"q": q, "fixed": "1"})
    return reply.status_code


@app.get("/refused-bool-form")
async def refused_bool_form():
    reply = requests.post(UPSTREAM + "/bool", data={"flag": True})
    return reply.status_code


@app.get("/refused-url-characters")
async def refused_url_characters():
    reply = requests.get(UPSTREAM + "/pipes|and[brackets]")
    return reply.status_code


@app.get("/refused-optional-header")
async def refused_optional_header(token: str | None = None):
    reply = requests.get(UPSTREAM + "/optional-header", headers={"Authorization": token})
    return reply.status_code


@app.post("/refused-json-maybe-null")
async def refused_json_maybe_null(payload: dict | None = None):
    reply = requests.post(UPSTREAM + "/maybe-null", json=payload)
    return reply.status_code
