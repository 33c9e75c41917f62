from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse
from onelogin.saml2.auth import OneLogin_Saml2_Auth

app = FastAPI()


def saml_settings() -> dict[str, object]:
    return {"strict": True, "sp": {"entityId": "https://sp.example.com"}, "idp": {"entityId": "https://idp.example.com"}}


async def saml_auth(request: Request) -> OneLogin_Saml2_Auth:
    form = await request.form()
    prepared = {"https": "on", "http_host": request.url.hostname, "script_name": request.url.path,
                "get_data": dict(request.query_params), "post_data": dict(form)}
    return OneLogin_Saml2_Auth(prepared, saml_settings())


@app.post("/saml/acs")
async def assertion_consumer(request: Request):  # expect-fix: wrap-in-threadpool
    auth = await saml_auth(request)
    await run_in_threadpool(auth.process_response)  # expect: UNB120
    if auth.get_errors():
        return {"errors": auth.get_errors()}
    return {"user": auth.get_nameid()}


@app.get("/saml/sls")
async def single_logout(request: Request):  # expect-fix: wrap-in-threadpool
    auth = await saml_auth(request)
    await run_in_threadpool(auth.process_slo, False)  # expect: UNB120
    return RedirectResponse("/")


@app.get("/saml/login")
async def login(request: Request):
    auth = await saml_auth(request)
    return RedirectResponse(auth.login())
