"""Sales made the way a till records them (``SalesStore.commit``), fast, for sync tests.

Each sale is one or two lines of products from the store's own catalog, paid by card,
sealed in the journal and queued in the outbox by the real commit. ``synchronous=OFF``
on the factory's connection trades durability, which setting up a test does not need,
for ~10x the speed.
"""

from __future__ import annotations

import random
import sqlite3
import uuid
from pathlib import Path

from pos.domain.product import SoldBy
from pos.domain.sale import SaleDraft, SaleLine, SaleTender
from pos.domain.vat import vat_breakdown
from pos.store.local_store import LocalStore

_PRODUCTS = (
    "SELECT id, sku, name, price_cents, vat_bp FROM products "
    "WHERE active = 1 AND sold_by = 'unit' AND price_cents > 0 ORDER BY id LIMIT ?"
)


def sellable(conn: sqlite3.Connection, limit: int = 200) -> list[tuple[int, str, str, int, int]]:
    return conn.execute(_PRODUCTS, (limit,)).fetchall()


def draft(
    products: list[tuple[int, str, str, int, int]],
    rng: random.Random,
    terminal_id: str = "T01",
    *,
    quantities: list[int] | None = None,
) -> SaleDraft:
    """A paid sale of one or two random products (or of all ``products`` in order, with
    ``quantities``)."""
    if quantities is None:
        chosen = rng.sample(products, rng.randint(1, 2))
        quantities = [rng.randint(1, 3) for _ in chosen]
    else:
        chosen = products
    lines = tuple(
        SaleLine(
            line_no=n, product_id=pid, sku=sku, name=name, barcode=None, sold_by=SoldBy.UNIT,
            quantity=qty, unit_price_cents=price, vat_bp=vat, gross_cents=price * qty,
            line_discount_cents=0, ticket_discount_cents=0, total_cents=price * qty,
        )
        for n, ((pid, sku, name, price, vat), qty) in enumerate(
            zip(chosen, quantities, strict=True), 1
        )
    )  # fmt: skip
    total = sum(line.total_cents for line in lines)
    return SaleDraft(
        sale_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        terminal_id=terminal_id,
        cashier="Camille",
        started_at="2025-11-25T09:00:00.000Z",
        lines=lines,
        tenders=(SaleTender("card", total),),
        vat=vat_breakdown((line.vat_bp, line.total_cents) for line in lines),
        total_cents=total,
        change_cents=0,
    )


def make_sales(
    path: str | Path, count: int, *, seed: int = 1, terminal_id: str = "T01"
) -> list[str]:
    """Commit ``count`` sales into the store at ``path``; return their ids."""
    rng = random.Random(seed)
    with LocalStore(path) as store:
        store.conn.execute("PRAGMA synchronous = OFF")
        products = sellable(store.conn)
        if not products:
            raise RuntimeError("the store has no catalog to sell from: sync it first")
        return [store.sales.commit(draft(products, rng, terminal_id)).sale_id for _ in range(count)]
