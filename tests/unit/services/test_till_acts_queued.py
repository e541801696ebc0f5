"""A cancelled sale (with its lines) and a drawer opened without a sale are queued for
central in the transaction that records them at the till, with the approval that allowed
them, in the contract's shape; a refused act queues nothing."""

from __future__ import annotations

from itertools import count

import pytest

from pos.domain.errors import PosError
from pos.domain.rights import Right, RightRefused, Role
from pos.services.approvals import Approvals
from pos.services.checkout import Checkout
from pos.services.staff import StaffDirectory
from pos.store import outbox
from pos.store.local_store import LocalStore
from sync.contract.till_acts import DrawerOpenedPayload, SaleCancelledPayload
from tests.support.staff import SteppedClock


@pytest.fixture
def people(store: LocalStore):
    directory = StaffDirectory(store, clock=SteppedClock())
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Camille", Role.CASHIER, "1111", staff_id="camille")
    directory.add(admin, "Inès", Role.MANAGER, "3333", staff_id="ines")
    ids = count(1)
    camille = Checkout(
        store, terminal_id="T01", actor=directory.member("camille").actor,
        clock=lambda: "2026-11-25T09:00:00.000Z", new_id=lambda: f"sale-{next(ids)}",
    )  # fmt: skip
    return camille, Approvals(directory, terminal_id="T01")


def queued(store: LocalStore, kind: str) -> list[outbox.OutboxItem]:
    return [item for item in outbox.pending(store.conn) if item.kind == kind]


def test_a_cancelled_sale_is_queued_with_its_lines_and_approval(store, people, demo_items):
    camille, approvals = people
    items = [i for i in demo_items if i.sold_by == "unit" and i.barcodes][:2]
    for item in items:
        camille.scan(item.barcodes[0])
    sale_id = camille.sale_id
    with pytest.raises(RightRefused):
        camille.cancel()
    assert queued(store, "sale_cancelled") == []  # refused: nothing recorded, nothing sent
    approval = approvals.approve(camille.actor, "ines", "3333", Right.CANCEL_SALE, "cancel")
    camille.cancel(approval)
    [op] = queued(store, "sale_cancelled")
    payload = SaleCancelledPayload.model_validate(op.payload)  # what central validates
    assert op.op_id == f"cancel-{sale_id}"
    assert (payload.sale_id, payload.terminal_id, payload.by.staff_id) == (
        sale_id, "T01", "camille",
    )  # fmt: skip
    assert payload.approval_id == approval.approval_id
    assert [(line.sku, line.quantity, line.net_cents) for line in payload.lines] == [
        (item.sku, 1, item.price_cents) for item in items
    ]
    assert payload.total_cents == sum(item.price_cents for item in items)
    camille.cancel()  # an empty basket: nothing to record, nothing queued
    assert len(queued(store, "sale_cancelled")) == 1


def test_a_drawer_opened_without_a_sale_is_queued_with_its_reason(store, people):
    camille, approvals = people
    camille.open_drawer("cash_sale", "sale-42")  # for a sale: recorded, not an act to send
    with pytest.raises(RightRefused):
        camille.open_drawer("change for the next till")
    approval = approvals.approve(camille.actor, "ines", "3333", Right.DRAWER_WITHOUT_SALE, "")
    with pytest.raises(PosError):
        camille.open_drawer("   ", approval=approval)  # no reason: refused, nothing queued
    assert queued(store, "drawer_opened") == []
    camille.open_drawer("  change for   the next till ", approval=approval)
    [op] = queued(store, "drawer_opened")
    payload = DrawerOpenedPayload.model_validate(op.payload)
    assert op.op_id == f"drawer-{payload.opening_id}"
    assert (payload.reason, payload.by.name, payload.approval_id) == (
        "change for the next till", "Camille", approval.approval_id,
    )  # fmt: skip
