"""Applying catalog pages to a real store file: upserts, tombstones, moves, staging."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from pos.store import catalog_feed, catalog_staging, feed_cursors
from pos.store.catalog_feed import CatalogPageRefused
from pos.store.local_store import LocalStore
from tests.sync.feed_items import Product, products


def names(store: LocalStore, query: str) -> list[str]:
    return [p.name for p in store.catalog.search(query)]


def seed(store: LocalStore, items: list[Product]) -> None:
    """A catalog that already went through its first pull (so pages are upserted)."""
    catalog_feed.apply_page(store.conn, items, "c0", caught_up=True)


def test_a_first_pull_is_staged_invisibly_then_moved_in_one_go(store: LocalStore) -> None:
    conn = store.conn
    catalog_feed.apply_page(conn, products(1, 50), "c1", caught_up=False)
    catalog_feed.apply_page(conn, products(51, 50), "c2", caught_up=False)
    assert store.catalog.count() == 0 and names(store, "produit") == []  # not yet visible
    assert catalog_staging.is_active(conn) and feed_cursors.cursor(conn, "catalog") == "c2"

    catalog_feed.apply_page(conn, products(101, 20), "c3", caught_up=True)

    assert store.catalog.count() == 120
    assert not catalog_staging.is_active(conn)
    assert conn.execute("SELECT count(*) FROM catalog_staging").fetchone()[0] == 0
    assert store.catalog.by_barcode("3760000000077").sku == "SKU0000077"
    assert names(store, "produit numero 11") == ["Produit numéro 11"] + [
        f"Produit numéro {n}" for n in (110, 111, 112, 113, 114, 115, 116, 117, 118, 119)
    ]
    assert feed_cursors.cursor(conn, "catalog") == "c3"
    changed = dataclasses.replace(products(7, 1)[0], name="Comté")
    catalog_feed.apply_page(conn, [changed], "c4", caught_up=True)
    assert names(store, "comte") == ["Comté"]  # the triggers are back at work


def test_a_staged_product_seen_twice_keeps_its_latest_state(store: LocalStore) -> None:
    first = products(1, 3)
    catalog_feed.apply_page(store.conn, first, "c1", caught_up=False)
    renamed = dataclasses.replace(first[1], name="Yaourt nature", barcodes=("3000000000017",))
    catalog_feed.apply_page(store.conn, [renamed], "c2", caught_up=True)
    assert names(store, "yaourt") == ["Yaourt nature"]
    assert names(store, "produit") == ["Produit numéro 1", "Produit numéro 3"]
    assert store.catalog.by_barcode("3000000000017").id == 2
    assert store.catalog.by_barcode("3760000000002") is None


def test_staged_rows_contradicting_a_unique_index_take_the_upsert_path(
    store: LocalStore,
) -> None:
    """A SKU that moved mid-pull: two staged products hold it; the later state wins."""
    a, b = products(1, 2)
    catalog_feed.apply_page(store.conn, [dataclasses.replace(a, sku="SHARED")], "c1",
                            caught_up=False)  # fmt: skip
    catalog_feed.apply_page(store.conn, [dataclasses.replace(b, sku="SHARED")], "c2",
                            caught_up=True)  # fmt: skip
    assert store.catalog.by_sku("SHARED").id == 2
    assert store.catalog.get(1).sku.startswith(catalog_feed.PLACEHOLDER_SKU_PREFIX)
    assert store.catalog.count() == 2 and len(names(store, "produit")) == 2


def test_restart_forgets_the_cursor_and_the_staged_rows(store: LocalStore) -> None:
    catalog_feed.apply_page(store.conn, products(1, 10), "c1", caught_up=False)
    catalog_feed.restart(store.conn)
    assert feed_cursors.cursor(store.conn, "catalog") is None
    assert not catalog_staging.is_active(store.conn)
    assert store.conn.execute("SELECT count(*) FROM catalog_staging").fetchone()[0] == 0
    catalog_feed.apply_page(store.conn, products(1, 15), "c1", caught_up=True)
    assert store.catalog.count() == 15


def test_changes_are_upserted_by_central_id_and_search_follows(store: LocalStore) -> None:
    seed(store, products(1, 5))
    changed = dataclasses.replace(products(3, 1)[0], name="Camembert de Normandie",
                                  price_cents=450, barcodes=("3760000009999",))  # fmt: skip
    new = Product(9, "SKU0000009", "Comté 18 mois", barcodes=("3760000000009",))
    assert catalog_feed.apply_page(store.conn, [new, changed], "c1", caught_up=True) == 2

    assert store.catalog.get(3).price_cents == 450
    assert names(store, "camem") == ["Camembert de Normandie"]
    assert names(store, "produit") == [f"Produit numéro {n}" for n in (1, 2, 4, 5)]
    assert store.catalog.by_barcode("3760000000003") is None  # its old barcode left it
    assert store.catalog.by_barcode("3760000009999").id == 3
    assert store.catalog.count() == 6
    assert feed_cursors.cursor(store.conn, "catalog") == "c1"


def test_a_deleted_product_leaves_search_but_stays_readable(store: LocalStore) -> None:
    seed(store, products(1, 3))
    gone = dataclasses.replace(products(2, 1)[0], active=False)
    catalog_feed.apply_page(store.conn, [gone], "c1", caught_up=True)
    assert names(store, "produit") == ["Produit numéro 1", "Produit numéro 3"]
    assert store.catalog.by_barcode("3760000000002") is None
    assert store.catalog.by_sku("SKU0000002") is None
    assert store.catalog.get(2).name == "Produit numéro 2"  # an open basket still has it
    assert store.catalog.count() == 2
    back = dataclasses.replace(gone, active=True)
    catalog_feed.apply_page(store.conn, [back], "c2", caught_up=True)
    assert store.catalog.count() == 3 and len(names(store, "produit")) == 3


def test_applying_a_page_twice_is_harmless(store: LocalStore) -> None:
    seed(store, products(1, 20))
    page = [dataclasses.replace(p, price_cents=999) for p in products(5, 10)]
    catalog_feed.apply_page(store.conn, page, "c1", caught_up=True)
    before = store.conn.execute("SELECT * FROM products ORDER BY id").fetchall()
    catalog_feed.apply_page(store.conn, page, "c1", caught_up=True)
    assert store.conn.execute("SELECT * FROM products ORDER BY id").fetchall() == before
    assert store.catalog.count() == 20 and len(names(store, "produit")) == 20


def test_skus_plus_and_barcodes_move_between_products_in_change_order(
    store: LocalStore,
) -> None:
    seed(store, [Product(1, "A", "Pomme", plu="4011", sold_by="weight"),
                 Product(2, "B", "Poire", barcodes=("3760000000101",))])  # fmt: skip
    # 1 takes B's SKU and barcode; 2's own new state comes later in the feed.
    takes = Product(1, "B", "Pomme", barcodes=("3760000000101",))
    catalog_feed.apply_page(store.conn, [takes], "c1", caught_up=True)
    assert store.catalog.by_sku("B").id == 1
    assert store.catalog.by_barcode("3760000000101").id == 1
    assert store.catalog.get(2).sku == "~moved~2"
    catalog_feed.apply_page(
        store.conn, [Product(2, "A", "Poire", plu="4011", sold_by="weight")], "c2",
        caught_up=True,
    )  # fmt: skip
    assert store.catalog.by_sku("A").id == 2 and store.catalog.by_plu("4011").id == 2


def test_keys_claimed_twice_in_one_page_go_to_the_later_claim(store: LocalStore) -> None:
    seed(store, products(1, 3))
    later_first = [Product(3, "NEW", "Trois", barcodes=("3000000000001",)),
                   Product(1, "NEW", "Un", barcodes=("3000000000001",))]  # fmt: skip
    catalog_feed.apply_page(store.conn, later_first, "c1", caught_up=True)
    assert store.catalog.by_sku("NEW").id == 1
    assert store.catalog.by_barcode("3000000000001").id == 1
    assert store.catalog.get(3).sku == "~moved~3"


def test_a_page_the_schema_refuses_changes_nothing_not_even_the_cursor(
    store: LocalStore,
) -> None:
    seed(store, products(1, 3))
    before = store.conn.execute("SELECT * FROM products ORDER BY id").fetchall()
    bad = [dataclasses.replace(products(2, 1)[0], price_cents=7),
           Product(3, "SKU0000003", "Prix négatif", price_cents=-1)]  # fmt: skip
    with pytest.raises(CatalogPageRefused, match="SKU0000003"):
        catalog_feed.apply_page(store.conn, bad, "c9", caught_up=True)
    assert store.conn.execute("SELECT * FROM products ORDER BY id").fetchall() == before
    assert feed_cursors.cursor(store.conn, "catalog") == "c0"


def test_an_unknown_department_is_created_for_the_foreign_key(store: LocalStore) -> None:
    seed(store, [Product(1, "X", "Truc", department="bazar", vat_bp=2000)])
    assert ("bazar", "bazar", 2000) in store.catalog.departments()


def test_a_page_applies_in_one_transaction_with_its_cursor(store: LocalStore) -> None:
    seed(store, products(1, 2))
    store.conn.execute("CREATE TRIGGER boom BEFORE INSERT ON barcodes "
                       "WHEN new.code = '999' BEGIN SELECT RAISE(ABORT, 'boom'); END")  # fmt: skip
    with pytest.raises((sqlite3.Error, CatalogPageRefused)):
        catalog_feed.apply_page(
            store.conn, [Product(3, "Z", "Zeste", barcodes=("999",))], "c1", caught_up=True
        )
    assert store.catalog.get(3) is None
    assert feed_cursors.cursor(store.conn, "catalog") == "c0"


def _popularity(store: LocalStore, product_id: int) -> tuple[int, int]:
    return store.conn.execute(
        "SELECT popularity, local_sales FROM products WHERE id = ?", (product_id,)
    ).fetchone()


def test_central_popularity_ranks_from_the_first_pull_and_keeps_local_sales(
    store: LocalStore,
) -> None:
    """Issue 18.1: the staged first pull carries the figure; a later item with the same
    figure (a price edit) keeps the till's own sales on top; a new figure replaces them."""
    items = products(1, 30)
    items[24] = dataclasses.replace(items[24], popularity=40)
    items[6] = dataclasses.replace(items[6], popularity=9)
    catalog_feed.apply_page(store.conn, items, "c1", caught_up=True)  # staged, then moved
    assert names(store, "produit numero")[:3] == [
        "Produit numéro 25", "Produit numéro 7", "Produit numéro 1",
    ]  # fmt: skip
    assert _popularity(store, 25) == (40, 0)

    store.conn.execute("UPDATE products SET local_sales = 35 WHERE id = 7")  # sold here
    catalog_feed.apply_page(store.conn, [dataclasses.replace(items[6], price_cents=250)], "c2",
                            caught_up=True)  # fmt: skip
    assert _popularity(store, 7) == (9, 35)  # the local sales stay on the central figure
    assert names(store, "produit numero")[0] == "Produit numéro 7"

    catalog_feed.apply_page(store.conn, [dataclasses.replace(items[6], popularity=30)], "c3",
                            caught_up=True)  # fmt: skip
    assert _popularity(store, 7) == (30, 0)  # central's new figure counts them
    assert names(store, "produit numero")[:2] == ["Produit numéro 25", "Produit numéro 7"]
