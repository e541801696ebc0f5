"""The quick-key grid as rows: read whole, replaced whole in one transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from pos.store.db import write_transaction


@dataclass(frozen=True, slots=True)
class QuickKeyRow:
    page_no: int
    page: str
    position: int
    sku: str
    label: str


_READ = "SELECT page_no, page, position, sku, label FROM quick_keys ORDER BY page_no, position"


def read_keys(conn: sqlite3.Connection) -> list[QuickKeyRow]:
    return [QuickKeyRow(*row) for row in conn.execute(_READ)]


def last_known_name(conn: sqlite3.Connection, sku: str) -> str | None:
    """The name an article had, deleted centrally or not: a key outlives its article."""
    row = conn.execute("SELECT name FROM products WHERE sku = ?", (sku,)).fetchone()
    return None if row is None else str(row[0])


def replace_keys(conn: sqlite3.Connection, rows: list[QuickKeyRow], by: str, at: str) -> None:
    """All or nothing: a grid half saved would put keys on the wrong articles."""
    with write_transaction(conn):
        conn.execute("DELETE FROM quick_keys")
        conn.executemany(
            "INSERT INTO quick_keys (page_no, page, position, sku, label, set_by, set_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(r.page_no, r.page, r.position, r.sku, r.label, by, at) for r in rows],
        )
