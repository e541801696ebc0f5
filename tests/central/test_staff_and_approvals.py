"""The reference server's staff and approvals: staff set by the operator (PIN hashed,
never served), served per store by the ``staff`` feed in change order, deactivation
carried by the feed; approvals kept once by op id, from the terminal they name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from sync.contract.feeds import StaffPage
from sync.contract.pins import verify_pin
from tests.central.conftest import LYON, PARIS, pull_all, push
from tests.support.central_server import CentralServer

TERMINAL = "S1"


@pytest.fixture(scope="module")
def till(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, TERMINAL)) as client:
        yield client


def put(central: CentralServer, store: str, staff_id: str, **body: Any) -> httpx.Response:
    return central.admin("PUT", f"/v1/admin/stores/{store}/staff/{staff_id}", json=body)


def approval(approval_id: str, terminal: str = TERMINAL, **changes: Any) -> dict[str, Any]:
    payload = {
        "approval_id": approval_id, "terminal_id": terminal, "right": "cancel_sale",
        "asked_by": "camille", "asked_by_name": "Camille", "approved_by": "ines",
        "approved_by_name": "Inès", "what": "cancel 3 lines", "amount_cents": 2590,
        "at": "2026-03-02T09:00:00.000Z",
    } | changes  # fmt: skip
    return {"op_id": approval_id, "seq": 1, "kind": "approval", "payload": payload}


def test_staff_are_set_by_the_operator_and_served_by_the_feed(central, till) -> None:
    created = put(central, LYON, "ines", display_name="Inès", role="manager", pin="4321")
    assert created.status_code == 201
    assert verify_pin(created.json()["pin_hash"], "4321")
    assert put(central, LYON, "julien", display_name="Julien", role="admin").status_code == 400
    assert put(central, LYON, "x", display_name="X", role="boss", pin="1234").status_code == 400
    assert put(central, LYON, "x", display_name="X", role="cashier", pin="12").status_code == 400
    assert (
        put(central, "nowhere", "x", display_name="X", role="cashier", pin="1234").status_code
        == 404
    )
    put(central, LYON, "camille", display_name="Camille", role="cashier", pin="1111", badge="B1")
    clash = put(central, LYON, "lea", display_name="Léa", role="cashier", pin="2222", badge="B1")
    assert clash.status_code == 409
    put(central, PARIS, "marc", display_name="Marc", role="cashier", pin="3333")
    items, cursor = pull_all(till, LYON, "staff")
    assert [i["id"] for i in items] == ["ines", "camille"]  # this store's, in change order
    StaffPage.model_validate({"feed": "staff", "items": items, "next_cursor": cursor,
                              "has_more": False})  # fmt: skip
    # Renaming keeps the PIN; deactivating travels by the feed.
    renamed = put(central, LYON, "ines", display_name="Inès M.", role="manager")
    assert renamed.status_code == 200 and verify_pin(renamed.json()["pin_hash"], "4321")
    put(central, LYON, "camille", display_name="Camille", role="cashier", active=False)
    changed, _ = pull_all(till, LYON, "staff", cursor=cursor)
    assert [(i["id"], i["active"]) for i in changed] == [("ines", True), ("camille", False)]


def test_approvals_are_kept_once_from_their_terminal(central, till) -> None:
    first = push(till, LYON, TERMINAL, [approval("appr-1")])
    assert [r["status"] for r in first] == ["accepted"]
    assert [r["status"] for r in push(till, LYON, TERMINAL, [approval("appr-1")])] == ["duplicate"]
    reused = push(till, LYON, TERMINAL, [approval("appr-1", amount_cents=1)])
    assert reused[0]["code"] == "op_id_reused"
    other = push(till, LYON, TERMINAL, [approval("appr-2", terminal="T99")])
    assert other[0]["code"] == "wrong_terminal"
    mismatch = approval("appr-3")
    mismatch["op_id"] = "appr-x"
    assert push(till, LYON, TERMINAL, [mismatch])[0]["code"] == "invalid_payload"
    listed = central.admin("GET", f"/v1/admin/stores/{LYON}/approvals").json()["approvals"]
    assert [a["approval_id"] for a in listed] == ["appr-1"]


def test_an_approval_by_someone_central_does_not_know_as_a_manager_is_refused(
    central, till
) -> None:
    """A till's approval is checked against the store's staff central keeps: a cashier's
    PIN, or a name not on the staff, approves nothing (as the Medusa plugin does)."""
    put(central, LYON, "ines", display_name="Inès", role="manager", pin="4321")
    put(central, LYON, "paul", display_name="Paul", role="cashier", pin="1212")
    by_cashier = push(till, LYON, TERMINAL, [approval("appr-c", approved_by="paul")])
    by_stranger = push(till, LYON, TERMINAL, [approval("appr-s", approved_by="nobody")])
    by_manager = push(till, LYON, TERMINAL, [approval("appr-m")])
    assert [r.get("code") for r in (*by_cashier, *by_stranger)] == ["approver_lacks_right"] * 2
    assert "cashier" in by_cashier[0]["reason"]
    assert by_manager[0]["status"] == "accepted"
    listed = central.admin("GET", f"/v1/admin/stores/{LYON}/approvals").json()["approvals"]
    assert {"appr-c", "appr-s"}.isdisjoint(a["approval_id"] for a in listed)
