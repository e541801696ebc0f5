"""The bulk loader: counts, all-or-nothing failures, and an FTS index that stays in step."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from catalog_items import Dept, Item

from pos.store import catalog_loader
from pos.store.catalog import Catalog
from pos.store.catalog_loader import (
    CatalogLoadError,
    load_catalog,
    rename,
    set_active,
    update_price,
)
from pos.store.db import connect
from pos.store.migrations import migrate

DEPARTMENTS = [Dept("EPI", "Épicerie", 550), Dept("DRO", "Droguerie", 2000)]
_WORDS = ("pomme", "crème", "café", "lait", "bœuf", "salade", "thé", "miel", "riz", "sel")


def items(count: int, start: int = 0) -> Iterator[Item]:
    """``count`` distinct products, two barcodes for every tenth one."""
    for n in range(start, start + count):
        codes = (f"300{n:07d}", f"400{n:07d}") if n % 10 == 0 else (f"300{n:07d}",)
        yield Item(
            sku=f"S{n:05d}",
            name=f"{_WORDS[n % 10]} {_WORDS[(n // 10) % 10]} n{n} {n % 7}00g",
            brand=("Maison", "Bonne Mère", "")[n % 3],
            department=("EPI", "DRO", None)[n % 3],
            barcodes=codes,
            plu=f"2{n:04d}" if n % 50 == 0 else None,
            sold_by="weight" if n % 50 == 0 else "unit",
            stock=n % 40,
            popularity=(n * 7919) % 1000,
        )


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    path = tmp_path / "store.db"
    conn = connect(path)
    migrate(conn, path)
    yield conn
    conn.close()


def scalar(conn: sqlite3.Connection, sql: str) -> object:
    return conn.execute(sql).fetchone()[0]


def schema(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def fts_terms(conn: sqlite3.Connection, table: str) -> list[tuple]:
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{table} USING fts5vocab(main, {table}, row)"
    )
    rows = conn.execute(f"SELECT term, doc FROM temp.v_{table} ORDER BY term").fetchall()
    conn.execute(f"DROP TABLE temp.v_{table}")
    return rows


def assert_fts_in_step(conn: sqlite3.Connection) -> None:
    """The live index holds exactly what a fresh index of the active products would."""
    ddl = scalar(conn, "SELECT sql FROM sqlite_master WHERE name = 'product_fts'")
    conn.execute(str(ddl).replace("CREATE VIRTUAL TABLE product_fts", "CREATE VIRTUAL TABLE ref"))
    conn.execute(
        "INSERT INTO ref (rowid, head, name, brand) SELECT search_rank, search_head, name_key,"
        " search_brand FROM products WHERE active = 1 ORDER BY search_rank"
    )
    try:
        assert fts_terms(conn, "product_fts") == fts_terms(conn, "ref")
        assert Catalog(conn).count() == scalar(conn, "SELECT count(*) FROM products WHERE active")
    finally:
        conn.execute("DROP TABLE ref")


def test_load_fills_every_table_and_the_count(db: sqlite3.Connection) -> None:
    before = schema(db)
    assert load_catalog(db, DEPARTMENTS, items(500)) == 500
    assert scalar(db, "SELECT count(*) FROM products") == 500
    assert scalar(db, "SELECT count(*) FROM barcodes") == 550
    assert scalar(db, "SELECT count(*) FROM stock") == 500
    assert scalar(db, "SELECT count(*) FROM departments") == 2
    assert Catalog(db).count() == 500
    assert schema(db) == before  # indexes and triggers dropped for the load came back
    assert_fts_in_step(db)


def test_loaded_rows_keep_every_field(db: sqlite3.Connection) -> None:
    load_catalog(db, DEPARTMENTS, items(300))
    sql = (
        "SELECT sku, name, brand, department, sold_by, plu, name_key, brand_key, popularity"
        " FROM products WHERE sku = ?"
    )
    assert db.execute(sql, ("S00050",)).fetchone() == (
        "S00050", "pomme salade n50 100g", "", None, "weight", "20050",
        "pomme salade n50 100g", "", (50 * 7919) % 1000,
    )  # fmt: skip
    assert db.execute(sql, ("S00241",)).fetchone() == (
        "S00241", "crème bœuf n241 300g", "Bonne Mère", "DRO", "unit", None,
        "creme boeuf n241 300g", "bonne mere", (241 * 7919) % 1000,
    )  # fmt: skip
    stock_sql = "SELECT on_hand FROM stock JOIN products ON id = product_id WHERE sku = 'S00039'"
    assert scalar(db, stock_sql) == 39


def test_load_accepts_a_generator_consumed_in_batches(
    db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog_loader, "BATCH", 64)
    assert load_catalog(db, iter(DEPARTMENTS), items(1000)) == 1000
    assert scalar(db, "SELECT max(id) FROM products") == 1000
    assert_fts_in_step(db)


def test_a_second_load_appends_through_the_same_index(db: sqlite3.Connection) -> None:
    load_catalog(db, DEPARTMENTS, items(300))
    before = schema(db)
    assert load_catalog(db, [], items(200, start=300)) == 200
    assert scalar(db, "SELECT min(id) FROM products WHERE sku = 'S00300'") == 301
    assert Catalog(db).count() == 500
    assert schema(db) == before
    assert_fts_in_step(db)
    assert Catalog(db).by_barcode("3000000450") is not None


def test_departments_are_updated_in_place(db: sqlite3.Connection) -> None:
    load_catalog(db, DEPARTMENTS, [])
    load_catalog(db, [Dept("EPI", "Épicerie fine", 2000)], [])
    assert Catalog(db).departments() == [("DRO", "Droguerie", 2000), ("EPI", "Épicerie fine", 2000)]


def assert_nothing_loaded(conn: sqlite3.Connection, before: list[tuple], products: int = 0) -> None:
    assert scalar(conn, "SELECT count(*) FROM products") == products
    assert schema(conn) == before
    assert not conn.in_transaction
    assert_fts_in_step(conn)


def test_a_barcode_given_to_two_products_loads_nothing(
    db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog_loader, "BATCH", 50)  # the clash spans two batches
    before = schema(db)
    clash = Item("DUP", "doublon", barcodes=("3000000007",))
    with pytest.raises(CatalogLoadError, match=r"'3000000007'.*'S00007'.*'DUP'") as caught:
        load_catalog(db, DEPARTMENTS, [*items(120), clash])
    assert isinstance(caught.value, sqlite3.IntegrityError)
    assert scalar(db, "SELECT count(*) FROM departments") == 0
    assert_nothing_loaded(db, before)


def test_a_barcode_listed_twice_for_one_product_loads_nothing(db: sqlite3.Connection) -> None:
    before = schema(db)
    twice = Item("TWICE", "deux fois", barcodes=("123", "123"))
    with pytest.raises(CatalogLoadError, match="'123' is listed twice for 'TWICE'"):
        load_catalog(db, DEPARTMENTS, [*items(10), twice])
    assert_nothing_loaded(db, before)


def test_a_duplicate_sku_in_a_first_load_loads_nothing(db: sqlite3.Connection) -> None:
    before = schema(db)
    with pytest.raises(CatalogLoadError, match="SKU 'S00003' is given to several products"):
        load_catalog(db, DEPARTMENTS, [*items(10), Item("S00003", "autre", barcodes=("9",))])
    assert_nothing_loaded(db, before)


def test_a_sku_already_in_the_catalog_is_refused(db: sqlite3.Connection) -> None:
    load_catalog(db, DEPARTMENTS, items(10))
    before = schema(db)
    with pytest.raises(CatalogLoadError, match=r"'S00004' \('autre'\) was refused.*UNIQUE"):
        load_catalog(db, [], [Item("NEW", "nouveau"), Item("S00004", "autre")])
    assert_nothing_loaded(db, before, products=10)


def test_a_duplicate_plu_loads_nothing(db: sqlite3.Connection) -> None:
    before = schema(db)
    with pytest.raises(CatalogLoadError, match="PLU '20000' is given to several products"):
        load_catalog(db, DEPARTMENTS, [*items(10), Item("W", "pesé", plu="20000")])
    assert_nothing_loaded(db, before)


def test_an_unknown_department_loads_nothing(db: sqlite3.Connection) -> None:
    before = schema(db)
    with pytest.raises(CatalogLoadError, match="'LOST' names department 'XXX'"):
        load_catalog(db, DEPARTMENTS, [*items(10), Item("LOST", "perdu", department="XXX")])
    assert_nothing_loaded(db, before)


def test_an_invalid_product_is_named(db: sqlite3.Connection) -> None:
    before = schema(db)
    with pytest.raises(CatalogLoadError, match=r"'BAD' \('mauvais'\) was refused.*CHECK"):
        load_catalog(db, DEPARTMENTS, [*items(10), Item("BAD", "mauvais", sold_by="litre")])
    assert_nothing_loaded(db, before)


def test_the_page_cache_size_is_restored(db: sqlite3.Connection) -> None:
    before = scalar(db, "PRAGMA cache_size")
    load_catalog(db, DEPARTMENTS, items(10))
    with pytest.raises(CatalogLoadError):
        load_catalog(db, DEPARTMENTS, [Item("S00001", "doublon")])
    assert scalar(db, "PRAGMA cache_size") == before


def test_deactivation_leaves_the_index_and_the_count(db: sqlite3.Connection) -> None:
    load_catalog(db, DEPARTMENTS, items(200))
    assert set_active(db, 5, False)
    assert set_active(db, 5, False)  # already inactive: still a known product
    assert Catalog(db).count() == 199
    assert_fts_in_step(db)
    assert set_active(db, 5, True)
    assert Catalog(db).count() == 200
    assert_fts_in_step(db)


def test_rename_and_popularity_changes_reindex(db: sqlite3.Connection) -> None:
    load_catalog(db, DEPARTMENTS, items(200))
    assert rename(db, 7, "Œuf de caille")
    assert scalar(db, "SELECT name_key FROM products WHERE id = 7") == "oeuf de caille"
    db.execute("UPDATE products SET popularity = 123456 WHERE id = 8")
    db.execute("UPDATE products SET brand_key = 'autre' WHERE id = 9")
    assert_fts_in_step(db)


def test_update_price_does_not_touch_the_index(db: sqlite3.Connection) -> None:
    load_catalog(db, DEPARTMENTS, items(20))
    assert update_price(db, 3, 4242)
    assert Catalog(db).get(3).price_cents == 4242  # type: ignore[union-attr]
    assert_fts_in_step(db)


def test_writers_report_unknown_products(db: sqlite3.Connection) -> None:
    load_catalog(db, DEPARTMENTS, items(3))
    assert not set_active(db, 99, False)
    assert not update_price(db, 99, 1)
    assert not rename(db, 99, "x")
    assert Catalog(db).count() == 3


def test_demo_catalog_loads_when_available(db: sqlite3.Connection) -> None:
    demo = pytest.importorskip("resources.demo.catalog")
    products = list(demo.demo_products(3000))
    assert load_catalog(db, demo.DEPARTMENTS, products) == 3000
    catalog = Catalog(db)
    assert catalog.count() == 3000
    first = products[0]
    assert catalog.by_barcode(first.barcodes[0]).sku == first.sku  # type: ignore[union-attr]
    assert_fts_in_step(db)
