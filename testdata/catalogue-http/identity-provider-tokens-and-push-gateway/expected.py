import msal
from fastapi import FastAPI
from prometheus_client import CollectorRegistry, Counter, push_to_gateway

app = FastAPI()
registry = CollectorRegistry()
exports = Counter("exports", "Finished exports", registry=registry)
SIGN_IN = msal.PublicClientApplication("client-id", authority="https://login.microsoftonline.com/common")


@app.get("/graph-token")
def graph_token():  # expect-fix: convert-to-def
    application = msal.ConfidentialClientApplication(  # expect: UNB110
        "client-id", authority="https://login.microsoftonline.com/tenant", client_credential="secret"
    )
    result = application.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])  # expect: UNB110
    return {"expires_in": result["expires_in"]}


@app.get("/accounts")
async def accounts():
    # Built at import time (not on the loop's clock); listing the accounts reads its token cache only.
    return [account["username"] for account in SIGN_IN.get_accounts()]


@app.post("/exports/done")
def export_done():  # expect-fix: convert-to-def
    exports.inc()
    push_to_gateway("pushgateway.internal:9091", job="exports", registry=registry)  # expect: UNB110
    return {"ok": True}
