"""The permission table: who holds which right, and who may approve what."""

from __future__ import annotations

import pytest

from pos.domain.rights import APPROVABLE, Actor, Approval, Right, RightRefused, Role, may, require

CASHIER = Actor("s-cam", "Camille", Role.CASHIER)
OTHER_CASHIER = Actor("s-jul", "Julien", Role.CASHIER)
MANAGER = Actor("s-ines", "Inès", Role.MANAGER)
ADMIN = Actor("s-adm", "Admin", Role.ADMIN)


def approved(asker: Actor, approver: Actor, right: Right) -> Approval:
    return Approval("a-1", right, asker, approver, "test", None, "2026-12-06T10:00:00.000Z")


def test_a_cashier_sells_but_may_not_cancel_a_sale_on_their_own() -> None:
    assert may(CASHIER, Right.SELL)
    with pytest.raises(RightRefused) as refused:
        require(CASHIER, Right.CANCEL_SALE)
    assert refused.value.code == "right_refused"
    assert refused.value.params == {"right": "cancel_sale", "approvable": True}


def test_a_manager_approves_what_a_cashier_lacks_but_not_a_cashier_nor_themself() -> None:
    assert may(CASHIER, Right.CANCEL_SALE, approved(CASHIER, MANAGER, Right.CANCEL_SALE))
    assert not may(CASHIER, Right.CANCEL_SALE, approved(CASHIER, OTHER_CASHIER, Right.CANCEL_SALE))
    assert not may(MANAGER, Right.STAFF_ADMIN, approved(MANAGER, MANAGER, Right.STAFF_ADMIN))


def test_an_approval_covers_only_its_own_act_and_asker() -> None:
    approval = approved(CASHIER, MANAGER, Right.TICKET_DISCOUNT)
    assert not may(CASHIER, Right.CANCEL_SALE, approval)
    assert not may(OTHER_CASHIER, Right.TICKET_DISCOUNT, approval)


def test_settings_and_staff_admin_cannot_be_approved_for_someone_else() -> None:
    assert Right.SETTINGS not in APPROVABLE and Right.STAFF_ADMIN not in APPROVABLE
    assert not may(CASHIER, Right.SETTINGS, approved(CASHIER, ADMIN, Right.SETTINGS))
    assert may(ADMIN, Right.STAFF_ADMIN) and not may(MANAGER, Right.STAFF_ADMIN)


def test_every_role_has_a_row_and_pickup_staff_may_not_touch_the_drawer() -> None:
    assert may(Actor("p", "Pia", Role.PICKUP), Right.PICKUP_DESK)
    assert not may(Actor("p", "Pia", Role.PICKUP), Right.DRAWER_WITHOUT_SALE)
    assert not may(Actor("p", "Pia", Role.PICKUP), Right.OPEN_TILL)
