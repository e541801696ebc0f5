"""Sales cancelled before completion, kept with their lines (append-only).

A cancel is never silent: the basket as it was, who cancelled it and the approval that
allowed it are written in the same transaction that clears the open basket.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

_INSERT = (
    "INSERT INTO cancelled_sale (sale_id, terminal_id, staff_id, cashier, approval_id, "
    "total_cents, basket, tenders, started_at, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True, slots=True)
class CancelledSale:
    sale_id: str
    terminal_id: str
    staff_id: str
    cashier: str
    approval_id: str | None
    total_cents: int
    basket: dict[str, Any]
    tenders: list[dict[str, Any]]
    started_at: str
    at: str


def record(conn: sqlite3.Connection, sale: CancelledSale) -> None:
    """Call inside the transaction that clears the open basket."""
    conn.execute(
        _INSERT,
        (
            sale.sale_id, sale.terminal_id, sale.staff_id, sale.cashier, sale.approval_id,
            sale.total_cents, json.dumps(sale.basket, ensure_ascii=False),
            json.dumps(sale.tenders, ensure_ascii=False), sale.started_at, sale.at,
        ),
    )  # fmt: skip


def list_cancelled(conn: sqlite3.Connection, terminal_id: str | None = None) -> list[CancelledSale]:
    sql = (
        "SELECT sale_id, terminal_id, staff_id, cashier, approval_id, total_cents, basket, "
        "tenders, started_at, at FROM cancelled_sale"
    )
    args: tuple = ()
    if terminal_id is not None:
        sql, args = sql + " WHERE terminal_id = ?", (terminal_id,)
    rows = conn.execute(sql + " ORDER BY id", args).fetchall()
    return [
        CancelledSale(*head, json.loads(basket), json.loads(tenders), started, at)
        for *head, basket, tenders, started, at in rows
    ]
