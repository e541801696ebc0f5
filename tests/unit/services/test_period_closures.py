"""Fiscal closures through the services on a real store file: each Z sealed in the
``closure`` chain, months and the fiscal year closed at the first act of the next period
(none skipped, an empty month too) or by a manager, the chain verified by ``chains.walk``.

The expected figures are computed here from the sales tables by SQL and by the shop's
calendar (Europe/Paris), independently of the store's own closure queries.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import pytest

from pos.domain.cash import count_cash
from pos.domain.errors import PosError
from pos.domain.rights import Actor, RightRefused, Role
from pos.domain.tenders import TenderKind
from pos.domain.till_day import ClosingCount
from pos.services.checkout import Checkout
from pos.services.period_closures import PeriodClosures
from pos.services.till_session import TillSessions
from pos.store import chains
from pos.store.local_store import LocalStore
from resources.demo.catalog import DemoProduct

CAMILLE = Actor("s-cam", "Camille", Role.CASHIER)
NADIA = Actor("s-nad", "Nadia", Role.MANAGER)
FLOAT = {2000: 5, 1000: 5}
PARIS = ZoneInfo("Europe/Paris")


class Clock:
    """The till's clock, set by the test; each reading moves it on by one second."""

    def __init__(self) -> None:
        self.now = datetime(2026, 10, 1, tzinfo=UTC)

    def set(self, text: str) -> None:
        self.now = datetime.fromisoformat(text.replace("Z", "+00:00"))

    def __call__(self) -> str:
        self.now += timedelta(seconds=1)
        return self.now.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Till:
    """A till as the app wires it: sessions with period closures, a checkout gated by them."""

    def __init__(self, store: LocalStore, items: list[DemoProduct], start_month: int = 1):
        self.store, self.clock = store, Clock()
        ids = count(1)
        self.closures = PeriodClosures(
            store, terminal_id="T01", year_start_month=start_month, clock=self.clock
        )
        self.sessions = TillSessions(
            store, terminal_id="T01", clock=self.clock, new_id=lambda: f"ts-{next(ids)}",
            closures=self.closures,
        )  # fmt: skip
        self.checkout = Checkout(
            store, terminal_id="T01", actor=CAMILLE, clock=self.clock, session_gate=self.sessions
        )
        self.items = items

    def open(self, at: str) -> str:
        self.clock.set(at)
        return self.sessions.open(CAMILLE, FLOAT).session_id

    def sell(self, at: str, *picks: int) -> str:
        self.clock.set(at)
        for pick in picks:
            self.checkout.scan(self.items[pick].barcodes[0])
        self.checkout.add_tender(TenderKind.CARD, self.checkout.totals().total_cents)
        return self.checkout.complete().sale_id

    def close(self, at: str) -> dict:
        self.clock.set(at)
        x = self.sessions.x_report()
        cash = x.cash_expected_cents
        assert cash == 15000  # card sales only: the float is all the cash
        card = x.expected("card")
        return self.sessions.close(CAMILLE, ClosingCount(count_cash(FLOAT), {"card": card}))


def bodies(conn: sqlite3.Connection, kind: str) -> list[dict]:
    rows = conn.execute(
        "SELECT body FROM chain_entries WHERE chain = 'closure' AND kind = ? ORDER BY seq", (kind,)
    )
    return [json.loads(body) for (body,) in rows]


def sql_vat(conn: sqlite3.Connection, sale_ids: list[str]) -> list[dict]:
    marks = ", ".join("?" * len(sale_ids))
    rows = conn.execute(
        "SELECT vat_bp, sum(base_cents), sum(vat_cents), sum(total_cents) FROM sale_vat "
        f"WHERE sale_id IN ({marks}) GROUP BY vat_bp ORDER BY vat_bp DESC",
        sale_ids,
    )
    keys = ("vat_bp", "base_cents", "vat_cents", "total_cents")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def sales_in_local_month(conn: sqlite3.Connection, month: str) -> list[str]:
    """The sales completed in ``month`` of the shop's calendar, by Python's own zone maths."""
    found = []
    for sale_id, at in conn.execute("SELECT id, completed_at FROM sales"):
        local = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(PARIS)
        if local.strftime("%Y-%m") == month:
            found.append(sale_id)
    return found


def total_of(conn: sqlite3.Connection, sale_ids: list[str]) -> int:
    marks = ", ".join("?" * len(sale_ids))
    return conn.execute(
        f"SELECT coalesce(sum(total_cents), 0) FROM sales WHERE id IN ({marks})", sale_ids
    ).fetchone()[0]


