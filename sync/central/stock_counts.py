"""A till's stock count, applied centrally: each counted line becomes one movement
(reason ``count``) of ``counted − level at counted_at``.

Why at ``counted_at`` and from central's own level: while a shelf is counted, the store
keeps selling, at this till and at others. An article counted at 10:05 and sold at 10:20
must not be "found" again, and a sale at another till at 10:00 that this till had not
heard of yet must not be "lost". Central keeps every movement with its own time (a sale
its completion, an adjustment or a count line the till's instant), so its level at t is
its level now less every movement after t; the delta applied is the counted figure less
that. The till's own expected figure travels with the line and is kept beside it.
"""

from __future__ import annotations

import sqlite3

from sync.central.instants import normalize
from sync.central.stock import StockChanges, level_at
from sync.contract.operations import (
    IMPLAUSIBLE_QUANTITY,
    INVALID_PAYLOAD,
    MAX_UNIT_DELTA,
    UNKNOWN_PRODUCT,
    StockCountPayload,
)

_INSERT_LINE = (
    "INSERT INTO stock_count_lines (op_id, store_id, count_id, product_id, counted, counted_at, "
    "till_expected, central_expected, delta, staff_id, approved_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def check(
    payload: StockCountPayload, skus: dict[int, str], sold_by: dict[int, str]
) -> tuple[str, str]:
    """(code, reason) when a line cannot be applied (nothing of the count is), else ''s."""
    products = [line.product_id for line in payload.lines]
    if len(set(products)) != len(products):
        return INVALID_PAYLOAD, "A count names each product once (add the quantities up)."
    for line in payload.lines:
        sku = skus.get(line.product_id)
        if sku != line.sku:
            return UNKNOWN_PRODUCT, f"Central knows no product {line.product_id} ({line.sku})."
        if sold_by.get(line.product_id) != "weight" and line.counted > MAX_UNIT_DELTA:
            return IMPLAUSIBLE_QUANTITY, (
                f"{line.counted:,} units of {sku!r} counted is beyond {MAX_UNIT_DELTA:,}."
            )
    return "", ""


def apply(
    conn: sqlite3.Connection,
    store_id: str,
    op_id: str,
    payload: StockCountPayload,
    stock: StockChanges,
) -> None:
    """Move each line by its variance at its instant; call with ``stock`` flushed (the
    level now must include every movement recorded before this count)."""
    rows = []
    for line in payload.lines:
        at = normalize(line.counted_at)
        expected = level_at(conn, store_id, line.product_id, at)
        delta = line.counted - expected
        if delta:
            stock.move(line.product_id, line.sku, delta, "count", payload.count_id, op_id,
                       staff_id=line.staff_id, at=at)  # fmt: skip
        rows.append(
            (op_id, store_id, payload.count_id, line.product_id, line.counted, at,
             line.expected, expected, delta, line.staff_id, payload.approved_by)
        )  # fmt: skip
    conn.executemany(_INSERT_LINE, rows)
