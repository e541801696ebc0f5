"""The demo store: a French catalog, a few customers and a few days of real past sales.

Everything is derived from ``seed`` and ``today``, with no network, so two demo stores
built with the same arguments are identical, journal hashes included. Past sales go
through the real ``Checkout`` (scans, scale labels, discounts, split tenders), so the
journal, the outbox and later the reports and sync hold data made the way a till makes it.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from hardware.barcodes import make_ean13
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.rights import LINE_DISCOUNT_FREE_LIMIT_BP, Actor, Right, Role
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.quick_keys import QuickKeys, demo_pages
from pos.store import customer_index, feed_cursors, promotion_feed
from pos.store import staff as staff_store
from pos.store.catalog_loader import load_catalog
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from resources.demo.catalog import DEPARTMENTS, demo_customers, demo_products

STORE_NAME = "Comptoir Démo — Lyon Part-Dieu"
TERMINAL_ID = "T01"
#: The demo's staff and their demo PINs (README): who the past sales were made by.
DEMO_STAFF = (
    (Actor("camille", "Camille", Role.CASHIER), "1111"),
    (Actor("julien", "Julien", Role.CASHIER), "2222"),
    (Actor("ines", "Inès", Role.MANAGER), "3333"),
    (Actor("admin", "Admin démo", Role.ADMIN), "0000"),
)
#: Set in a demo store's settings: its staff still have the published demo PINs.
DEMO_STAFF_SETTING = "demo_staff"
CASHIERS = tuple(actor for actor, _pin in DEMO_STAFF[:3])
#: Who set up the demo store's settings (its quick keys), as recorded on them.
DEMO_SETUP = DEMO_STAFF[3][0]
SALES_PER_DAY = 40


@dataclass(frozen=True, slots=True)
class DemoSummary:
    products: int
    customers: int
    sales: int


def build_demo_store(
    store: LocalStore,
    *,
    products: int = 3000,
    days: int = 3,
    seed: int = 42,
    today: date,
    progress: Callable[[str], None] = lambda _message: None,
) -> DemoSummary:
    """Fill an empty store; refuse one that already holds a catalog or sales."""
    if store.catalog.count() or store.sales.count():
        raise PosError(
            "This store already has data: use a new data folder for a demo store.",
            code="store_not_empty",
        )
    progress(f"Loading {products:,} demo products…")
    loaded = load_catalog(store.conn, DEPARTMENTS, demo_products(products, seed))
    customers = _load_customers(store)
    _load_promotions(store)
    _load_staff(store)
    store.set_setting("store_name", STORE_NAME)
    store.set_setting("terminal_id", TERMINAL_ID)
    QuickKeys(store).set_pages(DEMO_SETUP, demo_pages(store))
    progress(f"Recording {days} days of past sales…")
    sales = _past_sales(store, days=days, seed=seed, today=today)
    return DemoSummary(loaded, customers, sales)


def _load_customers(store: LocalStore) -> int:
    rows = [(c.customer_id, c.name, c.email, c.phone, c.loyalty_points) for c in demo_customers()]
    with write_transaction(store.conn):
        store.conn.executemany(
            "INSERT INTO customers (id, name, email, phone, loyalty_points) VALUES (?,?,?,?,?)",
            rows,
        )
        customer_index.index(store.conn, [(*row[:4], True) for row in rows])
    return len(rows)


def _load_promotions(store: LocalStore) -> None:
    """The demo promotions, as if pulled from central's feed (the same file seeds the
    demo server); the feed's cursor is then forgotten, so a demo till enrolled later
    pulls the real feed from its beginning."""
    from resources.demo.promotions import demo_promotions
    from sync.contract.feeds import PromotionItem

    items = [
        PromotionItem.model_validate(entry | {"active": True, "version": number})
        for number, entry in enumerate(demo_promotions(), start=1)
    ]
    promotion_feed.apply_page(store.conn, items, "demo")
    feed_cursors.forget(store.conn, promotion_feed.FEED)


def _load_staff(store: LocalStore) -> None:
    from sync.contract.pins import hash_pin  # argon2: loaded only to build a demo

    with write_transaction(store.conn):
        for actor, pin in DEMO_STAFF:
            staff_store.upsert(
                store.conn,
                staff_store.StaffRecord(
                    actor.staff_id, actor.display_name, actor.role.value, hash_pin(pin), None,
                    "fr", True, "local", "2026-01-01T00:00:00.000Z",
                ),
            )  # fmt: skip
    store.set_setting(DEMO_STAFF_SETTING, "1")  # the sign-in screen shows their PINs


def demo_staff_pins() -> tuple[tuple[str, str], ...]:
    """(name, PIN) of the demo store's staff, for the sign-in screen of a demo store."""
    return tuple((actor.display_name, pin) for actor, pin in DEMO_STAFF)


