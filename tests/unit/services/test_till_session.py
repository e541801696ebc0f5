"""The till day through the services, no UI: open, sell, cash out, X, Z — and each refusal.

Sales are made by a real ``Checkout`` on a real store file; the X and Z figures are
checked against the sales table by SQL written here, independently of the store's own
queries.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from itertools import count

import pytest

from pos.domain.cash import count_cash
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.rights import Actor, Approval, Right, RightRefused, Role
from pos.domain.tenders import TenderKind
from pos.domain.till_day import ClosingCount
from pos.services.checkout import Checkout
from pos.services.till_session import TillSessions
from pos.store import outbox
from pos.store.local_store import LocalStore
from resources.demo.catalog import DemoProduct
from sync.contract.chains import ChainEntryPayload
from sync.contract.operations import PAYLOAD_MODELS

CAMILLE = Actor("s-cam", "Camille", Role.CASHIER)
NADIA = Actor("s-nad", "Nadia", Role.MANAGER)
PAUL = Actor("s-pau", "Paul", Role.PICKUP)
# 5 × 20 €, 5 × 10 €, 10 × 2 €, 10 × 1 €, 10 × 50 c, 10 × 20 c, 10 × 10 c = 188,00 €
FLOAT = {2000: 5, 1000: 5, 200: 10, 100: 10, 50: 10, 20: 10, 10: 10}
FLOAT_CENTS = 18800


class Clock:
    """A till clock the test moves: ISO UTC with milliseconds, as the till writes."""

    def __init__(self) -> None:
        self.hour, self.minute = 8, 0
        self.day = 25

    def __call__(self) -> str:
        self.minute += 1
        if self.minute == 60:
            self.hour, self.minute = self.hour + 1, 0
        return f"2026-11-{self.day:02d}T{self.hour:02d}:{self.minute:02d}:00.000Z"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def till(store: LocalStore, clock: Clock) -> TillSessions:
    ids = count(1)
    return TillSessions(store, terminal_id="T01", clock=clock, new_id=lambda: f"ts-{next(ids)}")


@pytest.fixture
def checkout(store: LocalStore, till: TillSessions, clock: Clock):
    ids = count(1)
    made = Checkout(
        store, terminal_id="T01", actor=CAMILLE, clock=clock,
        new_id=lambda: f"sale-{next(ids)}", session_gate=till,
    )  # fmt: skip
    yield made
    made.close()


def units(items: list[DemoProduct]) -> list[DemoProduct]:
    return [item for item in items if item.sold_by == "unit" and item.barcodes]


@pytest.fixture
def approval(store: LocalStore):
    """A manager's approval as the approvals service records it at this till (a made-up
    one is refused: ``test_an_approval_not_recorded_here_is_refused``)."""

    def approve(right: Right, amount: int | None = None, by: Actor = NADIA) -> Approval:
        made = Approval(f"ap-{right.value}", right, CAMILLE, by, right.value, amount, "now")
        store.conn.execute(
            "INSERT OR IGNORE INTO approval VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (made.approval_id, right.value, CAMILLE.staff_id, CAMILLE.display_name,
             by.staff_id, by.display_name, right.value, amount, "now"),
        )  # fmt: skip
        return made

    return approve


def sell(checkout: Checkout, item: DemoProduct, pay: Callable[[Checkout, int], None]) -> str:
    checkout.scan(item.barcodes[0])
    pay(checkout, checkout.totals().total_cents)
    return checkout.complete().sale_id


def cash_rounded_up(checkout: Checkout, due: int) -> None:
    checkout.add_tender(TenderKind.CASH, (due // 1000 + 1) * 1000)  # the next 10 € note


def by(kind: TenderKind) -> Callable[[Checkout, int], None]:
    return lambda checkout, due: checkout.add_tender(kind, due)


def discounted_by_card(checkout: Checkout, _due: int) -> None:
    checkout.set_line_discount(checkout.basket.lines[-1].line_id, Discount.percent(1000))
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)


def voucher_then_cash(checkout: Checkout, due: int) -> None:
    checkout.add_tender(TenderKind.MEAL_VOUCHER, min(due, 800))
    if checkout.payment.remaining_cents:
        checkout.add_tender(TenderKind.CASH, checkout.payment.remaining_cents)


# -- the independent arithmetic, straight from the tables --------------------------------


def sql_tenders(conn: sqlite3.Connection, session_id: str) -> dict[str, int]:
    rows = conn.execute(
        "SELECT kind, SUM(amount_cents) FROM sale_tenders WHERE sale_id IN "
        "(SELECT id FROM sales WHERE session_id = ?) GROUP BY kind",
        (session_id,),
    ).fetchall()
    return dict(rows)


def sql_cash_expected(conn: sqlite3.Connection, session_id: str) -> int:
    float_cents = conn.execute(
        "SELECT float_cents FROM till_session WHERE session_id = ?", (session_id,)
    ).fetchone()[0]
    change = conn.execute(
        "SELECT TOTAL(change_cents) FROM sales WHERE session_id = ?", (session_id,)
    ).fetchone()[0]
    moved = conn.execute(
        "SELECT TOTAL(CASE kind WHEN 'in' THEN amount_cents ELSE -amount_cents END) "
        "FROM cash_movement WHERE session_id = ?",
        (session_id,),
    ).fetchone()[0]
    return int(float_cents + sql_tenders(conn, session_id).get("cash", 0) - change + moved)


def test_a_whole_day_open_sell_cash_out_x_and_z_with_an_approved_difference(
    store, till, checkout, demo_items, approval
) -> None:
    conn = store.conn
    session = till.open(CAMILLE, FLOAT)
    assert session.float_cents == FLOAT_CENTS and till.current() == session
    items = units(demo_items)
    sold = [
        sell(checkout, items[0], cash_rounded_up),
        sell(checkout, items[1], by(TenderKind.CARD)),
        sell(checkout, items[2], by(TenderKind.CHEQUE)),
        sell(checkout, items[3], voucher_then_cash),
        sell(checkout, items[4], discounted_by_card),
    ]
    out = till.cash_out(NADIA, 5000, "bank_deposit", "remise en banque")
    top_up = till.cash_in(CAMILLE, 1000, "change_top_up", approval=approval(Right.CASH_IN_OUT))
    assert top_up.approval_id == "ap-cash_in_out" and out.by.name == "Nadia"

    x = till.x_report()
    sid = session.session_id
    (n, total, discounts) = conn.execute(
        "SELECT COUNT(*), SUM(total_cents), "
        "(SELECT TOTAL(line_discount_cents + ticket_discount_cents) FROM sale_lines "
        " WHERE sale_id IN (SELECT id FROM sales WHERE session_id = ?)) "
        "FROM sales WHERE session_id = ?",
        (sid, sid),
    ).fetchone()
    assert (x.sales_count, x.sales_total_cents, x.discount_cents) == (5, total, discounts)
    assert discounts > 0
    assert n == 5 and sorted(sold) == sorted(
        row[0] for row in conn.execute("SELECT id FROM sales WHERE session_id = ?", (sid,))
    )
    assert x.cash_expected_cents == sql_cash_expected(conn, sid)
    assert sum(t.amount_cents for t in x.by_tender) == total  # cash net of change
    vat = conn.execute(
        "SELECT vat_bp, SUM(total_cents) FROM sale_vat WHERE sale_id IN "
        "(SELECT id FROM sales WHERE session_id = ?) GROUP BY vat_bp",
        (sid,),
    ).fetchall()
    assert {v.vat_bp: v.total_cents for v in x.by_vat} == dict(vat)
    assert [(c.cashier, c.sales) for c in x.by_cashier] == [("Camille", 5)]

    # The blind count: cash 7,00 € short, the card and cheque totals right, vouchers right.
    tenders = sql_tenders(conn, sid)
    cash_counted = sql_cash_expected(conn, sid) - 700
    counted = ClosingCount(
        cash=count_cash(pieces_for(cash_counted)),
        others={
            "card": tenders["card"],
            "cheque": tenders["cheque"],
            "meal_voucher": tenders["meal_voucher"],
        },
    )
    with pytest.raises(PosError) as refused:
        till.close(CAMILLE, counted)
    assert refused.value.code == "difference_needs_approval"
    assert refused.value.params["difference"] == 700 and till.current() is not None
    with pytest.raises(PosError) as too_small:
        till.close(CAMILLE, counted, approval(Right.CLOSE_WITH_DIFFERENCE, 500))
    assert too_small.value.code == "difference_needs_approval"
    with pytest.raises(RightRefused):  # a cashier's "approval" is none
        till.close(CAMILLE, counted, approval(Right.CLOSE_WITH_DIFFERENCE, 700, by=CAMILLE))

    z = till.close(CAMILLE, counted, approval(Right.CLOSE_WITH_DIFFERENCE, 700))
    assert till.current() is None
    rows = {row["tender"]: row for row in z["counted"]}
    assert rows["cash"]["difference_cents"] == -700
    assert rows["cash"]["expected_cents"] == sql_cash_expected(conn, sid)
    for tender in ("card", "cheque", "meal_voucher"):
        assert rows[tender]["expected_cents"] == tenders[tender]
        assert rows[tender]["difference_cents"] == 0
    assert z["difference_cents"] == 700 and z["approval_id"] == "ap-close_with_difference"
    assert z["sales_total_cents"] == total and z["sales_count"] == 5
    stored = conn.execute(
        "SELECT difference_cents, approval_id FROM z_report WHERE session_id = ?", (sid,)
    ).fetchone()
    assert stored == (700, "ap-close_with_difference")
    assert till.z_report(sid) == z

    # Opening, the two movements and the Z are queued, each valid for the contract; the
    # Z's closure entry and the JET's entries travel as chain_entry operations.
    everything = outbox.pending(conn, 100)
    assert "chain:T01:closure:1" in [item.op_id for item in everything]
    for item in everything:
        if item.kind == "chain_entry":
            ChainEntryPayload.model_validate(item.payload)
    others = ("sale", "chain_entry")
    queued = [item for item in everything if item.kind not in others]
    assert [item.kind for item in queued] == [
        "till_session_opened", "cash_movement", "cash_movement", "till_session_closed",
    ]  # fmt: skip
    for item in queued:
        PAYLOAD_MODELS[item.kind].model_validate(item.payload)
    assert queued[-1].op_id == f"z-{sid}" and queued[-1].payload == z


def pieces_for(cents: int) -> dict[int, int]:
    """A plausible drawer holding exactly ``cents``: notes, then coins, greedily."""
    counts: dict[int, int] = {}
    for denomination in (5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1):
        counts[denomination], cents = divmod(cents, denomination)
    return counts


def test_no_sale_and_no_payment_without_an_open_session(store, till, checkout, demo_items):
    item = units(demo_items)[0]
    checkout.scan(item.barcodes[0])
    with pytest.raises(PosError) as refused:
        checkout.add_tender(TenderKind.CARD, item.price_cents)
    assert refused.value.code == "no_session"
    till.open(CAMILLE, FLOAT)
    checkout.add_tender(TenderKind.CARD, item.price_cents)
    sale = checkout.complete()
    session_of = store.conn.execute("SELECT session_id FROM sales WHERE id = ?", (sale.sale_id,))
    assert session_of.fetchone()[0] == till.current().session_id


def test_a_session_open_too_long_must_be_closed_before_selling(
    store, till, checkout, clock, demo_items
):
    till.open(CAMILLE, FLOAT)
    item = units(demo_items)[0]
    checkout.scan(item.barcodes[0])
    checkout.add_tender(TenderKind.CARD, item.price_cents)
    clock.day += 1  # 24 h and a few minutes later: the sale cannot complete
    with pytest.raises(PosError) as old:
        checkout.complete()
    assert old.value.code == "session_too_old" and old.value.params["max_hours"] == 24
    assert store.sales.count() == 0 and not checkout.basket.is_empty()
    checkout.switch_actor(NADIA)  # the manager cancels the basket left open
    checkout.cancel()
    checkout.switch_actor(CAMILLE)
    till.close(CAMILLE, ClosingCount(count_cash(FLOAT)))
    till.open(CAMILLE, FLOAT)
    checkout.scan(item.barcodes[0])
    checkout.add_tender(TenderKind.CARD, item.price_cents)
    assert checkout.complete().ticket_no == 1


def test_rights_are_enforced_without_a_screen(till, approval) -> None:
    with pytest.raises(RightRefused) as pickup:
        till.open(PAUL, FLOAT)
    assert pickup.value.code == "right_refused" and pickup.value.params["right"] == "open_till"
    till.open(CAMILLE, FLOAT)
    with pytest.raises(RightRefused) as cashier:
        till.cash_out(CAMILLE, 1000, "petty_cash")
    assert cashier.value.params == {"right": "cash_in_out", "approvable": True}
    with pytest.raises(RightRefused):  # an approval for another right does not do
        till.cash_out(CAMILLE, 1000, "petty_cash", approval=approval(Right.CANCEL_SALE))
    till.cash_out(CAMILLE, 1000, "petty_cash", approval=approval(Right.CASH_IN_OUT))
    with pytest.raises(RightRefused):
        till.close(PAUL, ClosingCount(count_cash({})))


def test_refusals_say_why_and_record_nothing(store, till) -> None:
    with pytest.raises(PosError) as none_open:
        till.x_report()
    assert none_open.value.code == "no_session"
    for counts, code in (
        ({1000: -1}, "count_negative"),
        ({1000: 1.5}, "count_not_whole"),
        ({50000: 2001}, "count_too_large"),
        ({300: 1}, "unknown_denomination"),
    ):
        with pytest.raises(PosError) as absurd:
            till.open(CAMILLE, counts)
        assert absurd.value.code == code
    assert till.current() is None
    till.open(CAMILLE, FLOAT)
    with pytest.raises(PosError) as twice:
        till.open(NADIA, FLOAT)
    assert twice.value.code == "session_already_open"
    for args, code in (
        ((0, "petty_cash"), "amount_not_positive"),
        ((100, "lunch"), "movement_reason_unknown"),
        ((100, "other"), "movement_note_missing"),
        ((FLOAT_CENTS + 1, "bank_deposit"), "cash_out_exceeds_drawer"),
    ):
        with pytest.raises(PosError) as bad:
            till.cash_out(NADIA, *args)
        assert bad.value.code == code
    with pytest.raises(PosError) as absurd_total:
        till.close(NADIA, ClosingCount(count_cash(FLOAT), {"card": -5}))
    assert absurd_total.value.code == "counted_amount_refused"
    with pytest.raises(PosError) as gift:
        till.close(NADIA, ClosingCount(count_cash(FLOAT), {"gift_card": 0}))
    assert gift.value.code == "tender_not_counted"
    assert store.conn.execute("SELECT count(*) FROM cash_movement").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM z_report").fetchone()[0] == 0


def test_closing_is_refused_with_an_open_basket(till, checkout, demo_items) -> None:
    till.open(CAMILLE, FLOAT)
    checkout.scan(units(demo_items)[0].barcodes[0])
    with pytest.raises(PosError) as basket:
        till.close(CAMILLE, ClosingCount(count_cash(FLOAT)))
    assert basket.value.code == "basket_open" and till.current() is not None
    checkout.park("after the Z")
    till.close(CAMILLE, ClosingCount(count_cash(FLOAT)))
    assert till.current() is None


def test_a_closed_session_its_movements_and_z_are_immutable(store, till) -> None:
    session = till.open(CAMILLE, FLOAT)
    till.cash_in(NADIA, 2000, "change_top_up")
    till.close(NADIA, ClosingCount(count_cash(FLOAT)))  # 20 € over: a manager's own right
    conn, sid = store.conn, session.session_id
    for sql in (
        "UPDATE till_session SET float_cents = 0 WHERE session_id = ?",
        "UPDATE till_session SET status = 'open', closed_at = NULL WHERE session_id = ?",
        "DELETE FROM till_session WHERE session_id = ?",
        "UPDATE cash_movement SET amount_cents = 1 WHERE session_id = ?",
        "DELETE FROM cash_movement WHERE session_id = ?",
        "UPDATE z_report SET difference_cents = 0 WHERE session_id = ?",
        "UPDATE z_report_tenders SET counted_cents = expected_cents WHERE session_id = ?",
        "INSERT INTO cash_movement (movement_id, session_id, kind, reason, amount_cents, "
        "by_staff, by_name, at) VALUES ('late', ?, 'out', 'petty_cash', 100, 's', 'S', 'x')",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql, (sid,))
    assert conn.execute("SELECT status FROM till_session").fetchone()[0] == "closed"


def test_a_failure_inside_the_z_leaves_the_session_open_and_nothing_half_written(
    store, till
) -> None:
    session = till.open(CAMILLE, FLOAT)
    # The Z's outbox row is the transaction's last write: make it fail there.
    outbox.enqueue(store.conn, f"z-{session.session_id}", "blocker", {})
    with pytest.raises(sqlite3.IntegrityError):
        till.close(CAMILLE, ClosingCount(count_cash(FLOAT)))
    conn = store.conn
    assert till.current() == session
    assert conn.execute("SELECT count(*) FROM z_report").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM z_report_tenders").fetchone()[0] == 0


def test_a_sale_naming_a_closed_session_is_refused_by_the_database(store, till) -> None:
    session = till.open(CAMILLE, FLOAT)
    till.close(CAMILLE, ClosingCount(count_cash(FLOAT)))
    with pytest.raises(sqlite3.IntegrityError, match="not open"):
        store.conn.execute(
            "INSERT INTO sales (id, terminal_id, ticket_no, cashier, started_at, completed_at, "
            "total_cents, change_cents, session_id) VALUES ('s', 'T01', 1, 'C', 'a', 'b', 0, 0, ?)",
            (session.session_id,),
        )


def test_an_approval_not_recorded_here_is_refused(till) -> None:
    """A caller cannot make an approval up: the cash movement and the Z check it was
    recorded at this till, for this right, asker and approver."""
    till.open(CAMILLE, FLOAT)
    made_up = Approval("ap-x", Right.CASH_IN_OUT, CAMILLE, NADIA, "cash out", 1000, "now")
    with pytest.raises(PosError) as refused:
        till.cash_out(CAMILLE, 1000, "petty_cash", approval=made_up)
    assert refused.value.code == "approval_unknown"
    assert till.movements() == []
