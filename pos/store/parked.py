"""Parked baskets: a sale put aside (the customer forgot something) and resumed later,
possibly at another till sharing this database.

Resuming is a single ``DELETE … RETURNING``: the row is read and removed in one atomic
statement, so when two tills resume the same parked sale, exactly one gets it and the
other gets ``None``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from pos.domain.errors import PosError
from pos.store.errors import translate_errors
from pos.store.sale_codec import utc_now

_INSERT = (
    "INSERT INTO parked_sales (id, terminal_id, cashier, label, payload, parked_at) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_COLUMNS = "id, terminal_id, cashier, label, parked_at, payload"
_LIST_ALL = f"SELECT {_COLUMNS} FROM parked_sales ORDER BY parked_at, id"
_LIST_TERMINAL = f"SELECT {_COLUMNS} FROM parked_sales WHERE terminal_id = ? ORDER BY parked_at, id"
_TAKE = "DELETE FROM parked_sales WHERE id = ? RETURNING payload"


@dataclass(frozen=True, slots=True)
class ParkedSale:
    id: str
    terminal_id: str
    cashier: str
    label: str
    parked_at: str
    payload: dict[str, Any]


def park(
    conn: sqlite3.Connection,
    parked_id: str,
    terminal_id: str,
    cashier: str,
    label: str,
    payload: dict[str, Any],
    *,
    now: str | None = None,
) -> ParkedSale:
    """Put a basket aside. A parked sale with the same id refuses with a PosError."""
    parked_at = now or utc_now()
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    try:
        with translate_errors():
            conn.execute(_INSERT, (parked_id, terminal_id, cashier, label, text, parked_at))
    except sqlite3.IntegrityError as exc:
        raise PosError(
            "This sale is already parked: resume it instead.", code="already_parked"
        ) from exc
    return ParkedSale(parked_id, terminal_id, cashier, label, parked_at, payload)


def list_parked(conn: sqlite3.Connection, terminal_id: str | None = None) -> list[ParkedSale]:
    """Parked sales, oldest first: one terminal's, or every terminal's when ``None``."""
    with translate_errors():
        if terminal_id is None:
            rows = conn.execute(_LIST_ALL).fetchall()
        else:
            rows = conn.execute(_LIST_TERMINAL, (terminal_id,)).fetchall()
    return [ParkedSale(*row[:5], json.loads(row[5])) for row in rows]


def take(conn: sqlite3.Connection, parked_id: str) -> dict[str, Any] | None:
    """Remove a parked sale and return its payload; ``None`` if it is gone (already
    resumed, here or at another till)."""
    with translate_errors():
        rows = conn.execute(_TAKE, (parked_id,)).fetchall()
    return json.loads(rows[0][0]) if rows else None