@pytest.fixture
def items(demo_items: list[DemoProduct]) -> list[DemoProduct]:
    """Unit products at three VAT rates: 0, 1, 2 at 20 %, 3 at 5,5 %, 4 at 10 %."""
    units = [item for item in demo_items if item.sold_by == "unit" and item.barcodes]
    by_rate: dict[int, list[DemoProduct]] = {}
    for item in units:
        by_rate.setdefault(item.vat_bp, []).append(item)
    assert {2000, 550, 1000} <= set(by_rate)
    return [*by_rate[2000][:3], by_rate[550][0], by_rate[1000][0]]


@pytest.fixture
def till(store: LocalStore, items: list[DemoProduct]) -> Iterator[Till]:
    made = Till(store, items)
    yield made
    made.checkout.close()


def test_a_days_z_is_sealed_in_the_closure_chain_with_its_totals_by_vat(till: Till):
    conn = till.store.conn
    sid = till.open("2026-10-05T07:00:00.000Z")
    sold = [
        till.sell("2026-10-05T08:00:00.000Z", 0, 3),
        till.sell("2026-10-05T09:00:00.000Z", 1, 4, 4),
        till.sell("2026-10-05T10:00:00.000Z", 2),
    ]
    z = till.close("2026-10-05T17:00:00.000Z")

    (day,) = bodies(conn, "day")
    seqs = [till.store.sales.get(sale_id).chain_seq for sale_id in sold]  # type: ignore[union-attr]
    assert day["type"] == "day" and day["period"] == "2026-10-05" and day["session_id"] == sid
    assert (day["from"], day["to"], day["tickets"]) == (min(seqs), max(seqs), 3)
    assert day["totals_by_vat"] == sql_vat(conn, sold)
    assert len(day["totals_by_vat"]) == 3  # 20 %, 10 % and 5,5 %, highest first
    assert day["total_cents"] == z["sales_total_cents"] == total_of(conn, sold)
    assert day["grand_total_cents"] == day["grand_total_abs_cents"] == day["total_cents"]
    assert day["previous"] == 0
    sealed = till.sessions.sealed(sid)
    assert sealed is not None and sealed.seq == 1 and len(sealed.excerpt) == 8

    # The next day's Z carries the grand totals on and names the previous closure.
    till.open("2026-10-06T07:00:00.000Z")
    more = till.sell("2026-10-06T08:00:00.000Z", 3)
    till.close("2026-10-06T17:00:00.000Z")
    first, second = bodies(conn, "day")
    assert second["previous"] == 1 and second["from"] == first["to"] + 1
    assert second["grand_total_cents"] == total_of(conn, [*sold, more])
    events = conn.execute(
        "SELECT count(*) FROM chain_entries WHERE chain = 'event' AND kind = 'closure_made'"
    ).fetchone()[0]
    assert events == 2
    assert chains.walk(conn, "closure").problem is None
    assert chains.walk(conn, "closure").entries == 2


