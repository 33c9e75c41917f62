import asyncio

from app.deps import current_user


def test_current_user_direct():
    assert asyncio.run(current_user("t"))["token"] == "t"
