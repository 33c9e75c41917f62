from contextlib import contextmanager
from functools import wraps

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine("sqlite:///keys.db")


@contextmanager
def session_scope():
    with Session(engine) as session:
        yield session


def with_session(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        with session_scope() as session:
            return f(session, *args, **kwargs)

    return wrapper
