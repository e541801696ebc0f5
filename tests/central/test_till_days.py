"""The reference server keeps each terminal's till days: stored once, served to the operator.

The operations are a real till's outbox rows (``TillSessions`` on a store file), pushed as
the engine pushes them.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from pos.domain.cash import count_cash
from pos.domain.returns import ReturnReason
from pos.domain.rights import Actor, Role
from pos.domain.sale import SaleTender
from pos.domain.tenders import TenderKind
from pos.domain.till_day import ClosingCount
from pos.services.checkout import Checkout
from pos.services.returns import ReturnDesk, ReturnRules
from pos.services.staff import StaffDirectory
from pos.services.till_session import TillSessions
from pos.store import outbox
from pos.store.catalog_loader import load_catalog
from pos.store.local_store import LocalStore
from resources.demo.catalog import DEPARTMENTS, demo_products
from tests.central.conftest import LYON, push
from tests.support.central_server import CentralServer
from tests.support.staff import SteppedClock

TERMINAL = "Z1"
NADIA = Actor("s-nad", "Nadia", Role.MANAGER)
SESSIONS = f"/v1/admin/terminals/{LYON}/{TERMINAL}/sessions"


@pytest.fixture(scope="module")
def till(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, TERMINAL)) as client:
        yield client


def a_day(path: Path) -> list[dict]:
    """A till's day — open on 150 €, take 40 € to the bank, close 2 € short — as the
    operations its outbox holds."""
    with LocalStore(path) as store:
        sessions = TillSessions(store, terminal_id=TERMINAL)
        sessions.open(NADIA, {5000: 2, 1000: 5})
        sessions.cash_out(NADIA, 4000, "bank_deposit", "remise")
        sessions.close(NADIA, ClosingCount(count_cash({5000: 2, 200: 4})))
        return [
            {"op_id": item.op_id, "seq": item.seq, "kind": item.kind, "payload": item.payload}
            for item in outbox.pending(store.conn)
            if item.kind != "chain_entry"  # the JET's entries: the central witness's
        ]


def test_sessions_movements_and_z_are_stored_once_and_served(
    central: CentralServer, till: httpx.Client, tmp_path: Path
) -> None:
    ops = a_day(tmp_path / "store.db")
    assert [op["kind"] for op in ops] == [
        "till_session_opened", "cash_movement", "till_session_closed",
    ]  # fmt: skip
    assert [r["status"] for r in push(till, LYON, TERMINAL, ops)] == ["accepted"] * 3
    assert [r["status"] for r in push(till, LYON, TERMINAL, ops)] == ["duplicate"] * 3

    response = central.admin("GET", SESSIONS)
    assert response.status_code == 200, response.text
    view = response.json()
    assert view["terminal_id"] == TERMINAL and len(view["sessions"]) == 1
    session = view["sessions"][0]
    z = session["z_report"]
    assert session["status"] == "closed" and session["opened"]["float_cents"] == 15000
    assert [m["amount_cents"] for m in session["movements"]] == [4000]
    assert z == ops[2]["payload"]  # the whole Z as the till recorded it
    cash = next(row for row in z["counted"] if row["tender"] == "cash")
    assert (cash["expected_cents"], cash["counted_cents"]) == (11000, 10800)

    # A second Z for the same session (another op_id) cannot close it again.
    again = copy.deepcopy(ops[2])
    again["op_id"], again["payload"]["difference_cents"] = "z-other", 0
    [result] = push(till, LYON, TERMINAL, [again])
    assert (result["status"], result["code"]) == ("rejected", "conflict")
    assert central.admin("GET", SESSIONS).json()["sessions"][0]["z_report"] == z


def test_a_record_naming_another_terminal_or_malformed_is_refused(
    central: CentralServer, till: httpx.Client, tmp_path: Path
) -> None:
    opening = a_day(tmp_path / "store.db")[0]
    stolen = copy.deepcopy(opening)
    stolen["op_id"] = stolen["payload"]["session_id"] = "someone-elses"
    stolen["payload"]["terminal_id"] = "T99"
    absurd = copy.deepcopy(opening)
    absurd["op_id"] = absurd["payload"]["session_id"] = "absurd-float"
    absurd["payload"]["float_counts"] = [{"denomination_cents": 300, "pieces": 1}]
    results = push(till, LYON, TERMINAL, [stolen, absurd])
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "wrong_terminal"),
        ("rejected", "invalid_payload"),
    ]
    served = central.admin("GET", SESSIONS).json()["sessions"]
    assert {s["session_id"] for s in served}.isdisjoint({"someone-elses", "absurd-float"})


def test_the_sessions_endpoint_is_the_operators_only(
    central: CentralServer, till: httpx.Client
) -> None:
    assert till.get(SESSIONS).status_code == 401
    assert central.admin("GET", f"/v1/admin/terminals/{LYON}/NOPE/sessions").status_code == 404


def test_a_day_with_more_returned_than_sold_is_stored_and_served_exactly(
    central: CentralServer, tmp_path: Path
) -> None:
    """Camille only takes a return back and Inès sells less at the same rate: Camille's
    total and the rate's totals are negative, and the refund is on the Z."""
    terminal, WIDE = "Z2", 1_000_000  # the refund limits out of the way
    items = [p for p in demo_products(600, seed=7) if p.sold_by == "unit" and p.barcodes]
    dear = max(items, key=lambda p: p.price_cents)
    cheap = min(
        (p for p in items if p.vat_bp == dear.vat_bp and p.price_cents < dear.price_cents),
        key=lambda p: p.price_cents,
    )
    with LocalStore(tmp_path / "till.db") as store:
        load_catalog(store.conn, DEPARTMENTS, items)
        staff = StaffDirectory(store, clock=SteppedClock())
        admin = staff.create_first_admin("Nadia", "2468")
        camille = staff.add(admin, "Camille", Role.CASHIER, "1111", staff_id="camille").actor
        ines = staff.add(admin, "Inès", Role.MANAGER, "3333", staff_id="ines").actor
        before = Checkout(store, terminal_id=terminal, actor=ines)  # sold before the day
        before.scan(dear.barcodes[0])
        before.add_tender(TenderKind.CARD, dear.price_cents, "CB-1")
        sold = before.complete().sale_id
        sessions = TillSessions(store, terminal_id=terminal)
        sessions.open(camille, {2000: 5})
        desk = ReturnDesk(
            Checkout(store, terminal_id=terminal, actor=camille, session_gate=sessions),
            rules=ReturnRules(cash_refund_limit_cents=WIDE, offline_return_limit_cents=WIDE),
            now=lambda: datetime.now(UTC),
        )
        desk.find(sold)
        desk.return_line(sold, 1, 1, ReturnReason.CHANGED_MIND)
        desk.refund((SaleTender("cash", -dear.price_cents),))
        desk.complete()
        selling = Checkout(store, terminal_id=terminal, actor=ines, session_gate=sessions)
        selling.scan(cheap.barcodes[0])
        selling.add_tender(TenderKind.CASH, cheap.price_cents)
        selling.complete()
        sessions.close(ines, ClosingCount(count_cash({2000: 5})))  # far over: approved by Inès
        kinds = {"till_session_opened", "cash_movement", "till_session_closed"}
        ops = [
            {"op_id": item.op_id, "seq": item.seq, "kind": item.kind, "payload": item.payload}
            for item in outbox.pending(store.conn)
            if item.kind in kinds
        ]
    z_sent = ops[-1]["payload"]
    net = cheap.price_cents - dear.price_cents
    by_cashier = [c["total_cents"] for c in z_sent["by_cashier"]]
    assert by_cashier == [-dear.price_cents, cheap.price_cents]
    assert [v["total_cents"] for v in z_sent["by_vat"]] == [net]
    assert z_sent["refunds_by_tender"] == [
        {"tender": "cash", "payments": 1, "amount_cents": dear.price_cents}
    ]
    with central.client(central.enrol(LYON, terminal)) as client:
        results = push(client, LYON, terminal, ops)
    assert [r["status"] for r in results] == ["accepted", "accepted"], results
    view = central.admin("GET", f"/v1/admin/terminals/{LYON}/{terminal}/sessions").json()
    assert view["sessions"][0]["z_report"] == z_sent  # negatives and refunds, exactly
