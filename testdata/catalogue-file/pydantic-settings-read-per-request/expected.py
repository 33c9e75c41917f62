from functools import lru_cache

from fastapi import FastAPI
from pydantic import BaseSettings as LegacySettings
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="APP_")
    debug: bool = False


class FromEnvironmentOnly(BaseSettings):
    debug: bool = False


class TestSettings(Settings):
    # The nearest configuration decides: no file for this one.
    model_config = SettingsConfigDict(env_file=None)


class SecretsSettings(BaseSettings, secrets_dir="/run/secrets"):
    token: str = ""


class LegacyConfigured(LegacySettings):
    class Config:
        env_file = ".env"


@lru_cache
def get_settings() -> Settings:
    return Settings()


app = FastAPI()


@app.get("/debug")
def debug():  # expect-fix: convert-to-def
    return {"debug": Settings().debug}  # expect: UNB120


@app.post("/settings/reset")
def reset_settings():  # expect-fix: convert-to-def
    defaults = LegacyConfigured()  # expect: UNB120
    return defaults.dict()


@app.get("/token")
def token():  # expect-fix: convert-to-def
    return {"set": bool(SecretsSettings().token)}  # expect: UNB120


@app.get("/environment")
async def environment():
    return {"debug": FromEnvironmentOnly().debug}


@app.get("/test-settings")
async def test_settings():
    return {"debug": TestSettings().debug}


@app.get("/cached")
async def cached():
    return {"debug": get_settings().debug}
