"""A real till's day (open on a float, a sale, cash out, Z) pushed to Medusa: Comptoir's
plugin keeps each terminal's sessions, cash movements and Z reports, once, and serves
them whole to the operator (the reference server's ``SessionsView``). A second Z for a
session and a record naming another terminal are refused as the reference server does.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from pos.domain.cash import count_cash
from pos.domain.rights import Actor, Role
from pos.domain.tenders import TenderKind
from pos.domain.till_day import ClosingCount
from pos.services.checkout import Checkout
from pos.services.till_session import TillSessions
from pos.store.local_store import LocalStore
from sync.contract.till_days import SessionsView
from sync.engine.engine import SyncEngine
from sync.medusa import MedusaBackend, MedusaSettings
from sync.ports import OutgoingOperation
from tests.medusa.helpers import orders_of_sale, settings_values
from tests.medusa.seed import MedusaAdmin, Seed

pytestmark = pytest.mark.medusa

NADIA = Actor("s-nad", "Nadia", Role.MANAGER)
DAY = ["till_session_opened", "cash_movement", "till_session_closed"]
KINDS = ["till_session_opened", "sale", "cash_movement", "till_session_closed"]


def backend_of(seed: Seed, state_dir: Path, terminal: str) -> MedusaBackend:
    settings = MedusaSettings.from_mapping(settings_values(seed), data_dir=state_dir)
    return MedusaBackend(settings, terminal_id=terminal)


def sessions_of(seed: Seed, terminal: str) -> httpx.Response:
    return httpx.get(
        f"{seed.base_url}/admin/comptoir/terminals/{terminal}/sessions",
        auth=(seed.secret_key, ""),
        timeout=30,
    )


def outbox_rows(db: Path) -> list[OutgoingOperation]:
    """The till's outbox as pushed (raw payload text), acknowledged or not, without the
    fiscal record's entries (``chain_entry``: the JET's events, the Z's closure), which
    travel beside the till day and are witnessed apart (``test_medusa_chains.py``)."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT op_id, seq, kind, payload FROM outbox WHERE kind <> 'chain_entry' ORDER BY seq"
        ).fetchall()
    return [OutgoingOperation(op_id, seq, kind, payload) for op_id, seq, kind, payload in rows]


