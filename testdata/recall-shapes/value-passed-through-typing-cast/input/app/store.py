from typing import Protocol

import psycopg


class RunStore(Protocol):
    def get_run(self, run_id: str) -> dict: ...


class PostgresRunStore:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn

    def get_run(self, run_id: str) -> dict:
        with psycopg.connect(self.dsn) as connection:
            row = connection.execute("SELECT * FROM runs WHERE id = %s", (run_id,)).fetchone()
        return dict(row or {})


def build_store(dsn: str) -> RunStore:
    return PostgresRunStore(dsn)
