"""Web click-and-collect orders at the store: prepared, handed over, or cancelled."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from sync.medusa.sales import payload_text
from sync.ports import CentralRejected, OutgoingOperation
from tests.medusa.helpers import (
    catalog_by_sku,
    level_at,
    orders_of_sale,
    pull_all,
    sale_operation,
)
from tests.medusa.seed import place_pickup_order

pytestmark = pytest.mark.medusa


def reservations_of(admin, seed, order_id: str) -> list[dict]:
    order = admin.get(f"/admin/orders/{order_id}", fields="id,*items")["order"]
    lines = {item["id"] for item in order["items"]}
    found = admin.get("/admin/reservations", location_id=seed.location_id, limit=1000)
    return [r for r in found["reservations"] if r.get("line_item_id") in lines]


def status_in_feed(backend, order_id: str, cursor=None) -> tuple[str | None, str]:
    items, cursor = pull_all(backend, "pickups", cursor)
    states = [item.state for item in items if item.id == order_id]
    return (states[-1] if states else None), cursor


def order_in_feed(backend, order_id: str):
    items, _ = pull_all(backend, "pickups")
    return [item for item in items if item.id == order_id][-1]


def transition(order, to_state: str, op_id: str, **changes) -> OutgoingOperation:
    payload = {
        "order_id": order.id,
        "from_state": order.state,
        "to_state": to_state,
        "expected_version": order.version,
        "staff": "Alice",
        "at": "2026-11-25T10:00:00.000Z",
        **changes,
    }
    return OutgoingOperation(op_id, 1, "pickup_transition", payload_text(payload))


def test_a_pickup_order_is_prepared_then_handed_over(backend, admin, seed):
    order_id = seed.pickup_order_id
    before = level_at(admin, seed, "TASSE-BLEUE")
    assert reservations_of(admin, seed, order_id)  # the web order holds stock here
    status, cursor = status_in_feed(backend, order_id)
    assert status == "received"

    backend.move_pickup(order_id, "preparing", op_id="move-1")
    backend.move_pickup(order_id, "ready", op_id="move-2")
    assert status_in_feed(backend, order_id, cursor)[0] == "ready"
    backend.move_pickup(order_id, "collected", op_id="move-3")
    backend.move_pickup(order_id, "collected", op_id="move-3")  # a retried move: harmless

    assert status_in_feed(backend, order_id, cursor)[0] == "collected"
    assert reservations_of(admin, seed, order_id) == []  # consumed by the fulfilment
    after = level_at(admin, seed, "TASSE-BLEUE")
    assert after["stocked"] == before["stocked"] - 1
    assert after["reserved"] == before["reserved"] - 1
    order = admin.get(f"/admin/orders/{order_id}", fields="id,status")["order"]
    assert order["status"] == "completed"
    with pytest.raises(CentralRejected) as refused:
        backend.move_pickup(order_id, "ready", op_id="move-4")
    assert refused.value.code == "illegal_transition"


def test_a_cancelled_pickup_order_releases_its_stock(backend, admin, seed):
    before = level_at(admin, seed, "CARNET-A5")
    order_id = place_pickup_order(seed, {"CARNET-A5": 3})
    assert level_at(admin, seed, "CARNET-A5")["reserved"] == before["reserved"] + 3

    backend.move_pickup(order_id, "cancelled", op_id="cancel-1")
    backend.move_pickup(order_id, "cancelled", op_id="cancel-1")

    assert reservations_of(admin, seed, order_id) == []
    after = level_at(admin, seed, "CARNET-A5")
    assert (after["stocked"], after["reserved"]) == (before["stocked"], before["reserved"])
    assert status_in_feed(backend, order_id)[0] == "cancelled"


def test_another_stores_pickup_is_not_ours(backend, seed):
    order_id = place_pickup_order(seed, {"CAFE-250": 1}, option_id=seed.other_pickup_option_id)

    assert status_in_feed(backend, order_id)[0] is None
    with pytest.raises(CentralRejected):
        backend.move_pickup(order_id, "ready", op_id="other-1")


def test_our_own_till_sales_are_not_pickups(backend, admin, seed):
    _, cursor = pull_all(backend, "pickups")
    item = catalog_by_sku(backend)["STYLO-NOIR"]
    assert backend.push([sale_operation("S-T01-notpickup-1", [(item, 1)])])[0].status == "accepted"
    (order,) = orders_of_sale(admin, "S-T01-notpickup-1")

    items, _ = pull_all(backend, "pickups", cursor)

    assert order["id"] not in {item.id for item in items}


def test_the_feed_serves_contract_pickup_orders(backend, seed):
    order_id = place_pickup_order(seed, {"THE-VERT-100": 2, "CAFE-250": 1})

    order = order_in_feed(backend, order_id)

    assert (order.state, order.version, order.store_id) == ("received", 1, "paris-rivoli")
    assert order.paid and order.customer.name == "Claire Martin"
    lines = {line.sku: line for line in order.lines}
    assert (lines["THE-VERT-100"].unit_price_cents, lines["THE-VERT-100"].total_cents) == (299, 598)
    assert order.total_cents == 598 + 499
    assert order.qr_text == f"CMPT-PU:{order_id}:{order.pickup_code}"


def test_pushed_transitions_check_the_version_the_desk_saw(backend, admin, seed):
    order_id = place_pickup_order(seed, {"STYLO-NOIR": 2})
    seen = order_in_feed(backend, order_id)

    preparing = transition(seen, "preparing", "desk-A-1")
    assert backend.push([preparing])[0].status == "accepted"
    assert backend.push([preparing])[0].status == "duplicate"
    stale = backend.push([transition(seen, "preparing", "desk-B-1")])[0]
    assert (stale.status, stale.code) == ("rejected", "conflict")

    now = order_in_feed(backend, order_id)
    assert (now.state, now.version) == ("preparing", 2)
    too_many = transition(now, "ready", "desk-A-2", lines=[{"sku": "STYLO-NOIR", "quantity": 3}])
    assert backend.push([too_many])[0].code == "invalid_lines"
    assert backend.push([transition(now, "ready", "desk-A-3")])[0].status == "accepted"
    ready = order_in_feed(backend, order_id)
    handed = backend.push([transition(ready, "collected", "desk-A-4")])[0]
    assert handed.status == "accepted"
    assert order_in_feed(backend, order_id).state == "collected"
    assert reservations_of(admin, seed, order_id) == []


def queued(order, moves: list[tuple[str, str]]) -> list[OutgoingOperation]:
    """Moves made at the desk between two syncs: each from the state and version the one
    before it left, as the desk lays its own moves over the pulled order."""
    operations, state, version = [], order.state, order.version
    for seq, (to_state, op_id) in enumerate(moves, start=1):
        here = SimpleNamespace(id=order.id, state=state, version=version)
        operations.append(replace(transition(here, to_state, op_id), seq=seq))
        state, version = to_state, version + 1
    return operations


def test_three_desk_moves_queued_offline_go_through_in_one_push(backend, admin, seed):
    """Issue 11: prepare, ready and handover sent in one batch used to run side by side,
    each reading the order before the one before it wrote: refused, order left preparing."""
    order_id = place_pickup_order(seed, {"THE-VERT-100": 1})
    seen = order_in_feed(backend, order_id)
    batch = queued(seen, [("preparing", "q-1"), ("ready", "q-2"), ("collected", "q-3")])

    outcomes = backend.push(batch)

    assert [(o.status, o.code) for o in outcomes] == [("accepted", "")] * 3
    assert order_in_feed(backend, order_id).state == "collected"
    assert reservations_of(admin, seed, order_id) == []
    assert admin.get(f"/admin/orders/{order_id}", fields="id,status")["order"]["status"] == (
        "completed"
    )


def test_prepare_then_cancel_queued_offline_release_the_stock(backend, admin, seed):
    before = level_at(admin, seed, "CAFE-250")
    order_id = place_pickup_order(seed, {"CAFE-250": 2})
    seen = order_in_feed(backend, order_id)
    batch = queued(seen, [("preparing", "qc-1"), ("cancelled", "qc-2")])

    outcomes = backend.push(batch)

    assert [o.status for o in outcomes] == ["accepted", "accepted"]
    assert order_in_feed(backend, order_id).state == "cancelled"
    assert reservations_of(admin, seed, order_id) == []
    after = level_at(admin, seed, "CAFE-250")
    assert (after["stocked"], after["reserved"]) == (before["stocked"], before["reserved"])
