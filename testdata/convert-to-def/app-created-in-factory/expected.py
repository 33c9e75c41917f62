import time

from fastapi import FastAPI


def create_app() -> FastAPI:
    app = FastAPI()

    @app.get("/ping")
    def ping():  # expect-fix: convert-to-def
        time.sleep(0.1)  # expect: UNB100
        return "pong"

    return app
