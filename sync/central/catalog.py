"""Catalog writes: the operator's product upsert and price change, and the bulk seed.

Every write gives the product a fresh change_seq, which is how it reaches every terminal
through the ``catalog`` feed. Barcodes and PLUs stay unique across products, since the
till refuses a catalog that gives one code to two products.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from sync.central.db import Database, next_change_seqs
from sync.central.errors import conflict, not_found
from sync.contract.admin import PriceChange, ProductUpsert
from sync.contract.feeds import CatalogItem

PRODUCT_COLUMNS = (
    "id, sku, name, brand, department, price_cents, vat_bp, sold_by, plu, barcodes, active, "
    "change_seq"
)
INSERT_PRODUCT = f"INSERT INTO products ({PRODUCT_COLUMNS}) VALUES ({', '.join('?' * 12)})"
# An edit keeps the product's served popularity (sync.central.popularity owns it).
_REPLACE_PRODUCT = (
    INSERT_PRODUCT
    + " ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{column} = excluded.{column}" for column in PRODUCT_COLUMNS.split(", ")[1:])
)
INSERT_BARCODE = "INSERT INTO barcodes (code, product_id) VALUES (?, ?)"
_SELECT = f"SELECT {PRODUCT_COLUMNS}, popularity FROM products WHERE sku = ?"


def json_codes(codes: Sequence[str]) -> str:
    """A JSON array of barcodes or SKUs: the contract allows them no character that JSON
    escapes, so plain joining is exact (and ~10x faster than json.dumps at 1M products)."""
    return '["' + '","'.join(codes) + '"]' if codes else "[]"


def _item(row: tuple) -> CatalogItem:
    pid, sku, name, brand, department, price, vat, sold_by, plu, codes, active, seq, *rest = row
    return CatalogItem(
        id=pid,
        sku=sku,
        name=name,
        brand=brand,
        department=department,
        price_cents=price,
        vat_bp=vat,
        sold_by=sold_by,
        plu=plu,
        barcodes=json.loads(codes),
        active=bool(active),
        version=seq,
        popularity=rest[0] if rest else 0,
    )


def put_product(
    db: Database, sku: str, body: ProductUpsert | PriceChange
) -> tuple[CatalogItem, bool]:
    """Apply the operator's change; return the product as served and whether it is new."""
    with db.write() as conn:
        existing = conn.execute(_SELECT, (sku,)).fetchone()
        if isinstance(body, PriceChange):
            if existing is None:
                raise not_found(f"There is no product {sku!r} to change the price of.")
            seq = next_change_seqs(conn, 1)
            conn.execute(
                "UPDATE products SET price_cents = ?, change_seq = ? WHERE sku = ?",
                (body.price_cents, seq, sku),
            )
            return _item(conn.execute(_SELECT, (sku,)).fetchone()), False
        product_id = _product_id(conn, sku, body, existing)
        _claim_codes(conn, product_id, body)
        seq = next_change_seqs(conn, 1)
        row = (
            product_id, sku, body.name, body.brand, body.department, body.price_cents,
            body.vat_bp, body.sold_by, body.plu, json_codes(body.barcodes),
            int(body.active), seq,
        )  # fmt: skip
        conn.execute(_REPLACE_PRODUCT, row)
        return _item((*row, existing[12] if existing else 0)), existing is None


def _product_id(
    conn: sqlite3.Connection, sku: str, body: ProductUpsert, existing: tuple | None
) -> int:
    """An existing SKU keeps its id; a new one takes the given id or the next free one."""
    if existing is not None:
        if body.id is not None and body.id != existing[0]:
            raise conflict(f"Product {sku!r} has id {existing[0]}, not {body.id}.")
        return int(existing[0])
    if body.id is None:
        return int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM products").fetchone()[0])
    taken = conn.execute("SELECT sku FROM products WHERE id = ?", (body.id,)).fetchone()
    if taken is not None:
        raise conflict(f"Product id {body.id} already belongs to {taken[0]!r}.")
    return body.id


def _claim_codes(conn: sqlite3.Connection, product_id: int, body: ProductUpsert) -> None:
    """Give the product exactly its barcodes; refuse a barcode or PLU owned by another."""
    if len(set(body.barcodes)) != len(body.barcodes):
        raise conflict("A barcode is listed twice.")
    for code in body.barcodes:
        row = conn.execute("SELECT product_id FROM barcodes WHERE code = ?", (code,)).fetchone()
        if row is not None and row[0] != product_id:
            raise conflict(f"Barcode {code} already belongs to product {row[0]}.")
    if body.plu is not None:
        row = conn.execute(
            "SELECT id FROM products WHERE plu = ? AND id <> ?", (body.plu, product_id)
        ).fetchone()
        if row is not None:
            raise conflict(f"PLU {body.plu} already belongs to product {row[0]}.")
    conn.execute("DELETE FROM barcodes WHERE product_id = ?", (product_id,))
    conn.executemany(INSERT_BARCODE, [(code, product_id) for code in body.barcodes])
