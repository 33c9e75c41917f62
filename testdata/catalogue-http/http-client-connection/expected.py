import http.client

from fastapi import FastAPI

app = FastAPI()


@app.get("/upstream-health")
def upstream_health():  # expect-fix: convert-to-def
    conn = http.client.HTTPSConnection("upstream.example", timeout=2)
    conn.request("GET", "/healthz")  # expect: UNB110
    response = conn.getresponse()  # expect: UNB110
    body = response.read()  # expect: UNB110
    return {"status": response.status, "body": body.decode()}
