"""fastapi-unblock: find async FastAPI handlers that block the event loop, and fix them."""

from __future__ import annotations

__version__ = "0.1.0"
