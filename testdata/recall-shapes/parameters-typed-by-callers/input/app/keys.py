from sqlalchemy import text

from app.db import with_session


def fetch_api_keys(session, org_id: int) -> list[str]:
    return [row[0] for row in session.execute(text("select key from keys where org = :o"), {"o": org_id})]


@with_session
def count_keys(session, org_id: int) -> int:
    return session.execute(text("select count(*) from keys where org = :o"), {"o": org_id}).scalar_one()


def describe(label, org_id: int) -> str:
    return f"{label.upper()} {org_id}"


def with_retry(operation, *args):
    for _attempt in range(3):
        try:
            return operation(*args)
        except ConnectionError:
            continue
    raise ConnectionError("gave up")

