"""Web orders for the pickup desk, laid into a till's file the way the ``pickups`` feed
brings them (``pickup_feed.apply_page``): what ``comptoir screenshots`` shows at the desk
and how the GUI tests make their orders. The UI gets them from here, never from the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from pos.domain.product import SoldBy
from pos.domain.quantity import line_gross
from pos.domain.rights import Actor, Role
from pos.services.demo_store import build_demo_store
from pos.services.pickup_desk import DeskOrder, PickupDesk, stamp
from pos.services.staff import StaffDirectory, StaffMember
from pos.store import pickup_feed, push_queue
from pos.store.local_store import LocalStore
from sync.contract.codes import pickup_qr_text
from sync.contract.pickups import PickupOrder

STORE_ID = "lyon-part-dieu"


@dataclass(frozen=True, slots=True)
class CatalogItem:
    product_id: int
    sku: str
    name: str
    price_cents: int
    vat_bp: int
    sold_by: SoldBy
    barcode: str  # a catalog barcode (unit goods), or the PLU (goods sold by weight)


def catalog_items(
    store: LocalStore, count: int, sold_by: SoldBy = SoldBy.UNIT
) -> list[CatalogItem]:
    """The first active products sold ``sold_by`` that a picker can scan or weigh."""
    code = "min(b.code)" if sold_by is SoldBy.UNIT else "p.plu"
    join = "JOIN barcodes AS b ON b.product_id = p.id" if sold_by is SoldBy.UNIT else ""
    rows = store.conn.execute(
        f"SELECT p.id, p.sku, p.name, p.price_cents, p.vat_bp, p.sold_by, {code} "
        f"FROM products AS p {join} WHERE p.sold_by = ? AND p.active = 1 "
        "GROUP BY p.id ORDER BY p.id LIMIT ?",
        (sold_by.value, count),
    ).fetchall()
    return [CatalogItem(*row[:5], SoldBy(row[5]), str(row[6])) for row in rows]


def feed_order(
    order_id: str,
    code: str,
    customer: tuple[str, str, str],
    lines: Sequence[tuple[CatalogItem, int]],
    *,
    state: str = "received",
    version: int = 1,
    paid: bool = True,
    due_at: datetime | None = None,
    store_id: str = STORE_ID,
    short: Mapping[str, int] | None = None,
) -> PickupOrder:
    """A web order as the pickups feed sends it: ``customer`` is (name, e-mail, phone),
    ``lines`` (product, units or grams) at catalog prices; a ready order is fully picked;
    ``short`` {sku: units}: what the store lacked when it was placed."""
    picked = state == "ready"
    priced = [
        {
            "line_no": number, "product_id": item.product_id, "sku": item.sku,
            "name": item.name, "sold_by": item.sold_by.value, "quantity": quantity,
            "list_price_cents": item.price_cents, "unit_price_cents": item.price_cents,
            "vat_bp": item.vat_bp, "promotion": None, "discount_cents": 0,
            "total_cents": line_gross(item.price_cents, quantity, item.sold_by),
            "picked_quantity": quantity if picked else None, "collected_quantity": None,
            "short_quantity": (short or {}).get(item.sku, 0),
        }
        for number, (item, quantity) in enumerate(lines, start=1)
    ]  # fmt: skip
    total = sum(line["total_cents"] for line in priced)
    created = "2025-11-24T18:00:00.000Z"
    event: dict[str, Any] = {
        "version": version, "from_state": None, "state": state, "at": created,
        "recorded_at": created, "channel": "web", "terminal_id": None, "staff": None,
        "op_id": None, "reason": None,
    }  # fmt: skip
    name, email, phone = customer
    return PickupOrder.model_validate(
        {
            "id": order_id, "store_id": store_id, "pickup_code": code,
            "qr_text": pickup_qr_text(order_id, code), "state": state, "version": version,
            "customer": {"name": name, "email": email, "phone": phone}, "paid": paid,
            "lines": priced, "total_cents": total,
            "picked_total_cents": total if picked else None, "collected_total_cents": None,
            "partial": False, "sale_id": None, "created_at": created,
            "due_at": stamp(due_at) if due_at is not None else None,
            "expires_at": "2099-12-31T18:00:00.000Z", "updated_at": created,
            "history": [event],
        }
    )  # fmt: skip


def pull(store: LocalStore, *orders: PickupOrder) -> None:
    """Apply orders as one page of the pickups feed."""
    pickup_feed.apply_page(store.conn, orders, f"screenshot-{len(orders)}")


def refuse_last_move(store: LocalStore, reason: str) -> None:
    """Central's answer to the last move queued here: refused (a conflict)."""
    (op_id,) = store.conn.execute("SELECT op_id FROM outbox ORDER BY seq DESC LIMIT 1").fetchone()
    push_queue.settle(store.conn, [], [push_queue.Rejection(op_id, "conflict", reason)])


