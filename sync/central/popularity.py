"""Products' popularity: units sold to customers across every store and channel.

The figure the catalog feed serves (``products.popularity``) ranks equally relevant search
hits at the tills (issue 18.1). It is counted where goods leave for a customer, in the
transaction that records it: a till's sale (stock movement ``sale``) or a
click-and-collect handover not paid through a sale (``pickup``; one paid by a sale is the
sale's). A weighed line counts one unit: grams would let a cheese counter outrank
everything. Returns are not taken off: the figure says what customers pick, not net sales.

Cumulative, not a rolling window: a window's figure drops with no sale at all, so keeping
it true would mean a daily job republishing every product sold in the window - the
whole active catalog in the change feed every night. A cumulative count only moves when
something is sold, and its changes are batched: ``product_sales`` keeps the running count
(a cheap upsert per product sold), and the product gets a new change_seq (so the
``catalog`` feed carries it to every till) only when the count has grown by a quarter, at
least one unit, since it was last served - about 30 republications for a product's first
1,000 units, 50 for 100,000, whatever the number of sales. The cost of cumulative: a
product that sold well long ago keeps its rank; a yearly halving would be the remedy.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from sync.central.db import next_change_seqs

#: Stock movement reasons that hand goods to a customer.
SOLD_REASONS = frozenset({"sale", "pickup"})

# A product's kind, served figure and running count (none yet: it starts from the served
# figure, a seeded catalog's, so it never republishes a drop). Read in one statement per
# batch and written with one executemany each: a 600-line push costs ~2 statements.
_READ = (
    "SELECT p.id, p.sold_by, p.popularity, s.units FROM products AS p "
    "LEFT JOIN product_sales AS s ON s.product_id = p.id WHERE p.id IN ({0})"
)
_COUNT = "INSERT OR REPLACE INTO product_sales (product_id, units) VALUES (?, ?)"
_PUBLISH = "UPDATE products SET popularity = ?, change_seq = ? WHERE id = ?"
_CHUNK = 500  # ids per IN list, well under SQLite's parameter limit


def worth_publishing(served: int, units: int) -> bool:
    """Whether a count of ``units`` should replace the ``served`` figure at the tills."""
    return units >= served + max(1, served // 4)


def record(conn: sqlite3.Connection, movements: Iterable[tuple]) -> None:
    """Count the sold units of a batch of stock movements (``stock``'s row layout:
    ``(store_id, product_id, delta, reason, …)``) and republish the products whose count
    grew enough. Writer only, in the transaction that records the movements."""
    sold: dict[int, list[int]] = {}  # product_id -> [units, lines]
    for movement in movements:
        product_id, delta, reason = movement[1], movement[2], movement[3]
        if reason in SOLD_REASONS and delta < 0:
            figures = sold.setdefault(product_id, [0, 0])
            figures[0] -= delta
            figures[1] += 1
    counts, changed = [], []
    ids = sorted(sold)
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first : first + _CHUNK]
        for product_id, sold_by, served, running in conn.execute(
            _READ.format(",".join("?" * len(chunk))), chunk
        ).fetchall():
            units, lines = sold[product_id]
            total = (served if running is None else running) + (
                lines if sold_by == "weight" else units
            )
            counts.append((product_id, total))
            if worth_publishing(served, total):
                changed.append((total, product_id))
    conn.executemany(_COUNT, counts)
    if changed:
        seq = next_change_seqs(conn, len(changed))
        rows = [(units, seq + i, product_id) for i, (units, product_id) in enumerate(changed)]
        conn.executemany(_PUBLISH, rows)
