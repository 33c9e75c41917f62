from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/webhooks/gitlab")
async def gitlab_webhook(request: Request):  # expect-fix: swap-to-async
    payload = await request.json()
    # Imported here to keep start-up light; the swap leaves the import unused, so it goes too.
    import requests

    response = requests.get(payload["merge_requests_url"], timeout=10)  # expect: UNB110
    return {"merge_requests": len(response.json())}


@app.post("/webhooks/bitbucket")
async def bitbucket_webhook(request: Request):  # expect-fix: swap-to-async
    payload = await request.json()
    import json

    import requests

    response = requests.get(payload["links"]["self"], timeout=10)  # expect: UNB110
    return {"raw": json.dumps(response.json())}


@app.get("/health")
async def health():
    # Not rewritten: its own import of ``requests`` is not this fix's business.
    import requests

    return {"session": requests.__name__}