def test_months_and_the_year_are_closed_at_the_first_act_of_the_next_none_skipped(till: Till):
    conn = till.store.conn
    till.open("2026-10-05T07:00:00.000Z")
    till.sell("2026-10-05T08:00:00.000Z", 0, 3)
    till.sell("2026-10-05T09:00:00.000Z", 4)
    till.close("2026-10-05T17:00:00.000Z")
    till.open("2026-10-31T07:00:00.000Z")
    till.sell("2026-10-31T22:59:00.000Z", 1)  # 23:59 in Paris (winter time): October
    till.close("2026-10-31T22:59:30.000Z")
    assert bodies(conn, "month") == []  # nothing is closed while October lasts

    # Nothing at all in November; the first act of December closes October and November.
    till.open("2026-12-02T08:00:00.000Z")
    october, november = bodies(conn, "month")
    oct_sales = sales_in_local_month(conn, "2026-10")
    assert (october["period"], october["tickets"]) == ("2026-10", 3)
    assert october["total_cents"] == total_of(conn, oct_sales)
    assert october["totals_by_vat"] == sql_vat(conn, oct_sales)
    days = [body for body in bodies(conn, "day") if body["period"].startswith("2026-10")]
    assert october["total_cents"] == sum(day["total_cents"] for day in days)
    assert november["period"] == "2026-11" and november["tickets"] == 0
    assert november["totals_by_vat"] == [] and november["total_cents"] == 0
    assert (november["from"], november["to"]) == (october["to"] + 1, october["to"])
    assert november["grand_total_cents"] == october["grand_total_cents"]
    # Each names the previous closure of its type by seq: the two Z came first (1, 2).
    assert (october["previous"], november["previous"]) == (0, 3)

    till.sell("2026-12-02T09:00:00.000Z", 2, 4)
    till.close("2026-12-02T17:00:00.000Z")
    till.open("2026-12-31T17:00:00.000Z")
    till.sell("2026-12-31T20:00:00.000Z", 3)
    assert len(bodies(conn, "month")) == 2
    # 00:30 on 1 January in Paris, in a session opened on 31 December: this sale is the
    # first act of January: December and the year 2026 are closed before it, without it.
    jan_sale = till.sell("2026-12-31T23:30:00.000Z", 0)
    till.close("2027-01-01T08:00:00.000Z")

    october, november, december = bodies(conn, "month")
    dec_sales = sales_in_local_month(conn, "2026-12")
    assert december["tickets"] == 2 and jan_sale not in dec_sales
    assert december["total_cents"] == total_of(conn, dec_sales)
    assert december["totals_by_vat"] == sql_vat(conn, dec_sales)
    assert december["from"] == november["to"] + 1
    assert december["grand_total_cents"] == october["total_cents"] + december["total_cents"]
    (year,) = bodies(conn, "year")
    assert year["period"] == "2026" and year["tickets"] == 5
    assert year["total_cents"] == october["total_cents"] + december["total_cents"]
    assert year["total_cents"] == total_of(conn, oct_sales + dec_sales)
    assert (year["from"], year["to"]) == (october["from"], december["to"])
    assert year["totals_by_vat"] == sql_vat(conn, oct_sales + dec_sales)
    assert year["grand_total_cents"] == year["total_cents"] and year["previous"] == 0
    # The last day's Z (opened 31 December) holds both of its tickets.
    last_day = bodies(conn, "day")[-1]
    assert last_day["period"] == "2026-12-31" and last_day["tickets"] == 2

    kinds = [row[0] for row in conn.execute(
        "SELECT kind FROM chain_entries WHERE chain = 'closure' ORDER BY seq"
    )]  # fmt: skip
    assert kinds == ["day", "day", "month", "month", "day", "month", "year", "day"]
    report = chains.walk(conn, "closure")
    assert report.problem is None and report.entries == 8
    assert chains.walk(conn, "event").problem is None


def test_a_fiscal_year_starting_in_july_is_closed_after_june(store, items):
    till = Till(store, items, start_month=7)
    till.open("2027-06-10T07:00:00.000Z")
    till.sell("2027-06-10T08:00:00.000Z", 0)
    till.close("2027-06-10T17:00:00.000Z")
    till.open("2027-07-01T07:00:00.000Z")
    assert [b["period"] for b in bodies(store.conn, "month")] == ["2027-06"]
    (year,) = bodies(store.conn, "year")
    assert year["period"] == "2026-2027" and year["tickets"] == 1
    till.checkout.close()


def test_a_manager_closes_a_month_and_every_earlier_one_first(till: Till):
    conn = till.store.conn
    till.open("2026-10-05T07:00:00.000Z")
    till.sell("2026-10-05T08:00:00.000Z", 0)
    till.close("2026-10-05T17:00:00.000Z")
    till.clock.set("2026-12-15T10:00:00.000Z")
    with pytest.raises(RightRefused):
        till.closures.close_month(CAMILLE, "2026-11")
    with pytest.raises(PosError) as not_over:
        till.closures.close_month(NADIA, "2026-12")
    assert not_over.value.code == "period_not_over"
    made = till.closures.close_month(NADIA, "2026-11")
    assert [(m.type, m.period) for m in made] == [("month", "2026-10"), ("month", "2026-11")]
    assert till.closures.close_month(NADIA, "2026-11") == []  # closed once
    assert [m.period for m in till.closures.recent()] == ["2026-11", "2026-10", "2026-10-05"]
    assert chains.walk(conn, "closure").problem is None


def test_a_period_is_closed_once_even_behind_the_services_back(till: Till):
    """The ``closure_once`` index: a second closure of one period is refused."""
    till.open("2026-10-05T07:00:00.000Z")
    till.close("2026-10-05T17:00:00.000Z")
    till.clock.set("2026-11-02T10:00:00.000Z")
    till.closures.close_due()
    conn = till.store.conn
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO chain_entries (chain, seq, kind, ref, terminal_id, at, key_id, prev, "
            "body, sig) VALUES ('closure', 99, 'month', '2026-10', 'T01', 'x', 'k', 'p', '{}', "
            "'s')"
        )
