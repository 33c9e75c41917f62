from starlette.middleware.base import BaseHTTPMiddleware


class TimedMiddleware(BaseHTTPMiddleware):
    """Shared base for the project's middleware: subclasses implement dispatch."""

    slow_after = 0.5
