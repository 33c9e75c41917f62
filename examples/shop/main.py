"""The shop application: health checks, and the catalog and orders routers.

Run it with ``uvicorn examples.shop.main:app`` from the repository root.
Several handlers block the event loop on purpose; ``fastapi-unblock
examples/shop`` finds them and proposes the fix.
"""

from __future__ import annotations

import time

from fastapi import FastAPI

from . import catalog, orders

app = FastAPI(title="Shop")
app.include_router(catalog.router)
app.include_router(orders.router)

STARTED = time.monotonic()


@app.get("/health")
async def health() -> dict[str, str]:
    # Fine as it is: no I/O, so running on the event loop costs nothing.
    return {"status": "ok"}


@app.get("/health/ready")
async def ready() -> dict[str, float]:
    # Give the database replica time to catch up after a deploy. While this
    # sleeps, every other request of this worker waits too.
    warmup = 2.0 - (time.monotonic() - STARTED)
    if warmup > 0:
        time.sleep(warmup)
    return {"uptime": time.monotonic() - STARTED}
