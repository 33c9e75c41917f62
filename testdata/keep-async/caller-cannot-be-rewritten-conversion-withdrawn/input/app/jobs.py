from app.routes import slow


async def nightly() -> dict:
    # run_in_threadpool(slow, func=...) would clash with its own `func` parameter.
    return await slow(func="nightly")
