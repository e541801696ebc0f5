"""The demo data: two stores, their enrolment codes, and the till's own demo catalog.

The catalog MUST be the one a demo till builds (``comptoir demo``): same product ids (the
till numbers products 1..N in generator order), SKUs, prices and barcodes, so a demo till
and this server agree item for item. So it comes from the same generator,
``resources.demo.catalog`` — pure stdlib plus the word lists in ``resources/demo``, a
leaf that both the till and this server import.

Loading is one transaction: bare ``executemany`` with the secondary indexes dropped and
rebuilt after (one sort each), other stores' stock derived in SQL, so a million
products take ~18 s, most of it the generator itself (~5 s) and building its rows.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Iterable
from typing import Any

from sync.central import departments
from sync.central.catalog import INSERT_BARCODE, PRODUCT_COLUMNS
from sync.central.db import INDEXES_SQL, Database, next_change_seqs, utc_now
from sync.central.deliveries import announce_in
from sync.central.demo_rows import generator, row_batches
from sync.central.promotions import UPSERT, row_of
from sync.contract.admin import PromotionUpsert
from sync.contract.deliveries import DeliveryAnnouncement, ExpectedLine

DEMO_STORES: tuple[tuple[str, str], ...] = (
    ("lyon-part-dieu", "Comptoir Démo — Lyon Part-Dieu"),
    ("paris-rivoli", "Comptoir Démo — Paris Rivoli"),
)
#: The web warehouse (issue 16): a location with stock and no till, shipping home deliveries.
WEB_WAREHOUSE = ("entrepot-web", "Entrepôt web")
_SEEDED_INDEXES = (
    "products_sku", "products_plu", "products_change", "stock_change", "stock_change_all",
)  # fmt: skip
# The demo's products come with their popularity, as if sold (sync.central.popularity).
_INSERT_DEMO_PRODUCT = (
    f"INSERT INTO products ({PRODUCT_COLUMNS}, popularity) VALUES ({', '.join('?' * 13)})"
)
_INSERT_STOCK = (
    "INSERT INTO stock (store_id, product_id, sku, on_hand, reserved, change_seq) "
    "VALUES (?, ?, ?, ?, 0, ?)"
)


def enrolment_code(store_id: str) -> str:
    return f"demo-{store_id}"


def seed_demo(db: Database, products: int) -> bool:
    """Seed an empty database; leave one that already has stores alone (a restart)."""
    demo = generator()
    with db.write() as conn:  # the writer: a reader would keep the file in WAL mode
        departments.upsert(conn, demo.DEPARTMENTS)  # also into a demo file older than schema 7
        if conn.execute("SELECT 1 FROM stores LIMIT 1").fetchone() is not None:
            return False
    with db.bulk_load() as conn:
        _seed_stores(conn)
        _seed_products(conn, products)
        _seed_customers(conn, demo.demo_customers())
        _seed_promotions(conn)
        _seed_deliveries(conn, products)
    return True


def _seed_stores(conn: sqlite3.Connection) -> None:
    conn.executemany(
        "INSERT INTO stores (id, name, enrolment_code_hash) VALUES (?, ?, ?)",
        [
            (store_id, name, hashlib.sha256(enrolment_code(store_id).encode()).hexdigest())
            for store_id, name in DEMO_STORES
        ],
    )


def _seed_products(conn: sqlite3.Connection, count: int) -> None:
    """Products, barcodes and every store's stock.

    change_seqs come in blocks of ``count``: the products', then each store's stock rows'.
    The first store takes the till's demo levels; the others are derived from it in SQL.
    """
    for name in _SEEDED_INDEXES:
        conn.execute(f'DROP INDEX IF EXISTS "{name}"')
    first_seq = next_change_seqs(conn, count * len(DEMO_STORES) + count)
    first_store = DEMO_STORES[0][0]
    for batch in row_batches(count, first_seq, first_store):
        conn.executemany(_INSERT_DEMO_PRODUCT, batch.products)
        conn.executemany(INSERT_BARCODE, batch.codes)
        conn.executemany(_INSERT_STOCK, batch.stock)
    for index, (store_id, _name) in enumerate(DEMO_STORES[1:], start=2):
        # A deterministic variation of the first store: two thirds, three quarters, ...
        conn.execute(
            "INSERT INTO stock (store_id, product_id, sku, on_hand, reserved, change_seq) "
            "SELECT ?, product_id, sku, on_hand * ? / ?, 0, change_seq + ? FROM stock "
            "WHERE store_id = ?",
            (store_id, index, index + 1, count * (index - 1), first_store),
        )
    _seed_warehouse(conn, count, first_seq + count)
    rebuild_indexes(conn)


def _seed_warehouse(conn: sqlite3.Connection, count: int, first_stock_seq: int) -> None:
    """The web warehouse: three times the first store's levels; no enrolment code works
    for it (its hash is of a random secret)."""
    store_id, name = WEB_WAREHOUSE
    conn.execute(
        "INSERT INTO stores (id, name, enrolment_code_hash) VALUES (?, ?, ?)",
        (store_id, name, hashlib.sha256(secrets.token_bytes(32)).hexdigest()),
    )
    conn.execute("INSERT INTO warehouses (store_id) VALUES (?)", (store_id,))
    offset = next_change_seqs(conn, count) - first_stock_seq
    conn.execute(
        "INSERT INTO stock (store_id, product_id, sku, on_hand, reserved, change_seq) "
        "SELECT ?, product_id, sku, on_hand * 3, 0, change_seq + ? FROM stock "
        "WHERE store_id = ?",
        (store_id, offset, DEMO_STORES[0][0]),
    )


#: Each demo store expects these suppliers' deliveries: (supplier, [(product_id, qty)]).
_DEMO_DELIVERIES = (
    ("Brasserie du Rhône", ((1, 12), (2, 6), (3, 24))),
    ("Épicerie Fine Martin", ((4, 10), (5, 5))),
)


def _seed_deliveries(conn: sqlite3.Connection, products: int) -> None:
    """One or two supplier deliveries expected at each store (the receiving screen's demo)."""
    now = utc_now()
    for number, (store_id, _name) in enumerate(DEMO_STORES, start=1):
        for index, (supplier, lines) in enumerate(_DEMO_DELIVERIES[: 3 - number], start=1):
            wanted = [(pid, qty) for pid, qty in lines if pid <= products]
            skus = dict(conn.execute(
                f"SELECT id, sku FROM products WHERE id IN ({','.join('?' * len(wanted))})",
                [pid for pid, _qty in wanted],
            ).fetchall()) if wanted else {}  # fmt: skip
            if not skus:
                continue
            body = DeliveryAnnouncement(
                delivery_id=f"demo-{store_id}-{index}",
                supplier=supplier,
                lines=[ExpectedLine(product_id=p, sku=skus[p], quantity=q) for p, q in wanted],
            )
            announce_in(conn, store_id, body, now)


def _seed_customers(conn: sqlite3.Connection, customers: Iterable[Any]) -> None:
    rows = list(customers)
    seq = next_change_seqs(conn, max(len(rows), 1))
    conn.executemany(
        "INSERT INTO customers (id, name, email, phone, loyalty_points, active, change_seq) "
        "VALUES (?, ?, ?, ?, ?, 1, ?)",
        [
            (c.customer_id, c.name, c.email, c.phone, c.loyalty_points, seq + i)
            for i, c in enumerate(rows)
        ],
    )
    # The opening balances are the ledger's first entries: the balance is its sum.
    conn.executemany(
        "INSERT OR IGNORE INTO loyalty_entries (op_id, customer_id, kind, points, asked, "
        "source_id, detail, at) VALUES (?, ?, 'adjust', ?, ?, NULL, NULL, ?)",
        [
            (f"opening:{c.customer_id}", c.customer_id, c.loyalty_points, c.loyalty_points,
             utc_now())
            for c in rows
            if c.loyalty_points
        ],
    )  # fmt: skip


def _seed_promotions(conn: sqlite3.Connection) -> None:
    """The demo promotions (``resources/demo/promotions.json``), read as the operator's
    upserts are: a SKU beyond a smaller catalog simply matches nothing."""
    from resources.demo.promotions import demo_promotions

    entries = demo_promotions()
    seq = next_change_seqs(conn, max(len(entries), 1))
    rows = []
    for i, entry in enumerate(entries):
        fields = {key: value for key, value in entry.items() if key != "id"}
        rows.append(row_of(entry["id"], PromotionUpsert.model_validate(fields), seq + i))
    conn.executemany(UPSERT, rows)


def rebuild_indexes(conn: sqlite3.Connection) -> None:
    """Statement by statement: ``executescript`` would commit the seed transaction."""
    for statement in INDEXES_SQL.split(";"):
        if statement.strip():
            conn.execute(statement)
