"""What happened to each sale's receipt, and each opening of the cash drawer.

Both logs are append-only: a reprint is a new ``duplicate`` event (its signed record is
the duplicates chain, ``pos.store.duplicates``), and a drawer opened without a sale is
visible to the manager.
"""

from __future__ import annotations

import sqlite3

from pos.store.db import write_transaction

RECEIPT_KINDS = ("printed", "declined", "duplicate", "print_failed")


def record_receipt(
    conn: sqlite3.Connection, sale_id: str, kind: str, at: str, detail: str = ""
) -> None:
    with write_transaction(conn):
        insert_receipt(conn, sale_id, kind, at, detail)


def insert_receipt(
    conn: sqlite3.Connection, sale_id: str, kind: str, at: str, detail: str = ""
) -> None:
    """``record_receipt`` inside the caller's transaction (a copy, or a failed print, with
    its chain entry)."""
    if kind not in RECEIPT_KINDS:
        raise ValueError(f"unknown receipt event {kind!r}")
    conn.execute(
        "INSERT INTO receipt_events (sale_id, kind, at, detail) VALUES (?, ?, ?, ?)",
        (sale_id, kind, at, detail),
    )


def receipt_events(conn: sqlite3.Connection, sale_id: str) -> list[str]:
    rows = conn.execute(
        "SELECT kind FROM receipt_events WHERE sale_id = ? ORDER BY id", (sale_id,)
    ).fetchall()
    return [kind for (kind,) in rows]


def duplicate_count(conn: sqlite3.Connection, sale_id: str) -> int:
    return conn.execute(
        "SELECT count(*) FROM receipt_events WHERE sale_id = ? AND kind = 'duplicate'",
        (sale_id,),
    ).fetchone()[0]


def insert_drawer_open(
    conn: sqlite3.Connection,
    reason: str,
    cashier: str,
    at: str,
    sale_id: str | None = None,
    *,
    note: str | None = None,
    staff_id: str | None = None,
) -> None:
    """A drawer opening inside the caller's transaction (with what it queues):
    ``reason`` is ``cash_sale`` or ``manual``; ``note`` says why a manual one opened."""
    conn.execute(
        "INSERT INTO drawer_events (reason, cashier, sale_id, at, note, staff_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (reason, cashier, sale_id, at, note, staff_id),
    )


def drawer_openings(conn: sqlite3.Connection) -> list[tuple[str, str, str | None]]:
    return conn.execute("SELECT reason, cashier, sale_id FROM drawer_events ORDER BY id").fetchall()


def drawer_notes(conn: sqlite3.Connection) -> list[tuple[str, str | None, str | None]]:
    """(reason, note, staff id) of each opening, oldest first."""
    sql = "SELECT reason, note, staff_id FROM drawer_events ORDER BY id"
    return conn.execute(sql).fetchall()
