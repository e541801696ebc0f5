"""Catalog look-ups: barcodes, PLU, SKU, ids, stock, departments, and what tombstones hide."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from catalog_items import Dept, Item

from pos.domain.product import Product, SoldBy
from pos.store import catalog as catalog_module
from pos.store.catalog import Catalog
from pos.store.catalog_loader import load_catalog, rename, set_active, update_price
from pos.store.db import connect
from pos.store.migrations import migrate

DEPARTMENTS = [Dept("FRA", "Frais", 550), Dept("EPI", "Épicerie", 550)]
NUTELLA = Item(
    "SKU-NUT", "Pâte à tartiner noisettes 400 g", brand="Ferrero", price_cents=389,
    barcodes=("3017620422003", "3017620425035"), stock=12, popularity=900,
)  # fmt: skip
COMTE = Item(
    "SKU-COM", "Comté 18 mois", department="FRA", price_cents=2490, sold_by="weight",
    plu="01234", stock=4500,
)  # fmt: skip
LOOSE = Item("SKU-SEL", "Sel fin", department=None, barcodes=("3000000000017",))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    path = tmp_path / "store.db"
    conn = connect(path)
    migrate(conn, path)
    load_catalog(conn, DEPARTMENTS, [NUTELLA, COMTE, LOOSE])
    yield conn
    conn.close()


@pytest.fixture
def catalog(db: sqlite3.Connection) -> Catalog:
    return Catalog(db)


def test_every_barcode_of_a_product_finds_it(catalog: Catalog) -> None:
    expected = Product(
        id=1, sku="SKU-NUT", name="Pâte à tartiner noisettes 400 g", price_cents=389,
        vat_bp=550, sold_by=SoldBy.UNIT, brand="Ferrero", department="EPI",
    )  # fmt: skip
    assert catalog.by_barcode("3017620422003") == expected
    assert catalog.by_barcode("3017620425035") == expected


def test_the_product_is_the_domain_type(catalog: Catalog) -> None:
    product = catalog.by_barcode("3017620422003")
    assert type(product) is Product
    assert product is not None and product.sold_by is SoldBy.UNIT


def test_an_unknown_barcode_is_none(catalog: Catalog) -> None:
    assert catalog.by_barcode("0000000000000") is None
    assert catalog.by_barcode("") is None
    assert catalog.by_barcode("3017620422003 ") is None  # no trimming on the hot path


def test_a_department_less_product_has_an_empty_department(catalog: Catalog) -> None:
    product = catalog.by_barcode("3000000000017")
    assert product is not None and product.department == ""


def test_plu_finds_the_weighed_product(catalog: Catalog) -> None:
    product = catalog.by_plu("01234")
    assert product is not None
    assert (product.sku, product.sold_by, product.price_cents) == ("SKU-COM", SoldBy.WEIGHT, 2490)
    assert catalog.by_plu("1234") is None


def test_sku_and_id_lookups(catalog: Catalog) -> None:
    assert catalog.by_sku("SKU-COM") == catalog.get(2)
    assert catalog.by_sku("sku-com") is None  # SKUs are exact; search handles case
    assert catalog.get(99) is None


def test_a_deactivated_product_is_only_reachable_by_id(
    db: sqlite3.Connection, catalog: Catalog
) -> None:
    nutella = catalog.by_barcode("3017620422003")
    assert set_active(db, 1, False)
    assert catalog.by_barcode("3017620422003") is None
    assert catalog.by_barcode("3017620425035") is None
    assert catalog.by_sku("SKU-NUT") is None
    assert catalog.search("pâte") == []
    assert catalog.search("SKU-NUT") == []
    assert catalog.get(1) == nutella  # an open basket still holds it
    assert catalog.count() == 2
    assert set_active(db, 1, True)
    assert catalog.by_barcode("3017620422003") == nutella
    assert catalog.search("pâte") == [nutella]
    assert catalog.count() == 3


def test_a_deactivated_weighed_product_is_not_found_by_plu(
    db: sqlite3.Connection, catalog: Catalog
) -> None:
    set_active(db, 2, False)
    assert catalog.by_plu("01234") is None


def test_a_new_price_is_seen_by_the_next_scan(db: sqlite3.Connection, catalog: Catalog) -> None:
    update_price(db, 1, 419)
    product = catalog.by_barcode("3017620422003")
    assert product is not None and product.price_cents == 419
    assert catalog.search("pâte")[0].price_cents == 419


def test_a_renamed_product_is_searched_by_its_new_name(
    db: sqlite3.Connection, catalog: Catalog
) -> None:
    assert rename(db, 3, "Fleur de sel de Guérande")
    assert catalog.search("sel fin") == []
    assert [p.sku for p in catalog.search("guerande")] == ["SKU-SEL"]
    assert catalog.by_barcode("3000000000017").name == "Fleur de sel de Guérande"  # type: ignore[union-attr]


def test_count_is_the_number_of_active_products(catalog: Catalog) -> None:
    assert catalog.count() == 3


def test_count_falls_back_to_counting_without_the_cached_value(
    db: sqlite3.Connection, catalog: Catalog
) -> None:
    db.execute("DELETE FROM settings WHERE key = 'catalog_count'")
    assert catalog.count() == 3


def test_count_of_an_empty_catalog(tmp_path: Path) -> None:
    conn = connect(tmp_path / "empty.db")
    migrate(conn)
    assert Catalog(conn).count() == 0
    assert Catalog(conn).search("a") == []
    conn.close()


def test_stock_on_hand(catalog: Catalog, db: sqlite3.Connection) -> None:
    assert catalog.stock_on_hand(1) == 12
    assert catalog.stock_on_hand(2) == 4500  # grams
    db.execute("DELETE FROM stock WHERE product_id = 3")
    assert catalog.stock_on_hand(3) == 0
    assert catalog.stock_on_hand(99) == 0


def test_departments_by_code(catalog: Catalog) -> None:
    assert catalog.departments() == [("EPI", "Épicerie", 550), ("FRA", "Frais", 550)]


def test_the_scan_lookup_is_one_statement(catalog: Catalog, db: sqlite3.Connection) -> None:
    """The hot path must stay a single prepared statement (cached by sqlite3)."""
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    try:
        catalog.by_barcode("3017620422003")
        catalog.by_barcode("nope")
    finally:
        db.set_trace_callback(None)
    assert len(statements) == 2
    assert all(s.strip().startswith("SELECT") and "barcodes" in s for s in statements)
    assert catalog_module.BY_BARCODE_SQL.count("?") == 1


def test_a_read_only_connection_can_look_up(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    writer = connect(path)
    migrate(writer, path)
    load_catalog(writer, DEPARTMENTS, [NUTELLA])
    reader = connect(path, read_only=True)
    try:
        catalog = Catalog(reader)
        assert catalog.by_barcode("3017620425035") is not None
        assert [p.sku for p in catalog.search("noisette")] == ["SKU-NUT"]
    finally:
        reader.close()
        writer.close()
