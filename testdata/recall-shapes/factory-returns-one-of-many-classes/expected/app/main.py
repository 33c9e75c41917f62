from fastapi import FastAPI

from app.providers import EchoModel, LocalModel, build_model

app = FastAPI()


@app.post("/validate-key")
def validate_key(provider: str, api_key: str):  # expect-fix: convert-to-def
    model = build_model(provider, api_key)
    valid = model.verify_access_key() if model else False  # expect: UNB110
    return {"valid": valid}


def build_offline_model(provider: str, api_key: str):
    if provider == "local":
        return LocalModel(api_key)
    return EchoModel(api_key)


@app.post("/validate-offline-key")
async def validate_offline_key(provider: str, api_key: str):
    # Every class this factory can return checks the key in memory.
    model = build_offline_model(provider, api_key)
    return {"valid": model.verify_access_key()}
