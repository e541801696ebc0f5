"""Customers and promotions pages, and cursors that commit with their page."""

from __future__ import annotations

import json

import pytest

from pos.store import customer_feed, feed_cursors, promotion_feed
from pos.store.errors import StoreError
from pos.store.local_store import LocalStore
from pos.store.migrations import head_version, schema_version
from tests.sync.feed_items import Customer, Promotion


def test_the_sync_migration_is_part_of_the_schema(store: LocalStore) -> None:
    assert schema_version(store.conn) == head_version() >= 5
    tables = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master")}
    assert {"feed_cursors", "sync_state", "central_stock", "catalog_staging", "promotions"} <= (
        tables
    )


def test_customers_are_upserted_and_deactivated(store: LocalStore) -> None:
    customer_feed.apply_page(store.conn, [Customer("CLI-1", "Inès", loyalty_points=10),
                                          Customer("CLI-2", "Paul")], "k1")  # fmt: skip
    customer_feed.apply_page(store.conn, [Customer("CLI-1", "Inès", loyalty_points=25,
                                                   active=False, version=2)], "k2")  # fmt: skip
    rows = store.conn.execute(
        "SELECT id, loyalty_points, active, version FROM customers ORDER BY id"
    ).fetchall()
    assert rows == [("CLI-1", 25, 0, 2), ("CLI-2", 0, 1, 1)]
    assert feed_cursors.cursor(store.conn, "customers") == "k2"


def test_promotions_keep_their_skus(store: LocalStore) -> None:
    promotion_feed.apply_page(store.conn, [Promotion(7, "−10 %", skus=("A", "B"))], "p1")
    promotion_feed.apply_page(store.conn, [Promotion(7, "−10 %", skus=("A",), active=False,
                                                     version=2)], "p2")  # fmt: skip
    name, skus, active = store.conn.execute("SELECT name, skus, active FROM promotions").fetchone()
    assert (name, json.loads(skus), active) == ("−10 %", ["A"], 0)


def test_a_cursor_is_only_stored_with_its_page(store: LocalStore) -> None:
    assert feed_cursors.cursor(store.conn, "customers") is None
    with pytest.raises(StoreError):
        customer_feed.apply_page(store.conn, [Customer("CLI-1", None)], "k1")  # type: ignore[arg-type]
    assert feed_cursors.cursor(store.conn, "customers") is None
    customer_feed.apply_page(store.conn, [], "k1")
    assert feed_cursors.all_cursors(store.conn) == {"customers": "k1"}
    feed_cursors.forget(store.conn, "customers")
    assert feed_cursors.cursor(store.conn, "customers") is None
