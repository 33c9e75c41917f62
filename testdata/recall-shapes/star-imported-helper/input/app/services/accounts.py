import sqlite3

__all__ = ["load_account", "account_url"]


def load_account(account_id: int):
    with sqlite3.connect("accounts.db") as db:
        return db.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()


def account_url(account_id: int) -> str:
    return f"/accounts/{account_id}"
