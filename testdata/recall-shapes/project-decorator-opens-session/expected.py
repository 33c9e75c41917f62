from contextlib import contextmanager
from functools import wraps

from fastapi import FastAPI
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

app = FastAPI()
SessionLocal = sessionmaker(bind=create_engine("sqlite:///app.db"))


@contextmanager
def session_scope():
    session = SessionLocal()
    try:
        yield session
        session.commit()
    finally:
        session.close()


def with_session(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        with session_scope() as session:
            result = f(session, *args, **kwargs)
            session.commit()
            return result

    return wrapper


def registered(f):
    return f


@with_session
def get_profile(session) -> dict:
    return {"name": "default"}


@registered
def default_profile() -> dict:
    return {"name": "default"}


@app.get("/profile")
def profile():  # expect-fix: convert-to-def
    return get_profile()  # expect: UNB140


@app.get("/default")
async def default():
    return default_profile()
