"""One opened store database: the connection, the schema brought to head, repositories.

A ``LocalStore`` belongs to the thread that opened it (sqlite3 connections are not shared
across threads); workers open their own on the same file, and WAL lets readers run
beside the single writer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pos.store.catalog import Catalog
from pos.store.db import connect, write_transaction
from pos.store.migrations import migrate
from pos.store.sales import SalesStore
from pos.store.signing_key import KeyStore, SigningKey


class LocalStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.conn: sqlite3.Connection = connect(self.path)
        try:
            migrate(self.conn, self.path)
        except BaseException:
            self.conn.close()
            raise
        self.catalog = Catalog(self.conn)
        self.sales = SalesStore(self.conn)
        #: The terminal's signing key, beside the database (loaded or made on first use).
        self.keys = KeyStore(self.path.parent)

    def signing_key(self) -> SigningKey:
        return self.keys.current()

    def setting(self, key: str, default: str = "") -> str:
        return read_setting(self.conn, key, default)

    def set_setting(self, key: str, value: str) -> None:
        with write_transaction(self.conn, path=str(self.path)):
            put_setting(self.conn, key, value)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_setting(conn: sqlite3.Connection, key: str, default: str = "") -> str:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def put_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Inside the caller's write transaction (with the event that records the change)."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
