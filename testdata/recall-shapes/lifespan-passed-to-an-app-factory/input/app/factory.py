from fastapi import FastAPI


def create_app(lifespan, health) -> FastAPI:
    """The app is configured here; main.py says what runs at start-up."""
    app = FastAPI(lifespan=lifespan)
    app.add_api_route("/health", health)
    return app
