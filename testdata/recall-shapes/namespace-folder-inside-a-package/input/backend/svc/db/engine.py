from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

_engine = create_engine("postgresql://localhost/app")


@contextmanager
def session_for_tenant() -> Iterator[Session]:
    with Session(_engine) as session:
        yield session
