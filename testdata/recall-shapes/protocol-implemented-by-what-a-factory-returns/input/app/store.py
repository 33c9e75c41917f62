import sqlite3
from typing import Protocol


class UserStore(Protocol):
    def get_user(self, user_id: int) -> dict: ...

    def count_users(self) -> int: ...


class SqliteUserStore:
    """Implements UserStore without naming it: a Protocol is matched by shape."""

    def __init__(self, path: str) -> None:
        self.path = path

    def get_user(self, user_id: int) -> dict:
        with sqlite3.connect(self.path) as connection:
            row = connection.execute("SELECT id, name FROM users WHERE id = ?", (user_id,)).fetchone()
        return {"id": row[0], "name": row[1]}

    def count_users(self) -> int:
        with sqlite3.connect(self.path) as connection:
            return connection.execute("SELECT count(*) FROM users").fetchone()[0]


class MemoryUserStore:
    def __init__(self) -> None:
        self.users: dict[int, dict] = {}

    def get_user(self, user_id: int) -> dict:
        return self.users[user_id]

    def count_users(self) -> int:
        return len(self.users)


def create_user_store(path: str) -> UserStore:
    """SQLite unless a test asks for memory: the annotation names the Protocol only."""
    return SqliteUserStore(path)


def create_test_store() -> UserStore:
    return MemoryUserStore()


class AuthService:
    def __init__(self, path: str) -> None:
        self._store = create_user_store(path)

    @property
    def store(self) -> UserStore:
        return self._store

    def needs_setup(self) -> bool:
        return self._store.count_users() == 0
