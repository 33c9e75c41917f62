import msal
from authlib.integrations.requests_client import OAuth2Session
from fastapi import FastAPI
from prometheus_client import CollectorRegistry, Counter, push_to_gateway

app = FastAPI()
registry = CollectorRegistry()
exports = Counter("exports", "Finished exports", registry=registry)


@app.get("/graph-token")
def graph_token():  # expect-fix: convert-to-def
    application = msal.ConfidentialClientApplication(  # expect: UNB110
        "client-id", authority="https://login.microsoftonline.com/tenant", client_credential="secret"
    )
    result = application.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])  # expect: UNB110
    return {"expires_in": result["expires_in"]}


@app.get("/oauth/callback")
def oauth_callback(code: str):  # expect-fix: convert-to-def
    session = OAuth2Session("client-id", "secret", redirect_uri="https://app.example/oauth/callback")
    token = session.fetch_token("https://provider.example/token", code=code)  # expect: UNB110
    profile = session.get("https://provider.example/me").json()  # expect: UNB110
    return {"user": profile["id"], "scope": token["scope"]}


@app.get("/oauth/start")
async def oauth_start():
    # Building the authorisation URL is string work: no request.
    session = OAuth2Session("client-id", "secret", redirect_uri="https://app.example/oauth/callback")
    url, state = session.create_authorization_url("https://provider.example/authorize")
    return {"url": url, "state": state}


@app.post("/exports/done")
def export_done():  # expect-fix: convert-to-def
    exports.inc()
    push_to_gateway("pushgateway.internal:9091", job="exports", registry=registry)  # expect: UNB110
    return {"ok": True}