def _shelf(store: LocalStore) -> tuple[list[str], list[str]]:
    """The codes a cashier scans most: popular barcodes, and PLUs of weighed goods."""
    barcodes = [
        row[0]
        for row in store.conn.execute(
            "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
            "WHERE p.active = 1 ORDER BY p.popularity DESC, p.id LIMIT 400"
        )
    ]
    plus = [
        row[0]
        for row in store.conn.execute(
            "SELECT plu FROM products WHERE plu IS NOT NULL AND sold_by = 'weight' "
            "ORDER BY popularity DESC, id LIMIT 60"
        )
    ]
    return barcodes, plus


def _past_sales(store: LocalStore, *, days: int, seed: int, today: date) -> int:
    rng = random.Random(seed)
    barcodes, plus = _shelf(store)
    if not barcodes:
        return 0
    count = 0
    for day_offset in range(days, 0, -1):
        day = today - timedelta(days=day_offset)
        opening = datetime(day.year, day.month, day.day, 8, 30, tzinfo=UTC)
        for number in range(SALES_PER_DAY):
            moment = opening + timedelta(minutes=number * 15 + rng.randrange(10))
            _one_sale(store, rng, moment, barcodes, plus)
            count += 1
    return count


def _one_sale(
    store: LocalStore, rng: random.Random, moment: datetime, barcodes: list[str], plus: list[str]
) -> None:
    stamp = moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    checkout = Checkout(
        store,
        terminal_id=TERMINAL_ID,
        actor=rng.choice(CASHIERS),
        clock=lambda: stamp,
        new_id=lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    )
    for _ in range(rng.randint(1, 12)):
        checkout.scan(rng.choice(barcodes))
    if plus and rng.random() < 0.4:
        grams = rng.randint(150, 2500)
        checkout.scan(make_ean13(f"26{rng.choice(plus)}{grams:05d}"))
    if rng.random() < 0.1:
        line = checkout.basket.active_lines()[0]
        share = rng.choice([1000, 2000, 3000])
        if not checkout.actor.may(Right.LINE_DISCOUNT_ABOVE_LIMIT):
            share = LINE_DISCOUNT_FREE_LIMIT_BP  # a cashier gives what needs no manager
        checkout.set_line_discount(line.line_id, Discount.percent(share))
    _pay(checkout, rng)
    checkout.mark_shown(checkout.complete().sale_id)  # past sales: no till to show them


def _pay(checkout: Checkout, rng: random.Random) -> None:
    due = checkout.totals().total_cents
    roll = rng.random()
    try:
        if roll < 0.45:
            checkout.add_tender(TenderKind.CARD, due)
        elif roll < 0.85:
            note = next(n for n in (500, 1000, 2000, 5000, 10000, 20000, 10**8) if n >= due)
            checkout.add_tender(TenderKind.CASH, note if note < 10**8 else due)
        else:
            voucher = min(1000, due)
            checkout.add_tender(TenderKind.VOUCHER, voucher, f"AVOIR-{rng.randrange(10**6):06d}")
            if checkout.payment.remaining_cents:
                checkout.add_tender(TenderKind.CARD, checkout.payment.remaining_cents)
    except PosError:  # an odd total: fall back to an exact card payment
        if checkout.payment.remaining_cents:
            checkout.add_tender(TenderKind.CARD, checkout.payment.remaining_cents)
