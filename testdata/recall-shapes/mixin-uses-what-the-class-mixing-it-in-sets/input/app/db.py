from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker


def managed_session_factory(url: str):
    """A function that makes sessions, kept on the store and called as ``self.managed_session()``."""
    factory = sessionmaker(bind=create_engine(url))

    @contextmanager
    def managed_session():
        with factory() as session:
            yield session
            session.commit()

    return managed_session


class EndpointsMixin:
    """Reads ``self.managed_session``, which the store class that mixes it in sets."""

    def list_endpoints(self) -> list[str]:
        with self.managed_session() as session:
            return [row[0] for row in session.execute(text("SELECT name FROM endpoints"))]


class MemoryMixin:
    """A mixin whose method reads only what it sets itself."""

    def cached_names(self) -> list[str]:
        self.names = getattr(self, "names", [])
        return self.names


class SqlStore(EndpointsMixin, MemoryMixin):
    def __init__(self, url: str) -> None:
        self.managed_session = managed_session_factory(url)
