from app.deps import current_user


def test_current_user_direct():
    assert current_user("t")["token"] == "t"
