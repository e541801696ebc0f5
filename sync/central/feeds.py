"""Feed pages, serialised by SQLite itself.

A page is one range scan on the feed's ``change_seq`` index; each item is built by
``json_object`` in C (stored with the product, for the catalog; pickup orders are kept
whole as served) and read as bytes, and the page is those bytes joined: decoding and
re-encoding 1.2 MB of UTF-8 would triple the cost, and validating 5000 items with pydantic
on the way out would cost more than the scan. The items come from rows the server wrote
through the same contract models, so the shape is fixed by this SQL (the tests validate
served pages against ``sync.contract``).
"""

from __future__ import annotations

import json

from sync.central import cursors
from sync.central.customers import FEED_QUERY as CUSTOMERS_FEED_QUERY
from sync.central.db import Database
from sync.central.deliveries import FEED_QUERY as DELIVERIES_QUERY
from sync.central.departments import FEED_QUERY as DEPARTMENTS_QUERY
from sync.central.errors import ApiError, bad_request, not_found
from sync.central.network_stock import FEED_QUERY as NETWORK_STOCK_QUERY
from sync.central.staff import FEED_QUERY as STAFF_FEED_QUERY
from sync.contract.scalars import DEFAULT_PAGE_ITEMS, MAX_PAGE_ITEMS

_BOOL = "json(CASE {0} WHEN 1 THEN 'true' ELSE 'false' END)"

# Each query takes (position, limit) or (store_id, position, limit) and yields
# (change_seq, item JSON) in change order.
_QUERIES: dict[str, tuple[bool, str]] = {
    "catalog": (
        False,
        "SELECT change_seq, CAST(item AS BLOB) FROM products WHERE change_seq > ? "
        "ORDER BY change_seq LIMIT ?",
    ),
    "promotions": (
        False,
        # contract v2: the row's v1 fields with its ``rule`` (the other fields) merged in
        "SELECT change_seq, CAST(json_patch(json_object('id', id, 'name', name, 'kind', kind, "
        "'value', value, 'skus', json(skus), 'starts_at', starts_at, 'ends_at', ends_at, "
        f"'active', {_BOOL.format('active')}, 'version', change_seq), rule) AS BLOB) "
        "FROM promotions WHERE change_seq > ? ORDER BY change_seq LIMIT ?",
    ),
    "customers": (False, CUSTOMERS_FEED_QUERY),
    "stock": (
        True,
        "SELECT change_seq, CAST(json_object('product_id', product_id, 'sku', sku, "
        "'on_hand', on_hand, 'reserved', reserved, 'version', change_seq) AS BLOB) "
        "FROM stock WHERE store_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?",
    ),
    "pickups": (
        True,
        "SELECT change_seq, CAST(item AS BLOB) "
        "FROM pickups WHERE store_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?",
    ),
    "staff": (True, STAFF_FEED_QUERY),
    "network_stock": (True, NETWORK_STOCK_QUERY),  # params as ?1 ?2 ?3
    "deliveries": (True, DELIVERIES_QUERY),
    "departments": (False, DEPARTMENTS_QUERY),
}


def parse_limit(raw: str | None) -> int:
    """``limit`` from the query string: digits only, 1..5000, default 1000."""
    if raw is None:
        return DEFAULT_PAGE_ITEMS
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_ITEMS:
        raise bad_request(f"limit must be a whole number from 1 to {MAX_PAGE_ITEMS}.")
    return int(raw)


def page(db: Database, feed: str, store_id: str, cursor: str | None, limit: int) -> bytes:
    """The page as response bytes: ``{"feed", "items", "next_cursor", "has_more"}``."""
    if feed not in _QUERIES:
        raise not_found(f"There is no feed {feed!r}.")
    position = 0
    if cursor is not None:
        try:
            position = cursors.decode(db.cursor_secret, cursor, feed, store_id)
        except cursors.BadCursor as exc:
            raise ApiError(400, "bad_cursor", str(exc)) from None
    per_store, sql = _QUERIES[feed]
    params = (store_id, position, limit + 1) if per_store else (position, limit + 1)
    with db.read() as conn:
        rows = conn.execute(sql, params).fetchall()
    has_more = len(rows) > limit
    if has_more:
        del rows[limit:]
    if rows:
        position = rows[-1][0]
    next_cursor = cursors.encode(db.cursor_secret, feed, store_id, position)
    head = f'{{"feed":{json.dumps(feed)},"items":['.encode()
    tail = f'],"next_cursor":"{next_cursor}","has_more":{"true" if has_more else "false"}}}'
    return head + b",".join(item for _seq, item in rows) + tail.encode()
