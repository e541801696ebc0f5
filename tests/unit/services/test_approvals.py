"""Manager approvals through the service: PIN-checked, refused for a cashier or oneself,
recorded append-only and queued for central in one transaction."""

from __future__ import annotations

import sqlite3

import pytest

from pos.domain.errors import PosError
from pos.domain.rights import Right, Role, may
from pos.services.approvals import Approvals
from pos.services.staff import StaffDirectory
from pos.store import outbox
from sync.contract.staff import ApprovalPayload
from tests.support.staff import SteppedClock


@pytest.fixture
def people(store):
    directory = StaffDirectory(store, clock=SteppedClock())
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Camille", Role.CASHIER, "1234", staff_id="camille", badge="B-1")
    directory.add(admin, "Julien", Role.CASHIER, "5678", staff_id="julien")
    directory.add(admin, "Inès", Role.MANAGER, "4321", staff_id="ines", badge="B-9")
    approvals = Approvals(directory, terminal_id="T01", new_id=lambda: "appr-1")
    return directory, approvals, directory.member("camille").actor


def test_a_manager_approves_with_badge_and_pin_recorded_and_queued(people, store):
    _directory, approvals, camille = people
    approval = approvals.approve(camille, "B-9", "4321", Right.CANCEL_SALE, "cancel 3 lines", 2590)
    assert approval.approved_by.staff_id == "ines" and approval.asked_by == camille
    assert may(camille, Right.CANCEL_SALE, approval)
    assert not may(camille, Right.TICKET_DISCOUNT, approval)  # it covers one right only
    [row] = approvals.recorded()
    assert (row.right, row.asked_by, row.approved_by, row.amount_cents) == (
        "cancel_sale", "camille", "ines", 2590,
    )  # fmt: skip
    # Beside it, the JET's entries go to central as ``chain_entry`` operations.
    [queued] = [op for op in outbox.pending(store.conn) if op.kind != "chain_entry"]
    assert (queued.op_id, queued.kind) == ("appr-1", "approval")
    ApprovalPayload.model_validate(queued.payload)  # what central will validate
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("DELETE FROM approval")


def test_a_cashier_cannot_approve(people, store):
    _directory, approvals, camille = people
    with pytest.raises(PosError) as caught:
        approvals.approve(camille, "julien", "5678", Right.CANCEL_SALE, "cancel")
    assert caught.value.code == "approver_lacks_right"
    assert approvals.recorded() == [] and outbox.pending(store.conn) == []


def test_nobody_approves_themself(people):
    directory, approvals, _camille = people
    ines = directory.member("ines").actor
    with pytest.raises(PosError) as caught:
        approvals.approve(ines, "B-9", "4321", Right.CANCEL_SALE, "cancel")
    assert caught.value.code == "self_approval"


def test_the_approver_pin_has_the_same_lockout(people):
    _directory, approvals, camille = people
    codes = []
    for _ in range(5):
        with pytest.raises(PosError) as caught:
            approvals.approve(camille, "ines", "0000", Right.TICKET_DISCOUNT, "10 € off", 1000)
        codes.append(caught.value.code)
    assert codes == ["wrong_pin"] * 4 + ["account_locked"]
    with pytest.raises(PosError, match="locked"):
        approvals.approve(camille, "ines", "4321", Right.TICKET_DISCOUNT, "10 € off", 1000)
    assert approvals.recorded() == []


def test_staff_admin_cannot_be_approved(people):
    _directory, approvals, camille = people
    with pytest.raises(PosError) as caught:
        approvals.approve(camille, "ines", "4321", Right.STAFF_ADMIN, "add someone")
    assert caught.value.code == "not_approvable"
