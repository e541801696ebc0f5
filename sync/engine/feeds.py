"""Which store repository applies each feed's pages, and how a feed starts over.

The engine pulls only the feeds listed here. Each
applier commits the page's items and its cursor in one transaction. Catalog and stock
pages are first checked for plausibility (``pos.store.feed_checks``): an implausible
page is refused whole, before anything of it is written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from pos.store import (
    catalog_feed,
    customer_feed,
    deliveries,
    departments,
    feed_checks,
    feed_cursors,
    network_stock,
    pickup_feed,
    promotion_feed,
    staff,
    stock_levels,
)
from sync.ports import FeedPage

Apply = Callable[[sqlite3.Connection, FeedPage], int]
Restart = Callable[[sqlite3.Connection], None]

#: Departments' names first (small; the catalog's codes are shown by them), then the
#: catalog (stock levels name its products), then stock, then the rest.
DEFAULT_FEEDS: tuple[str, ...] = (
    "departments", "catalog", "stock", "customers", "promotions", "pickups", "staff",
    "network_stock", "deliveries",
)  # fmt: skip


def _catalog(conn: sqlite3.Connection, page: FeedPage) -> int:
    feed_checks.check_catalog_page(conn, page.items)
    return catalog_feed.apply_page(conn, page.items, page.next_cursor, caught_up=not page.has_more)


def _stock(conn: sqlite3.Connection, page: FeedPage) -> int:
    feed_checks.check_stock_page(conn, page.items)
    return stock_levels.apply_page(conn, page.items, page.next_cursor)


APPLIERS: dict[str, Apply] = {
    "catalog": _catalog,
    "stock": _stock,
    "customers": lambda conn, page: customer_feed.apply_page(conn, page.items, page.next_cursor),
    "promotions": lambda conn, page: promotion_feed.apply_page(conn, page.items, page.next_cursor),
    "pickups": lambda conn, page: pickup_feed.apply_page(conn, page.items, page.next_cursor),
    "staff": lambda conn, page: staff.apply_page(conn, page.items, page.next_cursor),
    "network_stock": lambda conn, page: network_stock.apply_page(
        conn, page.items, page.next_cursor
    ),
    "deliveries": lambda conn, page: deliveries.apply_page(conn, page.items, page.next_cursor),
    "departments": lambda conn, page: departments.apply_page(conn, page.items, page.next_cursor),
}

RESTARTS: dict[str, Restart] = {
    "catalog": catalog_feed.restart,
    "stock": lambda conn: feed_cursors.forget(conn, "stock"),
    "customers": lambda conn: feed_cursors.forget(conn, "customers"),
    "promotions": lambda conn: feed_cursors.forget(conn, "promotions"),
    "pickups": pickup_feed.restart,
    "staff": lambda conn: feed_cursors.forget(conn, "staff"),
    "network_stock": network_stock.restart,
    "deliveries": deliveries.restart,
    "departments": departments.restart,
}
