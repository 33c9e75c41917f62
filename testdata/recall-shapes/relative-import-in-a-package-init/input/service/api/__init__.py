"""The app factory lives in the package's ``__init__``; ``.host_router`` is ``service.api.host_router``."""

from fastapi import FastAPI


def create_app() -> FastAPI:
    app = FastAPI()
    from .host_router import install_host_router

    install_host_router(app)
    return app
