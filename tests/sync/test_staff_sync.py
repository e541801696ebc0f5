"""Staff from the reference server to the till and approvals back, over real HTTP:
the operator sets staff with PINs (hashed at once), the till pulls the ``staff`` feed
and signs them in offline; a deactivation travels by the feed; an approval made at the
till is pushed once and kept by central."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.domain.rights import Right
from pos.services.approvals import Approvals
from pos.services.staff import StaffDirectory
from tests.support.central_server import CentralServer
from tests.sync.conftest import STORE
from tests.sync.terminals import open_terminal


@pytest.fixture
def small_central(tmp_path: Path):
    with CentralServer(tmp_path / "central.db", products=20) as server:
        yield server


def put_staff(central: CentralServer, staff_id: str, **body) -> dict:
    response = central.admin("PUT", f"/v1/admin/stores/{STORE}/staff/{staff_id}", json=body)
    assert response.status_code in (200, 201), response.text
    return response.json()


def test_staff_come_from_central_and_approvals_go_back(small_central, tmp_path):
    central = small_central
    ines = put_staff(central, "ines", display_name="Inès", role="manager", pin="48157326")
    assert ines["pin_hash"].startswith("$argon2id$") and "pin" not in ines
    put_staff(central, "camille", display_name="Camille", role="cashier", pin="1111", badge="B-3")
    missing_pin = central.admin(
        "PUT",
        f"/v1/admin/stores/{STORE}/staff/nopin",
        json={"display_name": "X", "role": "cashier"},
    )
    assert missing_pin.status_code == 400
    till = open_terminal(tmp_path / "t01", central)
    try:
        status = till.sync()
        assert status.state != "error", status.last_error
        assert till.engine.totals.pulled.get("staff") == 2
        with till.store() as store:
            directory = StaffDirectory(store)
            assert [m.display_name for m in directory.list_active()] == ["Camille", "Inès"]
            camille = directory.sign_in("B-3", "1111")
            approval = Approvals(directory, terminal_id="T01").approve(
                camille, "ines", "48157326", Right.CANCEL_SALE, "cancel 2 lines", 1290
            )
        till.sync()
        listed = central.admin("GET", f"/v1/admin/stores/{STORE}/approvals").json()["approvals"]
        assert [(a["approval_id"], a["asked_by"], a["approved_by"], a["amount_cents"])
                for a in listed] == [(approval.approval_id, "camille", "ines", 1290)]  # fmt: skip
        put_staff(central, "camille", display_name="Camille", role="cashier", active=False)
        till.sync()
        with till.store() as store, pytest.raises(PosError) as caught:
            StaffDirectory(store).sign_in("camille", "1111")  # cached, deactivated by the feed
        assert caught.value.code == "account_inactive"
    finally:
        till.close()
    assert b"48157326" not in Path(central.db_path).read_bytes()
