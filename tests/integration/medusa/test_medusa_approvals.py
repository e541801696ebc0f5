"""A till day with managers' approvals, queued offline and sent in ONE sync to Medusa:
Comptoir's plugin keeps the approvals append-only (who asked, who approved, which right,
how much), links each to the cancelled sale, cash movement or Z report that used it,
keeps the cancelled sale with its lines and the drawer opened without a sale, answers a
replay ``duplicate`` and refuses an approval by someone its staff module knows as a
cashier (``approver_lacks_right``), which the till then lists as set aside. The same
queue pushed to the reference server is kept the same, field by field, where both keep
it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from pytestqt.qtbot import QtBot

from pos.domain.cash import count_cash
from pos.domain.errors import PosError
from pos.domain.rights import Approval, Right, RightRefused
from pos.domain.tenders import TenderKind
from pos.domain.till_day import ClosingCount
from pos.services.approvals import Approvals
from pos.services.checkout import Checkout
from pos.services.outbox_review import OutboxReview
from pos.services.staff import StaffDirectory
from pos.services.till_session import TillSessions
from pos.store.local_store import LocalStore
from pos.ui.dialogs import attention_texts
from pos.ui.dialogs.outbox_dialog import OutboxDialog
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication
from sync.engine.engine import SyncEngine
from sync.medusa import MedusaBackend, MedusaSettings
from sync.ports import OutgoingOperation
from tests.medusa.helpers import psql, settings_values
from tests.medusa.seed import Seed
from tests.support.central_server import CentralServer
from tests.support.medusa_peer import MedusaPeer

pytestmark = pytest.mark.medusa

TERMINAL = "TL1"
STORE = "paris-rivoli"  # the reference server's demo store; Medusa's location slug too
HASHER = PasswordHasher()
#: Medusa's staff (the plugin's module): two cashiers and a manager of this store.
MEDUSA_STAFF = (("l-camille", "Camille", "cashier", "1111"),
                ("l-julien", "Julien", "cashier", "2222"),
                ("l-ines", "Inès", "manager", "3333"))  # fmt: skip


@dataclass(frozen=True)
class Day:
    cancel: Approval  # a manager's approval of a cancelled sale
    cash_out: Approval
    drawer: Approval  # given by Julien, a manager only in the till's stale local list
    z: Approval
    session_id: str
    movement_id: str
    cancelled_sale_id: str


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=10) as server:
        yield server


@pytest.fixture(scope="module")
def medusa_staff(seed: Seed) -> Seed:
    """Medusa's staff for this module's tills, added once by the admin route."""
    for staff_id, name, role, pin in MEDUSA_STAFF:
        member = {"id": staff_id, "display_name": name, "role": role, "language": "fr",
                  "pin_hash": HASHER.hash(pin), "location_id": seed.location_id}  # fmt: skip
        answer = admin_call(seed, "POST", "/admin/comptoir/staff", member)
        assert answer.status_code == 201, answer.text
    return seed


def admin_call(seed: Seed, method: str, path: str, body: Any = None) -> httpx.Response:
    return httpx.request(
        method, f"{seed.base_url}{path}", json=body, auth=(seed.secret_key, ""), timeout=30
    )


def local_staff(store: LocalStore) -> None:
    """The till set up by hand before it was linked: its first administrator added the
    team, Julien by mistake as a manager (Medusa knows him as a cashier)."""
    directory = StaffDirectory(store)
    boss = directory.create_first_admin("Patron", "0000")
    for staff_id, name, role, pin in MEDUSA_STAFF:
        local_role = "manager" if staff_id == "l-julien" else role
        directory.add(boss, name, local_role, pin, staff_id=staff_id)


def a_day_offline(store: LocalStore, directory: StaffDirectory) -> Day:
    """Camille signs in, opens on 100 €, a manager approves her cancelling a basket, she
    sells a coffee (4,99 € cash), takes 40 € to the bank with Inès's approval, opens the
    drawer with Julien's, and closes 9,99 € short with Inès's approval of the difference."""
    camille = directory.sign_in("l-camille", "1111")
    approvals = Approvals(directory, terminal_id=TERMINAL)
    till = TillSessions(store, terminal_id=TERMINAL)
    session = till.open(camille, {2000: 5})
    checkout = Checkout(store, terminal_id=TERMINAL, actor=camille, session_gate=till)
    checkout.scan("3017620422003")  # CAFE-250 at 4,99 €, Medusa's price pulled
    cancelled_sale_id = checkout.sale_id
    with pytest.raises(RightRefused):
        checkout.cancel()
    cancel = approvals.approve(camille, "l-ines", "3333", Right.CANCEL_SALE, "cancel 1 line", 499)
    checkout.cancel(approval=cancel)
    checkout.scan("3017620422003")
    checkout.add_tender(TenderKind.CASH, 1000)
    checkout.complete()
    cash_out = approvals.approve(
        camille, "l-ines", "3333", Right.CASH_IN_OUT, "cash out 40,00 € to the bank", 4000
    )
    moved = till.cash_out(camille, 4000, "bank_deposit", "remise", approval=cash_out)
    drawer = approvals.approve(
        camille, "l-julien", "2222", Right.DRAWER_WITHOUT_SALE, "change for the baker"
    )
    checkout.open_drawer("change for the baker", approval=drawer)
    checkout.close()
    count = ClosingCount(count_cash({2000: 2, 1000: 1, 500: 1}))  # 55 €, 64,99 € expected
    with pytest.raises(PosError) as needs:
        till.close(camille, count)
    assert needs.value.code == "difference_needs_approval"
    z = approvals.approve(
        camille, "l-ines", "3333", Right.CLOSE_WITH_DIFFERENCE, "Z 9,99 € short", 999
    )
    till.close(camille, count, approval=z)
    return Day(
        cancel, cash_out, drawer, z, session.session_id, moved.movement_id, cancelled_sale_id
    )


def outbox_rows(db: Path) -> list[OutgoingOperation]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT op_id, seq, kind, payload FROM outbox ORDER BY seq").fetchall()
    return [OutgoingOperation(*row) for row in rows]


def test_a_till_days_approvals_reach_medusa_once_linked_and_a_cashiers_is_refused(
    medusa_staff: Seed, central: CentralServer, tmp_path: Path, qtbot: QtBot, qapp: QApplication
) -> None:
    seed = medusa_staff
    db = tmp_path / "store.db"
    settings = MedusaSettings.from_mapping(settings_values(seed), data_dir=tmp_path)
    backend = MedusaBackend(settings, terminal_id=TERMINAL)
    with LocalStore(db) as store:
        local_staff(store)
    setup = SyncEngine(db, backend, feeds=("catalog",), poll_interval_s=0)
    assert setup.sync_once().state == "idle"  # the catalog, before the day
    setup.close()

    with LocalStore(db) as store:  # the day, offline: nothing leaves the till
        day = a_day_offline(store, StaffDirectory(store))
    queued = outbox_rows(db)
    # The fiscal record's entries (the JET's events, the Z's closure) travel beside them.
    ops = [op for op in queued if op.kind != "chain_entry"]
    entries = len(queued) - len(ops)
    assert entries > 0
    assert [op.kind for op in ops] == [
        "till_session_opened", "approval", "sale_cancelled", "sale", "approval",
        "cash_movement", "approval", "drawer_opened", "approval", "till_session_closed",
    ]  # fmt: skip

    engine = SyncEngine(db, backend, poll_interval_s=0)
    try:
        status = engine.sync_once()  # ONE sync: the whole day
        assert (status.pending, status.rejected) == (0, 1), status.last_error
        assert engine.totals.accepted == 9 + entries  # each entry witnessed by the plugin
        replay = backend.push(ops)  # the same batch again: nothing changes
    finally:
        engine.close()
    verdicts = {o.op_id: (o.status, o.code) for o in replay}
    assert verdicts.pop(day.drawer.approval_id) == ("rejected", "approver_lacks_right")
    assert set(verdicts.values()) == {("duplicate", "")}

    # The till lists the refused approval with the plugin's code and reason.
    [refused] = OutboxReview(tmp_path, TERMINAL).list().set_aside
    assert (refused.op_id, refused.kind, refused.code) == (
        day.drawer.approval_id, "approval", "approver_lacks_right",
    )  # fmt: skip
    assert "Julien (l-julien) is a cashier" in refused.reason
    install_translations(qapp, "fr")
    dialog = OutboxDialog(OutboxReview(tmp_path, TERMINAL))  # "Opérations à vérifier…"
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.last is not None, timeout=10_000)
    dialog.show_filter("to_check")
    [row] = dialog.model.rows
    shown = [attention_texts.kind(row.kind), row.code, attention_texts.reason(row)]
    assert shown[:2] == ["Validation d'un responsable", "approver_lacks_right"]
    assert "n'est ni responsable ni administrateur de ce magasin" in shown[2]
    with LocalStore(db) as store:  # and has learnt Julien's role from Medusa's staff feed
        assert StaffDirectory(store).member("l-julien").role.value == "cashier"

    answer = admin_call(seed, "GET", f"/admin/comptoir/terminals/{TERMINAL}/approvals")
    assert answer.status_code == 200, answer.text
    kept = {a["approval_id"]: a for a in answer.json()["approvals"]}
    assert list(kept) == [day.cancel.approval_id, day.cash_out.approval_id, day.z.approval_id]
    facts = [(a["right"], a["asked_by"], a["approved_by"], a["approved_by_name"],
              a["amount_cents"]) for a in kept.values()]  # fmt: skip
    assert facts == [
        ("cancel_sale", "l-camille", "l-ines", "Inès", 499),
        ("cash_in_out", "l-camille", "l-ines", "Inès", 4000),
        ("close_with_difference", "l-camille", "l-ines", "Inès", 999),
    ]
    assert [a["used_by"] for a in kept.values()] == [
        [{"kind": "sale_cancelled", "sale_id": day.cancelled_sale_id}],
        [{"kind": "cash_movement", "session_id": day.session_id,
          "movement_id": day.movement_id}],
        [{"kind": "till_session_closed", "session_id": day.session_id}],
    ]  # fmt: skip
    payloads = {op.op_id: json.loads(op.payload_json) for op in ops}
    for approval_id, served in kept.items():
        assert {k: v for k, v in served.items() if k != "used_by"} == payloads[approval_id]

    sessions = admin_call(seed, "GET", f"/admin/comptoir/terminals/{TERMINAL}/sessions").json()
    [session] = sessions["sessions"]
    assert session["movements"][0]["approval_id"] == day.cash_out.approval_id
    assert session["z_report"]["approval_id"] == day.z.approval_id
    assert session["z_report"]["difference_cents"] == 999
    unknown = admin_call(seed, "GET", "/admin/comptoir/terminals/NEVER-SEEN/approvals")
    assert unknown.status_code == 404
    acts = admin_call(seed, "GET", f"/admin/comptoir/terminals/{TERMINAL}/till-acts").json()
    by_kind = {op.kind: payloads[op.op_id] for op in ops}
    assert acts["cancelled_sales"] == [by_kind["sale_cancelled"]]  # with its lines
    assert acts["drawer_openings"] == [by_kind["drawer_opened"]]
    [line] = acts["cancelled_sales"][0]["lines"]
    assert (line["sku"], line["quantity"], line["net_cents"]) == ("CAFE-250", 1, 499)
    assert acts["cancelled_sales"][0]["approval_id"] == day.cancel.approval_id
    assert acts["drawer_openings"][0]["reason"] == "change for the baker"

    # The reference server, sent the same queue, keeps the same records.
    with central.client(central.enrol(STORE, TERMINAL)) as till:
        body = {"operations": [
            {"op_id": op.op_id, "seq": op.seq, "kind": op.kind, "payload": payloads[op.op_id]}
            for op in ops
        ]}  # fmt: skip
        pushed = till.post(f"/v1/stores/{STORE}/terminals/{TERMINAL}/operations", json=body)
        assert pushed.status_code == 200, pushed.text
    theirs = central.admin("GET", f"/v1/admin/stores/{STORE}/approvals").json()["approvals"]
    by_id = {a["approval_id"]: a for a in theirs}
    # Central files the cashier's approval too: it does not check the approver's role.
    assert set(by_id) == {a.approval_id for a in (day.cancel, day.cash_out, day.drawer, day.z)}
    for approval_id, served in kept.items():
        assert {k: v for k, v in served.items() if k != "used_by"} == by_id[approval_id]
    their_sessions = central.admin("GET", f"/v1/admin/terminals/{STORE}/{TERMINAL}/sessions").json()
    [their_session] = their_sessions["sessions"]
    for field in ("session_id", "status", "opened", "movements", "z_report"):
        assert session[field] == their_session[field], field
    their_acts = central.admin("GET", f"/v1/admin/terminals/{STORE}/{TERMINAL}/till-acts").json()
    for field in ("cancelled_sales", "drawer_openings"):
        assert acts[field] == their_acts[field], field


def test_approvals_are_append_only_in_medusas_database(
    medusa_staff: Seed, medusa_peer: MedusaPeer, tmp_path: Path
) -> None:
    """Not even the plugin's own generated update or delete can rewrite an approval."""
    payload = {
        "approval_id": "appr-ao-1", "terminal_id": "TL2", "right": "cancel_sale",
        "asked_by": "l-camille", "asked_by_name": "Camille", "approved_by": "l-ines",
        "approved_by_name": "Inès", "what": "cancel 2 lines", "amount_cents": 1250,
        "at": "2026-03-02T09:00:00.000Z",
    }  # fmt: skip
    op = OutgoingOperation("appr-ao-1", 1, "approval", json.dumps(payload))
    settings = MedusaSettings.from_mapping(settings_values(medusa_staff), data_dir=tmp_path)
    with MedusaBackend(settings, terminal_id="TL2") as backend:
        assert [o.status for o in backend.push([op])] == ["accepted"]
    where = "where approval_id = 'appr-ao-1'"
    for statement in (f"update comptoir_approval set approved_by = 'x' {where}",
                      f"delete from comptoir_approval {where}"):  # fmt: skip
        with pytest.raises(subprocess.CalledProcessError) as refused:
            psql(medusa_peer, statement)
        assert "append-only" in refused.value.stderr
    assert psql(medusa_peer, f"select approved_by from comptoir_approval {where}") == [["l-ines"]]
