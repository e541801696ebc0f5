"""Sales at a glance over a real store file: sales made through the real checkout at fixed
instants, a training sale, a return, pickup handovers (paid online and paid at the till),
then the manager's figures for the day and a period, their CSV, and who may read them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from itertools import count
from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.domain.returns import ReturnReason
from pos.domain.rights import RightRefused
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout, PricedItem
from pos.services.pickup_desk import PickupDesk
from pos.services.returns import ReturnDesk, ReturnRules
from pos.services.sales_csv import euros, write_breakdown
from pos.services.sales_glance import (
    PICKUP_AT_TILL,
    PICKUP_ONLINE,
    STORE,
    WEB_CART_AT_TILL,
    SalesGlance,
)
from pos.store import sales_glance, web_cart_sales
from pos.store.local_store import LocalStore
from pos.store.migrations import statements
from tests.support.staff import CAMILLE, INES, JULIEN
from tests.unit.services.test_pickup_desk import PARIS, order_item, pull
from tests.unit.services.test_pickup_desk import STORE as STORE_ID

DAY = date(2025, 11, 25)  # winter: Paris = UTC + 1
MIGRATION = Path(__file__).parents[3] / "pos/store/migrations/0031_sales_sums.sql"


def barcodes(store: LocalStore, n: int) -> list[tuple[str, str]]:
    """(barcode, department) of the first unit products of distinct departments."""
    return store.conn.execute(
        "SELECT min(b.code), p.department FROM products p JOIN barcodes b ON b.product_id = p.id "
        "WHERE p.sold_by = 'unit' AND p.active = 1 AND p.price_cents BETWEEN 100 AND 5000 "
        "GROUP BY p.department ORDER BY p.department LIMIT ?",
        (n,),
    ).fetchall()


def till(store: LocalStore, actor, at: str, ids: Callable[[], str]) -> Checkout:
    return Checkout(store, terminal_id="T01", actor=actor, clock=lambda: at, new_id=ids)


def sell(checkout: Checkout, codes: list[str], kind: TenderKind, extra: int = 0) -> str:
    for code in codes:
        checkout.scan(code)
    checkout.add_tender(kind, checkout.totals().total_cents + extra)
    return checkout.complete().sale_id


@pytest.fixture
def shop(store: LocalStore) -> dict:
    """Five real sales, a training sale and a return on 25 November; one sale the day
    after; a pickup paid online and one paid at the till handed over that day."""
    ids = count(1)
    new_id = lambda: f"00000000-0000-4000-8000-{next(ids):012d}"  # noqa: E731
    items = barcodes(store, 3)
    codes = [code for code, _ in items]
    sold = {}
    sold["a"] = sell(till(store, CAMILLE, "2025-11-25T08:10:00.000Z", new_id), codes[:2],
                     TenderKind.CARD)  # fmt: skip
    sold["b"] = sell(
        till(store, CAMILLE, "2025-11-25T08:40:00.000Z", new_id),
        codes[:1],
        TenderKind.CASH,
        extra=500,
    )  # fmt: skip  (change given back)
    sold["c"] = sell(till(store, JULIEN, "2025-11-25T15:05:00.000Z", new_id), codes[1:3],
                     TenderKind.CARD)  # fmt: skip
    sold["late"] = sell(
        till(store, JULIEN, "2025-11-25T22:59:00.000Z", new_id), codes[2:3], TenderKind.CARD
    )  # fmt: skip  (23:59 in Paris: still the 25th)
    sold["next"] = sell(
        till(store, JULIEN, "2025-11-25T23:00:00.000Z", new_id), codes[:1], TenderKind.CARD
    )  # fmt: skip  (00:00 on the 26th)
    practice = till(store, INES, "2025-11-25T10:00:00.000Z", new_id)
    practice.set_training(True)
    sell(practice, codes * 3, TenderKind.CASH)
    practice.set_training(False)
    back = ReturnDesk(till(store, INES, "2025-11-25T16:00:00.000Z", new_id),
                      rules=ReturnRules(offline_return_limit_cents=10**6))  # fmt: skip
    back.find(sold["c"])
    back.return_line(sold["c"], 1, 1, ReturnReason.CHANGED_MIND)
    back.refund(back.propose_refund())
    sold["return"] = back.complete().sale_id
    pull(
        store,
        order_item(store, "web-1", state="ready", version=3),
        order_item(store, "web-2", code="AB12-CD34", state="ready", version=3, paid=False),
    )
    desk = PickupDesk(store, store_id=STORE_ID, tz=PARIS, new_id=new_id,
                      clock=lambda: datetime(2025, 11, 25, 9, 30, tzinfo=UTC))  # fmt: skip
    desk.hand_over("web-1", INES)
    paying = till(store, CAMILLE, "2025-11-25T09:20:00.000Z", new_id)
    paying.add_priced([PricedItem(ln.product_id, ln.quantity, ln.unit_price_cents)
                       for ln in desk.sale_lines_for("web-2")])  # fmt: skip
    paying.add_tender(TenderKind.VOUCHER, paying.totals().total_cents)
    sold["pickup"] = paying.complete().sale_id
    desk.hand_over_paid_in_store("web-2", INES, sold["pickup"])
    return {"sold": sold, "departments": [dept for _, dept in items], "desk": desk}


def sale_totals(store: LocalStore, *keys: str, shop: dict) -> int:
    ids = [shop["sold"][k] for k in keys]
    marks = ",".join("?" * len(ids))
    return store.conn.execute(f"SELECT sum(total_cents) FROM sales WHERE id IN ({marks})",
                              ids).fetchone()[0]  # fmt: skip


def test_a_days_figures_from_real_sales(store: LocalStore, shop: dict) -> None:
    glance = SalesGlance(store.path, store_id=STORE_ID, today=lambda: DAY)
    day = glance.today(INES)
    in_day = ("a", "b", "c", "late", "return", "pickup")
    net = sale_totals(store, *in_day, shop=shop)
    returned = -sale_totals(store, "return", shop=shop)
    assert returned > 0
    assert (day.tickets, day.sales_count, day.returns_count) == (6, 5, 1)  # no training sale
    assert (day.turnover_cents, day.returns_cents) == (net, returned)
    assert day.sold_cents == net + returned
    assert day.average_basket_cents == round((net + returned) / 5)
    assert [(s.label, s.count) for s in day.by_hour] == [
        ("09", 2),
        ("10", 1),
        ("16", 1),
        ("17", 1),
        ("23", 1),
    ]
    assert sum(s.cents for s in day.by_hour) == net
    in_turnover = [s for s in day.by_channel if s.key != PICKUP_ONLINE]
    for breakdown in (day.by_department, day.by_tender, day.by_cashier, in_turnover):
        assert sum(s.cents for s in breakdown) == net  # every breakdown adds up
    codes = {code for (code,) in store.conn.execute("SELECT code FROM departments")}
    assert set(shop["departments"]) <= {s.key for s in day.by_department} <= codes
    assert all(s.label and s.label != s.key for s in day.by_department)  # names, not codes
    cashiers = {s.key: (s.count, s.cents) for s in day.by_cashier}
    assert cashiers["Julien"] == (2, sale_totals(store, "c", "late", shop=shop))
    assert cashiers["Inès"] == (1, -returned)
    tenders = {s.key: s.cents for s in day.by_tender}
    assert tenders["cash"] == sale_totals(store, "b", shop=shop)  # net of the 5 € change
    assert tenders["voucher"] == sale_totals(store, "pickup", shop=shop)
    channels = {s.key: (s.count, s.cents) for s in day.by_channel}
    pickup = sale_totals(store, "pickup", shop=shop)
    assert channels[PICKUP_AT_TILL] == (1, pickup)
    assert channels[STORE] == (5, net - pickup) and channels[WEB_CART_AT_TILL] == (0, 0)
    online = shop["desk"].order("web-1").total_cents
    assert channels[PICKUP_ONLINE] == (1, online)  # handed over here, paid online
    assert day.backlog.to_prepare == day.backlog.ready == 0
    assert day.health.pending > 0 and day.health.set_aside == 0 and day.health.last_push is None


def test_a_period_and_the_day_after(store: LocalStore, shop: dict) -> None:
    glance = SalesGlance(store.path)
    after = glance.figures(INES, date(2025, 11, 26), date(2025, 11, 26))
    assert (after.tickets, after.turnover_cents) == (1, sale_totals(store, "next", shop=shop))
    assert [s.label for s in after.by_hour] == ["00"]
    both = glance.figures(INES, DAY, date(2025, 11, 26))
    assert both.tickets == 7
    assert glance.figures(INES, date(2025, 11, 27), date(2025, 12, 31)).tickets == 0


def test_hours_across_the_spring_switch(store: LocalStore) -> None:
    code = barcodes(store, 1)[0][0]
    ids = count(1)
    for at in ("2026-03-28T10:00:00.000Z", "2026-03-29T10:00:00.000Z",
               "2026-03-28T23:30:00.000Z"):  # fmt: skip
        new_id = lambda: f"00000000-0000-4000-8000-{next(ids):012d}"  # noqa: E731
        sell(till(store, CAMILLE, at, new_id), [code], TenderKind.CARD)
    figures = SalesGlance(store.path).figures(INES, date(2026, 3, 28), date(2026, 3, 29))
    assert [(s.label, s.count) for s in figures.by_hour] == [("00", 1), ("11", 1), ("12", 1)]
    sunday = SalesGlance(store.path).figures(INES, date(2026, 3, 29), date(2026, 3, 29))
    assert sunday.tickets == 2  # 00:30 on the 29th in Paris is 23:30 UTC on the 28th


def test_only_a_manager_reads_the_figures_and_bad_periods(store: LocalStore) -> None:
    glance = SalesGlance(store.path)
    with pytest.raises(RightRefused) as refused:
        glance.today(CAMILLE)
    assert refused.value.params == {"right": "view_sales", "approvable": False}
    with pytest.raises(PosError) as reversed_:
        glance.figures(INES, date(2026, 2, 1), date(2026, 1, 1))
    assert reversed_.value.code == "period_reversed"
    with pytest.raises(PosError) as long_:
        glance.figures(INES, date(2000, 1, 1), date(2026, 1, 1))
    assert long_.value.code == "period_too_long"


def test_the_csv_opens_right_in_french_and_english(tmp_path: Path, store, shop) -> None:
    day = SalesGlance(store.path, today=lambda: DAY).today(INES)
    header = ("Caissier", "Tickets", "Montant (€)")
    path = write_breakdown(tmp_path / "caissiers.csv", header, day.by_cashier, french=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(header)
    assert {r[0]: r[2] for r in rows[1:]}["Inès"] == euros(-day.returns_cents, french=True)
    assert all("," in r[2] and "." not in r[2] for r in rows[1:])
    assert sorted(r[0] for r in rows[1:]) == sorted(s.key for s in day.by_cashier)
    english = write_breakdown(tmp_path / "c.csv", ("Cashier", "Tickets", "Amount"),
                              day.by_cashier, french=False)  # fmt: skip
    lines = english.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Cashier,Tickets,Amount" and "." in lines[1].rsplit(",", 1)[1]
    assert not list(tmp_path.glob(".*part"))  # nothing left beside the files
    assert (euros(-1, french=True), euros(123456, french=False)) == ("-0,01", "1234.56")


def test_the_migrations_backfill_matches_what_the_triggers_summed(store, shop) -> None:
    summed = store.conn.execute("SELECT * FROM sales_sums ORDER BY 1, 2, 3").fetchall()
    code = [
        "\n".join(ln for ln in s.splitlines() if not ln.startswith("--"))
        for s in statements(MIGRATION.read_text())
    ]
    backfill = [s for s in code if s.startswith(("CREATE TEMP VIEW", "INSERT", "DROP VIEW"))]
    assert len(backfill) == 7
    with store.conn:
        store.conn.execute("DELETE FROM sales_sums")
        for statement in backfill:
            store.conn.execute(statement)
    assert store.conn.execute("SELECT * FROM sales_sums ORDER BY 1, 2, 3").fetchall() == summed


def test_the_backlog_is_this_stores_open_orders(store: LocalStore) -> None:
    pull(store, order_item(store, "web-1", due_at="2025-11-20T10:00:00.000Z"),
         order_item(store, "web-2", code="AB12-CD34", state="ready", version=3),
         order_item(store, "web-3", code="AAAA-0003", store_id="villeurbanne"))  # fmt: skip
    backlog = SalesGlance(store.path, store_id=STORE_ID).today(INES).backlog
    assert (backlog.to_prepare, backlog.ready, backlog.overdue) == (1, 1, 1)


def test_a_summer_sale_at_22_utc_counts_on_the_next_store_day(store: LocalStore) -> None:
    code = barcodes(store, 1)[0][0]
    ids = count(1)
    new_id = lambda: f"00000000-0000-4000-8000-{next(ids):012d}"  # noqa: E731
    sell(till(store, CAMILLE, "2026-07-14T22:30:00.000Z", new_id), [code], TenderKind.CARD)
    sell(till(store, JULIEN, "2026-07-14T21:30:00.000Z", new_id), [code], TenderKind.CASH)
    glance = SalesGlance(store.path)
    for day, cashier, hour in ((14, "Julien", "23"), (15, "Camille", "00")):
        figures = glance.figures(INES, date(2026, 7, day), date(2026, 7, day))
        assert [s.key for s in figures.by_cashier] == [cashier]
        assert [s.label for s in figures.by_hour] == [hour]
        assert sum(s.cents for s in figures.by_department) == figures.turnover_cents
        assert sum(s.cents for s in figures.by_tender) == figures.turnover_cents


def test_each_query_reads_a_range_of_the_primary_key(store: LocalStore) -> None:
    for sql in sales_glance.QUERIES:
        marks = ("ticket", "2026-01-01", "2026-12-31")[3 - sql.count("?") :]
        plan = " ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", marks))
        assert "sales_sums USING PRIMARY KEY" in plan, plan


def test_a_web_cart_paid_at_the_till_is_its_own_channel(store: LocalStore, shop: dict) -> None:
    web_cart_sales.mark(store.conn, shop["sold"]["a"], "cart-1", "K7M2-Q9XD", "2025-11-25T08:05Z")
    web_cart_sales.mark(store.conn, shop["sold"]["a"], "cart-2", "P3RT-X8WZ", "2025-11-25T08:06Z")
    web_cart_sales.mark(store.conn, "never-paid", "cart-3", "ZZ99-ZZ99", "2025-11-25T08:07Z")
    day = SalesGlance(store.path, store_id=STORE_ID, today=lambda: DAY).today(INES)
    channels = {s.key: (s.count, s.cents) for s in day.by_channel}
    cart = sale_totals(store, "a", shop=shop)
    net = sale_totals(store, "a", "b", "c", "late", "return", "pickup", shop=shop)
    pickup = sale_totals(store, "pickup", shop=shop)
    assert channels[WEB_CART_AT_TILL] == (1, cart)  # one ticket, two carts; abandoned: none
    assert channels[STORE] == (4, net - pickup - cart)
    assert sum(s.cents for s in day.by_channel if s.key != PICKUP_ONLINE) == day.turnover_cents