def _demo_orders(store: LocalStore, now: datetime) -> None:
    """A morning at the desk: orders to prepare (one overdue, placed while the store
    lacked one of its items), ready ones (one to pay in store), and one another desk
    handed over first (a conflict)."""
    units, weighed = catalog_items(store, 6), catalog_items(store, 1, SoldBy.WEIGHT)
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)

    def at(days: int, hour: int, minute: int = 0) -> datetime:
        return today + timedelta(days=days, hours=hour, minutes=minute)

    camille = ("Camille Roux", "camille.roux@example.org", "06 99 88 77 66")
    pull(
        store,
        feed_order("web-1041", "K7M2-Q9XD", ("Hélène Dupré", "helene.dupre@example.org",
                   "06 12 34 56 78"), [(units[0], 2), (units[1], 1), (units[2], 3),
                   *[(w, 750) for w in weighed]], due_at=at(0, 17, 30)),
        feed_order("web-1042", "AB12-CD34", ("Karim Benali", "karim@example.org",
                   "07 98 76 54 32"), [(units[3], 1), (units[4], 2)], due_at=at(0, 18)),
        feed_order("web-1038", "MN45-PQ67", ("Sophie Laurent", "sophie.l@example.org",
                   "06 55 44 33 22"), [(units[5], 4)], due_at=at(-1, 16),
                   short={units[5].sku: 1}),
        feed_order("web-1043", "RS89-TV01", ("Lucas Petit", "lucas.petit@example.org",
                   "06 01 02 03 04"), [(units[1], 2), (units[3], 1)], state="preparing",
                   version=2, due_at=at(1, 10)),
        feed_order("web-1039", "WX23-YZ45", ("Inès Moreau", "ines.moreau@example.org",
                   "06 11 22 33 44"), [(units[2], 2), (units[4], 1), (units[5], 1)],
                   state="ready", version=3, due_at=at(0, 12)),
        feed_order("web-1040", "GH67-JK89", ("Jean-Pierre Martin", "jp.martin@example.org",
                   "07 12 12 12 12"), [(units[0], 1), (units[3], 2)], state="ready",
                   version=3, paid=False, due_at=at(0, 15)),
        feed_order("web-1035", "CD56-EF78", camille, [(units[4], 1)], state="ready",
                   version=3, due_at=at(0, 11)),
    )  # fmt: skip
    PickupDesk(store).hand_over("web-1035", Actor("ines", "Inès", Role.MANAGER))
    refuse_last_move(
        store,
        "Order web-1035 is collected (version 4): collected at terminal T02 by Marc at "
        f"{stamp(now - timedelta(minutes=20))}. This move expected it ready at version 3.",
    )
    pull(store, feed_order("web-1035", "CD56-EF78", camille, [(units[4], 1)],
                           state="collected", version=4, due_at=at(0, 11)))  # fmt: skip


def lay_pickup_scene(db: Path, now: datetime) -> None:
    """A small demo store (300 articles, a day of sales) and a morning's web orders."""
    with LocalStore(db) as store:
        build_demo_store(store, products=300, days=1, today=date.today())
        _demo_orders(store, now)


def picking_codes(db: Path) -> tuple[str, str, str]:
    """What a picker scans for ``web-1041``: its first two articles' barcodes, and one
    of an article the order does not have."""
    with LocalStore(db) as store:
        first, second, _, _ = (item.barcode for item in catalog_items(store, 4))
        wrong = catalog_items(store, 40)[-1].barcode
    return first, second, wrong


def handover_subjects(db: Path, order_id: str) -> tuple[DeskOrder, list[StaffMember]]:
    """The order a hand-over opens, and the active staff an approval dialog lists."""
    with LocalStore(db) as store:
        return PickupDesk(store).order(order_id), StaffDirectory(store).list_active()
