"""The technical event journal (JET): each act records its event once, with its detail
and its author, in its own transaction (a refused act leaves none); the event chain
verifies; the clock going back or jumping ahead is recorded, and entries stay ordered
by sequence whatever the clock says. Real store file, real services, no mocks."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from itertools import count

import pytest

from pos.domain import fiscal_events as fe
from pos.domain.cash import count_cash
from pos.domain.chain_entry import EVENT, TICKET
from pos.domain.errors import PosError
from pos.domain.price_override import OverrideReason
from pos.domain.rights import Right, RightRefused, Role
from pos.domain.tenders import TenderKind
from pos.domain.till_day import ClosingCount
from pos.services.approvals import Approvals
from pos.services.checkout import Checkout
from pos.services.event_journal import VERSION_SETTING, EventJournal
from pos.services.staff import StaffDirectory
from pos.services.till_session import TillSessions
from pos.store import chains
from pos.store.local_store import LocalStore

FLOAT = {2000: 5, 1000: 5}  # 150,00 €


class TillClock:
    """The till's wall clock and its monotonic clock, moved by the test: each reading
    advances both by a second, unless the test moves the wall clock alone."""

    def __init__(self) -> None:
        self.wall = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
        self.mono = 1000.0

    def tick(self) -> None:
        self.wall += timedelta(seconds=1)
        self.mono += 1.0

    def __call__(self) -> str:
        self.tick()
        return self.wall.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def moment(self) -> datetime:
        self.tick()
        return self.wall

    def monotonic(self) -> float:
        return self.mono


@pytest.fixture
def clock() -> TillClock:
    return TillClock()


@pytest.fixture
def journal(store: LocalStore, clock: TillClock) -> EventJournal:
    return EventJournal(store, terminal_id="T01", clock=clock, monotonic=clock.monotonic)


@pytest.fixture
def till(store: LocalStore, clock: TillClock, journal: EventJournal):
    directory = StaffDirectory(store, clock=clock.moment, journal=journal)
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Camille", Role.CASHIER, "1111", staff_id="camille")
    directory.add(admin, "Julien", Role.CASHIER, "2222", staff_id="julien")
    directory.add(admin, "Inès", Role.MANAGER, "3333", staff_id="ines")
    ids, session_ids = count(1), count(1)
    sessions = TillSessions(
        store, terminal_id="T01", clock=clock, new_id=lambda: f"ts-{next(session_ids)}",
        journal=journal,
    )  # fmt: skip
    camille = directory.member("camille").actor
    checkout = Checkout(
        store, terminal_id="T01", actor=camille, clock=clock, session_gate=sessions,
        new_id=lambda: f"sale-{next(ids)}", journal=journal,
    )  # fmt: skip
    approvals = Approvals(directory, terminal_id="T01", new_id=lambda: f"ap-{next(ids)}")
    return directory, sessions, checkout, approvals


def events(store: LocalStore) -> list[tuple[str, dict, dict | str]]:
    """(kind, detail, actor) of every event, in sequence order."""
    found = []
    for entry in chains.entries(store.conn, EVENT):
        body = json.loads(entry.body)
        found.append((entry.kind, body["detail"], body["actor"]))
    return found


def of_kind(store: LocalStore, kind: str) -> list[tuple[dict, dict | str]]:
    return [(detail, actor) for k, detail, actor in events(store) if k == kind]


def units(demo_items, n: int) -> list[str]:
    return [i.barcodes[0] for i in demo_items if i.sold_by == "unit" and i.barcodes][:n]


def test_each_act_records_its_event_once_with_its_detail_and_author(store, till, demo_items):
    directory, sessions, checkout, approvals = till
    camille = directory.sign_in("camille", "1111")
    sessions.open(camille, FLOAT)
    first, second, third = units(demo_items, 3)
    voided = checkout.scan(first)
    priced = checkout.scan(second)
    checkout.scan(third)
    checkout.void_line(voided.line_id)
    asked = approvals.approve(camille, "ines", "3333", Right.PRICE_OVERRIDE, "price", 500)
    checkout.override_price(priced.line_id, priced.product.price_cents - 10, "damaged", "", asked)
    cancel = approvals.approve(camille, "ines", "3333", Right.CANCEL_SALE, "cancel")
    sale_id = checkout.sale_id
    checkout.cancel(cancel)
    drawer = approvals.approve(camille, "ines", "3333", Right.DRAWER_WITHOUT_SALE, "drawer")
    checkout.open_drawer("change for the next till", approval=drawer)
    for _ in range(5):
        with pytest.raises(PosError):
            directory.sign_in("julien", "0000")  # the fifth locks the account
    directory.sign_out(camille, "lock")
    sessions.close(camille, ClosingCount(count_cash(FLOAT)))

    kinds = [kind for kind, _, _ in events(store)]
    assert sorted(kinds) == sorted(
        [fe.SIGNED_IN, fe.SESSION_OPENED, fe.LINE_VOIDED, fe.APPROVAL_GRANTED,
         fe.PRICE_OVERRIDDEN, fe.APPROVAL_GRANTED, fe.SALE_CANCELLED, fe.APPROVAL_GRANTED,
         fe.DRAWER_OPENED, fe.SIGNED_IN, fe.SIGNED_OUT, fe.SESSION_CLOSED, fe.CLOSURE_MADE]
    )  # fmt: skip
    for kind, detail, actor in events(store):
        assert tuple(sorted(detail)) == tuple(sorted(fe.DETAIL_FIELDS[kind])), kind
        assert actor != "", kind  # each act here has an author
    by_camille = {"staff_id": "camille", "name": "Camille"}
    [(signed_in, who)] = [e for e in of_kind(store, fe.SIGNED_IN) if e[0]["outcome"] == "ok"]
    assert (signed_in["staff_id"], who) == ("camille", by_camille)
    [(locked, who)] = [e for e in of_kind(store, fe.SIGNED_IN) if e[0]["outcome"] == "locked"]
    assert locked["staff_id"] == "julien" and locked["until"] and who["staff_id"] == "julien"
    [(opened, _)] = of_kind(store, fe.SESSION_OPENED)
    assert opened == {"session_id": "ts-1", "float_cents": 15000}
    [(void, _)] = of_kind(store, fe.LINE_VOIDED)
    assert (void["line_id"], void["sku"], void["after_payment"]) == (
        voided.line_id, voided.product.sku, False,
    )  # fmt: skip
    [(price, _)] = of_kind(store, fe.PRICE_OVERRIDDEN)
    assert (price["catalog_price_cents"], price["unit_price_cents"], price["reason"]) == (
        priced.product.price_cents, priced.product.price_cents - 10, OverrideReason.DAMAGED,
    )  # fmt: skip
    assert price["approval_id"] == asked.approval_id
    approved = [d for d, who in of_kind(store, fe.APPROVAL_GRANTED)]
    assert [a["right"] for a in approved] == [
        "price_override",
        "cancel_sale",
        "drawer_without_sale",
    ]
    assert all(a["approved_by"] == "ines" and a["asked_by"] == "camille" for a in approved)
    [(cancelled, who)] = of_kind(store, fe.SALE_CANCELLED)
    assert (cancelled["sale_id"], cancelled["approval_id"], who) == (
        sale_id, cancel.approval_id, by_camille,
    )  # fmt: skip
    assert [(line["sku"], line["voided"]) for line in cancelled["lines"]] == [
        (voided.product.sku, True), (priced.product.sku, False), (sku_of(store, third), False),
    ]  # fmt: skip
    [(opening, _)] = of_kind(store, fe.DRAWER_OPENED)
    assert opening == {"reason": "change for the next till", "approval_id": drawer.approval_id}
    [(out, _)] = of_kind(store, fe.SIGNED_OUT)
    assert out == {"staff_id": "camille", "reason": "lock"}
    [(closed, _)] = of_kind(store, fe.SESSION_CLOSED)
    assert closed["session_id"] == "ts-1" and closed["difference_cents"] == 0
    report = chains.walk(store.conn, EVENT)
    assert report.problem is None and report.entries == len(kinds)


def sku_of(store: LocalStore, barcode: str) -> str:
    product = store.catalog.by_barcode(barcode)
    assert product is not None
    return product.sku


def test_a_refused_act_leaves_no_event(store, till, demo_items):
    directory, sessions, checkout, _approvals = till
    camille = directory.member("camille").actor
    sessions.open(camille, FLOAT)
    with pytest.raises(PosError, match="already open"):
        sessions.open(camille, FLOAT)  # refused inside its transaction
    checkout.scan(units(demo_items, 1)[0])
    with pytest.raises(RightRefused):
        checkout.cancel()  # a cashier without approval
    with pytest.raises(RightRefused):
        checkout.open_drawer("no reason to")
    assert [kind for kind, _, _ in events(store)] == [fe.SESSION_OPENED]
    assert chains.walk(store.conn, EVENT).problem is None


def test_the_clock_set_back_a_day_is_recorded_and_tickets_stay_ordered_by_sequence(
    store, till, clock, demo_items
):
    directory, sessions, checkout, _approvals = till
    camille = directory.member("camille").actor
    sessions.open(camille, FLOAT)
    barcode = units(demo_items, 1)[0]

    def sell() -> None:
        checkout.scan(barcode)
        checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
        checkout.complete()

    sell()
    clock.wall -= timedelta(days=1)  # someone sets the clock back a day
    sessions.max_age = timedelta(days=3)  # the session's age is not what is tested here
    sell()
    [(back, actor)] = of_kind(store, fe.CLOCK_BACK)
    assert actor == ""  # the terminal's own observation
    assert 86_390_000 <= back["back_ms"] <= 86_400_000
    tickets = list(chains.entries(store.conn, TICKET))
    assert back["last_at"] == tickets[0].at and back["now"] == tickets[1].at
    assert [t.seq for t in tickets] == [tickets[0].seq, tickets[0].seq + 1]
    assert tickets[1].at < tickets[0].at  # later by sequence, earlier by the clock
    assert chains.walk(store.conn, TICKET).problem is None
    assert chains.walk(store.conn, EVENT).problem is None
    sell()  # the clock goes on from there: no new clock_back for each act
    assert len(of_kind(store, fe.CLOCK_BACK)) == 1


def test_a_clock_jumping_ahead_while_running_is_recorded_an_idle_hour_is_not(store, journal, clock):
    journal.record(fe.DRAWER_OPENED, {"reason": "x", "approval_id": None})
    clock.wall += timedelta(hours=2)
    clock.mono += 7200  # two idle hours: both clocks ran them
    journal.record(fe.DRAWER_OPENED, {"reason": "y", "approval_id": None})
    assert of_kind(store, fe.CLOCK_CHANGED) == []
    clock.wall += timedelta(hours=2)  # the wall clock alone: set forward
    journal.record(fe.DRAWER_OPENED, {"reason": "z", "approval_id": None})
    [(jump, _)] = of_kind(store, fe.CLOCK_CHANGED)
    assert 7_199_000 <= jump["jump_ms"] <= 7_201_000 and jump["elapsed_ms"] <= 2_000


def test_start_records_a_new_version_once_then_each_start_and_stop(store, journal):
    journal.started("1.0.0")
    journal.stopped("1.0.0")
    journal.started("1.0.0")
    journal.started("1.1.0")  # an upgrade (after a crash: no stop before it)
    assert [(k, d.get("old"), d.get("new")) for k, d, _ in events(store)] == [
        (fe.VERSION_CHANGED, "", "1.0.0"),
        (fe.APP_STARTED, None, None),
        (fe.APP_STOPPED, None, None),
        (fe.APP_STARTED, None, None),
        (fe.VERSION_CHANGED, "1.0.0", "1.1.0"),
        (fe.APP_STARTED, None, None),
    ]
    assert store.setting(VERSION_SETTING) == "1.1.0"
    assert chains.walk(store.conn, EVENT).problem is None


def test_a_clock_behind_the_chains_at_start_is_recorded(store, journal, clock):
    journal.started("1.0.0")
    clock.wall -= timedelta(hours=3)
    journal.started("1.0.0")
    [(back, _)] = of_kind(store, fe.CLOCK_BACK)
    assert 10_790_000 <= back["back_ms"] <= 10_800_000
