"""What ``comptoir screenshots`` reads from, or lays into, the demo till's file before it
shows a view: the barcodes of the articles it scans, a customer's cached history. The UI
gets these from here, never from the store itself."""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from pos.domain.returns import ReturnReason
from pos.domain.rights import Actor
from pos.domain.sale import CompletedSale
from pos.domain.tenders import TenderKind
from pos.services.basket_view import LineView, basket_view
from pos.services.checkout import Checkout
from pos.services.demo_store import DEMO_STAFF, TERMINAL_ID, build_demo_store
from pos.services.returns import ReturnDesk, ReturnRules
from pos.store import customer_histories, promotion_feed
from pos.store.db import connect
from pos.store.local_store import LocalStore


def lay_demo_store(db: Path, *, products: int, days: int, today: date) -> None:
    """A throwaway demo store in ``db``: ``products`` articles, ``days`` of past sales."""
    with LocalStore(db) as store:
        build_demo_store(store, products=products, days=days, today=today)


def scanned_line(db: Path, skus: Sequence[str], actor: Actor) -> LineView:
    """The basket line a scan of the first of ``skus`` sold by unit makes (the sale is
    left open: the screenshots show its article, not a sale)."""
    with LocalStore(db) as store:
        checkout = Checkout(store, terminal_id=TERMINAL_ID, actor=actor)
        checkout.scan(barcode_of(db, skus) or "")
        return basket_view(checkout).lines[0]


_BARCODE_OF_SKUS = (
    "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
    "WHERE p.sku IN ({marks}) AND p.sold_by = 'unit' ORDER BY p.id LIMIT 1"
)


def barcode_of(db: Path, skus: Sequence[str]) -> str | None:
    """A barcode of the first article sold by unit among ``skus`` (None: none here)."""
    if not skus:
        return None
    with closing(connect(db)) as conn:
        row = conn.execute(_BARCODE_OF_SKUS.format(marks=",".join("?" * len(skus))),
                           list(skus)).fetchone()  # fmt: skip
    return row[0] if row else None


def promotion_skus(db: Path, promotion_id: int) -> list[str]:
    """The SKUs a promotion of the till's table names (its v2 ``rule``)."""
    with closing(connect(db)) as conn:
        row = conn.execute("SELECT rule FROM promotions WHERE id = ?", (promotion_id,)).fetchone()
    return list(json.loads(row[0]).get("skus", [])) if row else []


def cache_history(
    db: Path, customer_id: str, entries: list[dict[str, Any]], fetched_at: str
) -> None:
    """A history as central sent it at ``fetched_at``, kept as the till keeps it."""
    body = json.dumps({"customer_id": customer_id, "entries": entries})
    with closing(connect(db)) as conn:
        customer_histories.save(conn, customer_id, body, fetched_at)


def promotions_left_out(db: Path) -> None:
    """Two of Medusa's promotions the till does not apply, as Medusa's feed brings them,
    for the "Promotions" view to show why (a demo till has no Medusa)."""
    from sync.medusa.promotions import TargetNames, map_promotion

    rows = [
        {"id": "promo_WEB10", "code": "WEB-10", "limit": 500},
        {"id": "promo_SHIP", "code": "LIVRAISON-OFFERTE",
         "application_method": {"type": "percentage", "target_type": "shipping_methods",
                                "allocation": "each", "value": 100}},
    ]  # fmt: skip
    method = {"type": "percentage", "target_type": "items", "allocation": "each", "value": 10}
    items = [
        map_promotion({"is_automatic": True, "status": "active", "type": "standard",
                       "application_method": method, **row}, TargetNames())[0]
        for row in rows
    ]  # fmt: skip
    with closing(connect(db)) as conn:
        promotion_feed.apply_page(conn, items, "screenshots")


_LAST_SALE_BEFORE = (
    "SELECT id FROM sales WHERE completed_at < ? AND total_cents > 0 "
    "ORDER BY completed_at DESC LIMIT 1"
)


def return_last_sale(db: Path, at: str, actor: Actor) -> str | None:
    """``actor`` takes back the first line of the last sale before ``at`` (a real return
    ticket at ``at``, refunded as proposed); its id, or None if nothing was sold."""
    with LocalStore(db) as store:
        row = store.conn.execute(_LAST_SALE_BEFORE, (at,)).fetchone()
        if row is None:
            return None
        till = Checkout(store, terminal_id=TERMINAL_ID, actor=actor, clock=lambda: at)
        desk = ReturnDesk(till, rules=ReturnRules(offline_return_limit_cents=10**6))
        desk.find(row[0])
        desk.return_line(row[0], 1, 1, ReturnReason.DEFECTIVE)
        desk.refund(desk.propose_refund())
        return desk.complete().sale_id


_LONGEST = (
    "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
    "WHERE p.sold_by = 'unit' AND p.price_cents < 900 ORDER BY length(p.name) DESC LIMIT 3"
)


def long_names_sale(db: Path) -> CompletedSale:
    """A new demo store at ``db`` and a sale of its three longest-named articles, paid by
    voucher, meal vouchers and card through the real checkout (committed and signed)."""
    with LocalStore(db) as store:
        build_demo_store(store, products=300, days=1, today=date.today())
        codes = [code for (code,) in store.conn.execute(_LONGEST)]
        checkout = Checkout(store, terminal_id="T01", actor=DEMO_STAFF[0][0])
        for code in codes:
            checkout.scan(code)
        due = checkout.totals().total_cents
        checkout.add_tender(TenderKind.VOUCHER, min(500, due // 3), "BA-2026-0042")
        checkout.add_tender(TenderKind.MEAL_VOUCHER, min(500, due // 3), "TR-88120")
        checkout.add_tender(TenderKind.CARD, due - 2 * min(500, due // 3))
        sale = checkout.complete()
        checkout.close()
    return sale
