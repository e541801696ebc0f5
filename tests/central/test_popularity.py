"""Central's popularity count (issue 18.1) on a real database file, and schema 8."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sync.central import popularity
from sync.central.catalog import put_product
from sync.central.db import SCHEMA_VERSION, Database
from sync.central.stock import StockChanges
from sync.contract.admin import ProductUpsert
from sync.contract.feeds import CatalogItem

STORE = "lyon-part-dieu"


def _product(db: Database, sku: str, sold_by: str = "unit") -> int:
    body = ProductUpsert(name=f"Produit {sku}", price_cents=100, vat_bp=550, sold_by=sold_by)
    return put_product(db, sku, body)[0].id


def _sell(db: Database, *movements: tuple[int, int, str]) -> None:
    """Record movements ``(product_id, delta, reason)`` as one batch of a till's push."""
    with db.write() as conn:
        stock = StockChanges(STORE, "2025-11-25T10:00:00.000Z")
        for product_id, delta, reason in movements:
            stock.move(product_id, None, delta, reason, None, "op")
        stock.flush(conn)


def _served(db: Database, product_id: int) -> tuple[int, int]:
    """(popularity, change_seq) as the catalog feed serves the product."""
    with db.read() as conn:
        (item,) = conn.execute("SELECT item FROM products WHERE id = ?", (product_id,)).fetchone()
    served = CatalogItem.model_validate(json.loads(item))
    return served.popularity, served.version


def test_the_threshold_republishes_a_quarter_more_at_least_one_unit() -> None:
    assert [popularity.worth_publishing(0, n) for n in (0, 1)] == [False, True]
    assert [popularity.worth_publishing(8, n) for n in (9, 10)] == [False, True]
    assert [popularity.worth_publishing(1000, n) for n in (1249, 1250)] == [False, True]


def test_sales_and_handovers_count_and_republish_only_in_steps(tmp_path: Path) -> None:
    db = Database(tmp_path / "central.db")
    try:
        tea, cheese = _product(db, "TEA"), _product(db, "CHEESE", sold_by="weight")
        _, first_version = _served(db, tea)
        _sell(db, (tea, -8, "sale"), (cheese, -1250, "sale"), (cheese, -300, "pickup"))
        assert _served(db, tea)[0] == 8
        assert _served(db, cheese)[0] == 2  # two weighed lines, not 1,550 grams
        _, version = _served(db, tea)
        assert version > first_version  # the feed carries the new figure

        _sell(db, (tea, -1, "sale"))  # 9 sold: under a quarter more than 8
        assert _served(db, tea) == (8, version)
        _sell(db, (tea, 2, "return"), (tea, -5, "count"), (tea, 3, "sale"))  # not sales
        assert _served(db, tea) == (8, version)
        _sell(db, (tea, -1, "pickup"))  # 10 = 8 + 8 // 4
        assert _served(db, tea)[0] == 10 and _served(db, tea)[1] > version
        with db.read() as conn:
            units = conn.execute("SELECT units FROM product_sales WHERE product_id = ?", (tea,))
            assert units.fetchone()[0] == 10
    finally:
        db.close()


def test_an_edit_by_the_operator_keeps_the_figure(tmp_path: Path) -> None:
    db = Database(tmp_path / "central.db")
    try:
        tea = _product(db, "TEA")
        _sell(db, (tea, -4, "sale"))
        body = ProductUpsert(name="Thé vert", price_cents=350, vat_bp=550)
        item, created = put_product(db, "TEA", body)
        assert (item.popularity, created, _served(db, tea)[0]) == (4, False, 4)
    finally:
        db.close()


_V7_PRODUCTS = """
DROP TABLE products; DROP TABLE product_sales;
CREATE TABLE products (
    id INTEGER PRIMARY KEY, sku TEXT NOT NULL, name TEXT NOT NULL, brand TEXT NOT NULL,
    department TEXT, price_cents INTEGER NOT NULL, vat_bp INTEGER NOT NULL,
    sold_by TEXT NOT NULL, plu TEXT, barcodes TEXT NOT NULL, active INTEGER NOT NULL,
    change_seq INTEGER NOT NULL,
    item TEXT GENERATED ALWAYS AS (json_object(
        'id', id, 'sku', sku, 'name', name, 'brand', brand, 'department', department,
        'price_cents', price_cents, 'vat_bp', vat_bp, 'sold_by', sold_by, 'plu', plu,
        'barcodes', json(barcodes), 'active', json(CASE active WHEN 1 THEN 'true' ELSE 'false' END),
        'version', change_seq)) STORED
);
INSERT INTO products (id, sku, name, brand, department, price_cents, vat_bp, sold_by, plu,
                      barcodes, active, change_seq)
VALUES (7, 'OLD', 'Ancien produit', '', NULL, 250, 550, 'unit', NULL, '["3709999000011"]',
        1, 40);
CREATE UNIQUE INDEX products_sku ON products(sku);
CREATE INDEX products_change ON products(change_seq);
PRAGMA user_version = 6;
"""


def test_a_schema_6_file_is_upgraded_keeping_its_products(tmp_path: Path) -> None:
    path = tmp_path / "central.db"
    Database(path).close()
    conn = sqlite3.connect(path)
    conn.executescript(_V7_PRODUCTS)
    conn.close()

    db = Database(path)
    try:
        assert _served(db, 7) == (0, 40)  # same version: no till pulls it again for this
        _sell(db, (7, -3, "sale"))
        assert _served(db, 7)[0] == 3
        with db.read() as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
            indexes = {row[1] for row in conn.execute("PRAGMA index_list(products)")}
            plan = conn.execute(
                "EXPLAIN QUERY PLAN SELECT item FROM products WHERE change_seq > 0 "
                "ORDER BY change_seq"
            ).fetchall()
        assert {"products_sku", "products_plu", "products_change"} <= indexes
        assert "products_change" in str(plan)
    finally:
        db.close()