def chain_entries(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM outbox WHERE kind = 'chain_entry'").fetchone()[0]


def a_day(db: Path, terminal: str) -> str:
    """Open on 150 €, sell a coffee (4,99 € paid 10 € cash), take 40 € to the bank, close
    counted 1 € short of the 114,99 € expected. Returns the sale's id."""
    with LocalStore(db) as store:
        till = TillSessions(store, terminal_id=terminal)
        till.open(NADIA, {5000: 2, 1000: 5})
        checkout = Checkout(store, terminal_id=terminal, actor=NADIA, session_gate=till)
        checkout.scan("3017620422003")  # CAFE-250, Medusa's price pulled into the till
        checkout.add_tender(TenderKind.CASH, 1000)
        sale = checkout.complete()
        checkout.close()
        till.cash_out(NADIA, 4000, "bank_deposit", "remise")
        till.close(NADIA, ClosingCount(count_cash({5000: 2, 1000: 1, 200: 2})))
        return sale.sale_id


def test_a_till_day_reaches_medusa_once_and_is_served_whole(
    seed: Seed, admin: MedusaAdmin, tmp_path: Path
) -> None:
    version = httpx.get(f"{seed.base_url}/admin/comptoir/version", auth=(seed.secret_key, ""))
    assert set(KINDS) <= set(version.json()["operations"])

    db = tmp_path / "store.db"
    backend = backend_of(seed, tmp_path, "TD1")
    engine = SyncEngine(db, backend, poll_interval_s=0)
    try:
        assert engine.sync_once().state == "idle"  # the catalog, pulled from Medusa
        sale_id = a_day(db, "TD1")
        ops = outbox_rows(db)
        assert [op.kind for op in ops] == KINDS
        status = engine.sync_once()
        assert (status.state, status.pending, status.rejected) == ("idle", 0, 0), status.last_error
        assert engine.totals.accepted == 4 + chain_entries(db)  # the entries witnessed too

        again = backend.push(ops)  # the same outbox sent again (an answer lost on the way)
        assert [o.status for o in again] == ["duplicate"] * 4
    finally:
        engine.close()
    assert [o["status"] for o in orders_of_sale(admin, sale_id)] == ["completed"]

    answer = sessions_of(seed, "TD1")
    assert answer.status_code == 200, answer.text
    view = SessionsView.model_validate(answer.json())  # the reference server's shape
    assert view.terminal_id == "TD1" and view.store_id == "paris-rivoli"
    [session] = answer.json()["sessions"]
    payloads = {op.kind: json.loads(op.payload_json) for op in ops}
    assert session["status"] == "closed"
    assert session["opened"] == payloads["till_session_opened"]
    assert session["movements"] == [payloads["cash_movement"]]
    assert session["z_report"] == payloads["till_session_closed"]  # the whole Z, as recorded
    z = session["z_report"]
    assert (z["sales_count"], z["sales_total_cents"], z["cash_out_cents"]) == (1, 499, 4000)
    cash = next(row for row in z["counted"] if row["tender"] == "cash")
    assert (cash["expected_cents"], cash["counted_cents"]) == (11499, 11400)


def test_a_second_z_is_a_conflict_and_another_terminals_record_is_refused(
    seed: Seed, tmp_path: Path
) -> None:
    db = tmp_path / "store.db"
    with LocalStore(db) as store:
        till = TillSessions(store, terminal_id="TD2")
        till.open(NADIA, {2000: 5})
        till.cash_in(NADIA, 500, "change_top_up")
        till.close(NADIA, ClosingCount(count_cash({2000: 5, 500: 1})))
    ops = outbox_rows(db)
    assert [op.kind for op in ops] == DAY
    with backend_of(seed, tmp_path, "TD2") as backend:
        assert [o.status for o in backend.push(ops)] == ["accepted"] * 3

        z = json.loads(ops[2].payload_json)
        other_z = copy.deepcopy(z)
        other_z["difference_cents"] = 0
        stolen = json.loads(ops[0].payload_json)
        stolen["session_id"], stolen["terminal_id"] = "someone-elses", "T99"
        refused = backend.push(
            [
                OutgoingOperation("z-other", 10, "till_session_closed", json.dumps(other_z)),
                OutgoingOperation("someone-elses", 11, "till_session_opened", json.dumps(stolen)),
            ]
        )
    assert [(o.status, o.code) for o in refused] == [
        ("rejected", "conflict"),
        ("rejected", "wrong_terminal"),
    ]
    assert "closes once" in refused[0].reason
    served = sessions_of(seed, "TD2").json()["sessions"]
    assert [s["session_id"] for s in served] == [z["session_id"]]  # nothing of T99's
    assert served[0]["z_report"] == z  # the first Z stands

    assert sessions_of(seed, "NEVER-SEEN").status_code == 404


def test_two_z_reports_sent_at_once_close_the_session_once(seed: Seed, tmp_path: Path) -> None:
    """Two different Z reports of one session reaching Medusa side by side (two requests,
    whichever comes first): one closes it, the other is a conflict, never both."""
    db = tmp_path / "store.db"
    with LocalStore(db) as store:
        till = TillSessions(store, terminal_id="TD3")
        till.open(NADIA, {1000: 3})
        till.close(NADIA, ClosingCount(count_cash({1000: 3})))
    opening, z_op = outbox_rows(db)
    z = json.loads(z_op.payload_json)
    rivals = []
    for number, difference in ((1, 0), (2, 500)):
        rival = {**z, "difference_cents": difference}
        rivals.append(OutgoingOperation(f"z-rival-{number}", 2, z_op.kind, json.dumps(rival)))
    for side in ("a", "b"):
        (tmp_path / side).mkdir()
    with (
        backend_of(seed, tmp_path / "a", "TD3") as first,
        backend_of(seed, tmp_path / "b", "TD3") as second,
    ):
        assert [o.status for o in first.push([opening])] == ["accepted"]
        with ThreadPoolExecutor(2) as pool:
            sent = [pool.submit(first.push, [rivals[0]]), pool.submit(second.push, [rivals[1]])]
            answers = [future.result()[0] for future in sent]
    verdicts = sorted((o.status, o.code) for o in answers)
    assert verdicts == [("accepted", ""), ("rejected", "conflict")]
    winner = rivals[0] if answers[0].status == "accepted" else rivals[1]
    [session] = sessions_of(seed, "TD3").json()["sessions"]
    assert session["z_report"] == json.loads(winner.payload_json)
