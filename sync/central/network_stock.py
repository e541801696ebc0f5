"""Stock across the network: the ``network_stock`` feed and the live lookup.

The feed serves other locations' levels of the products the asking store itself has a
level for, in change order: a store does not cache the whole network's catalog, only
what it could be asked about at its till. At 1M products and two other locations a
first pull is ~2M items (about 150 bytes each, a location's name included so an offline
till can name it); later pulls are the changes only. The items are built in SQL like the
other feeds (``feeds.py``), on the ``stock_change_all`` index.

Measured (2 cores, 200,000 products, two other locations): the first pull is 400,000
items, 63.5 MB, 6.6 s of server time (this store's own stock feed: 200,000 items,
16.8 MB, 1.5 s); a caught-up page 0.1 ms. So at 1M products ~2M items, ~320 MB, ~33 s,
once, in the background; then changes only. Smaller would need no names (~30 B an
item) or levels of the other locations only when asked (live lookup, no offline copy).
"""

from __future__ import annotations

import sqlite3

from sync.central.db import Database, utc_now
from sync.central.errors import not_found
from sync.contract.network import LocationStock, NetworkStock

#: (store_id, position, limit) as ?1, ?2, ?3.
FEED_QUERY = (
    "SELECT s.change_seq, CAST(json_object('store_id', s.store_id, 'name', l.name, "
    "'kind', CASE WHEN w.store_id IS NULL THEN 'store' ELSE 'warehouse' END, "
    "'product_id', s.product_id, 'sku', s.sku, 'on_hand', s.on_hand, "
    "'reserved', s.reserved, 'version', s.change_seq) AS BLOB) "
    "FROM stock s INDEXED BY stock_change_all JOIN stores l ON l.id = s.store_id "
    "LEFT JOIN warehouses w ON w.store_id = s.store_id "
    "WHERE s.change_seq > ?2 AND s.store_id <> ?1 AND EXISTS "
    "(SELECT 1 FROM stock m WHERE m.store_id = ?1 AND m.product_id = s.product_id) "
    "ORDER BY s.change_seq LIMIT ?3"
)

_LOCATIONS = (
    "SELECT l.id, l.name, CASE WHEN w.store_id IS NULL THEN 'store' ELSE 'warehouse' END, "
    "coalesce(s.on_hand, 0), coalesce(s.reserved, 0) FROM stores l "
    "LEFT JOIN warehouses w ON w.store_id = l.id "
    "LEFT JOIN stock s ON s.store_id = l.id AND s.product_id = ? ORDER BY l.id"
)


def lookup(db: Database, product_id: int) -> NetworkStock:
    """Every location's level of the product now (404 for a product central lacks)."""
    with db.read() as conn:
        row = conn.execute("SELECT sku FROM products WHERE id = ?", (product_id,)).fetchone()
        if row is None:
            raise not_found(f"There is no product {product_id}.")
        rows = conn.execute(_LOCATIONS, (product_id,)).fetchall()
    return NetworkStock(
        product_id=product_id,
        sku=row[0],
        at=utc_now(),
        locations=[
            LocationStock(
                store_id=store_id,
                name=name,
                kind=kind,
                on_hand=on_hand,
                reserved=reserved,
                available=on_hand - reserved,
            )
            for store_id, name, kind, on_hand, reserved in rows
        ],
    )


def location(conn: sqlite3.Connection, store_id: str) -> tuple[str, str] | None:
    """``(name, kind)`` of a location, None if there is none of that id."""
    row = conn.execute(
        "SELECT l.name, CASE WHEN w.store_id IS NULL THEN 'store' ELSE 'warehouse' END "
        "FROM stores l LEFT JOIN warehouses w ON w.store_id = l.id WHERE l.id = ?",
        (store_id,),
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def web_warehouse(conn: sqlite3.Connection) -> str | None:
    """The warehouse that ships home deliveries (the first, by id), if any."""
    row = conn.execute("SELECT store_id FROM warehouses ORDER BY store_id LIMIT 1").fetchone()
    return str(row[0]) if row else None
