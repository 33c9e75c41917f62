"""``webkit.fastapi``: the package's FastAPI integration. Inside it, ``import fastapi`` is the
library (absolute imports), not this subpackage."""

from webkit.fastapi.app import FastAPI

__all__ = ["FastAPI"]
