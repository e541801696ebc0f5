"""Each terminal's till acts as central keeps them: sales cancelled with their lines and
drawer openings without a sale, each once, as pushed (``sync.contract.till_acts``).

Applied inside the push transaction (``pushes``) after the op_id check, as the till day
is: a record naming another terminal than the token's is ``wrong_terminal``; an op id
that is not ``cancel-<sale id>`` / ``drawer-<opening id>`` is ``invalid_payload`` (one
act, one op id, whichever till resends it).
"""

from __future__ import annotations

import sqlite3

from sync.central.db import Database
from sync.central.errors import not_found
from sync.contract.operations import CONFLICT, INVALID_PAYLOAD, WRONG_TERMINAL
from sync.contract.till_acts import DrawerOpenedPayload, SaleCancelledPayload, TillActsView

TILL_ACT_PAYLOADS = (SaleCancelledPayload, DrawerOpenedPayload)
#: The operator sees this many acts of each kind of a terminal at most, the latest.
MAX_ACTS = 10_000

_CANCELLED = (
    "INSERT INTO cancelled_sales (store_id, terminal_id, sale_id, at, payload) "
    "VALUES (?, ?, ?, ?, ?)"
)
_OPENED = (
    "INSERT INTO drawer_openings (store_id, terminal_id, opening_id, at, payload) "
    "VALUES (?, ?, ?, ?, ?)"
)


def op_id_of(payload: SaleCancelledPayload | DrawerOpenedPayload) -> str:
    if isinstance(payload, SaleCancelledPayload):
        return f"cancel-{payload.sale_id}"
    return f"drawer-{payload.opening_id}"


def apply(
    conn: sqlite3.Connection,
    store_id: str,
    terminal_id: str,
    op_id: str,
    payload: SaleCancelledPayload | DrawerOpenedPayload,
) -> tuple[str, str]:
    """Record one act; ``(code, reason)`` if refused, else empty strings."""
    if op_id != op_id_of(payload):
        return INVALID_PAYLOAD, f"This act's op_id must be {op_id_of(payload)!r}."
    if payload.terminal_id != terminal_id:
        return WRONG_TERMINAL, (
            f"This record names terminal {payload.terminal_id!r}, but the token is terminal "
            f"{terminal_id!r}'s: it was not stored."
        )
    if isinstance(payload, SaleCancelledPayload):
        sql, key = _CANCELLED, payload.sale_id
    else:
        sql, key = _OPENED, payload.opening_id
    try:
        conn.execute(sql, (store_id, terminal_id, key, payload.at, payload.model_dump_json()))
    except sqlite3.IntegrityError:
        return CONFLICT, f"{op_id!r} is already recorded."
    return "", ""


def acts(db: Database, store_id: str, terminal_id: str) -> TillActsView:
    """The terminal's latest cancelled sales and drawer openings, oldest first."""
    with db.read() as conn:
        known = conn.execute(
            "SELECT 1 FROM terminals WHERE store_id = ? AND terminal_id = ?",
            (store_id, terminal_id),
        ).fetchone()
        found = {
            table: [
                row[0]
                for row in conn.execute(
                    f"SELECT payload FROM (SELECT payload, at, {key} FROM {table} "
                    f"WHERE store_id = ? AND terminal_id = ? ORDER BY at DESC, {key} DESC "
                    f"LIMIT ?) ORDER BY at, {key}",
                    (store_id, terminal_id, MAX_ACTS),
                )
            ]
            for table, key in (("cancelled_sales", "sale_id"), ("drawer_openings", "opening_id"))
        }
    if known is None and not any(found.values()):
        raise not_found(f"There is no terminal {terminal_id!r} in store {store_id!r}.")
    return TillActsView(
        store_id=store_id,
        terminal_id=terminal_id,
        cancelled_sales=[
            SaleCancelledPayload.model_validate_json(p) for p in found["cancelled_sales"]
        ],
        drawer_openings=[
            DrawerOpenedPayload.model_validate_json(p) for p in found["drawer_openings"]
        ],
    )
