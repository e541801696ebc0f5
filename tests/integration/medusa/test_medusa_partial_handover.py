"""A partial hand-over through Comptoir's plugin charges only what was handed over, and an
order placed where the store lacks stock shows its shortfall at the desk (issue 11)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos.store import pickup_orders
from pos.store.local_store import LocalStore
from sync.engine.engine import SyncEngine
from tests.integration.medusa.test_medusa_pickup_journey import held_for, placed
from tests.integration.medusa.test_medusa_pickups import order_in_feed, queued, transition
from tests.medusa.helpers import level_at
from tests.medusa.seed import place_pickup_order

pytestmark = pytest.mark.medusa

LINES = {"CAFE-250": 2, "CARNET-A5": 1, "STYLO-NOIR": 1}
GIVEN = [
    {"sku": "CAFE-250", "quantity": 2},
    {"sku": "CARNET-A5", "quantity": 1},
    {"sku": "STYLO-NOIR", "quantity": 0},
]


def cents(amount: object) -> int:
    return int((Decimal(str(amount or 0)) * 100).quantize(Decimal(1)))


def money(admin, order_id: str) -> dict:
    """What Medusa holds of the order's money, in cents."""
    fields = (
        "id,total,payment_status,*items,items.total,payment_collections.amount,"
        "payment_collections.captured_amount,payment_collections.refunded_amount,"
        "payment_collections.payments.id,payment_collections.payments.captures.amount,"
        "payment_collections.payments.refunds.amount"
    )
    order = admin.get(f"/admin/orders/{order_id}", fields=fields)["order"]
    payments = [p for c in order["payment_collections"] for p in c["payments"]]
    return {
        "status": order["payment_status"],
        "line_cents": {i["variant_sku"]: cents(i["total"]) for i in order["items"]},
        "asked": sum(cents(c["amount"]) for c in order["payment_collections"]),
        "captured": sum(cents(x["amount"]) for p in payments for x in p.get("captures") or []),
        "refunded": sum(cents(x["amount"]) for p in payments for x in p.get("refunds") or []),
        "captures": sum(len(p.get("captures") or []) for p in payments),
        "payment_ids": [p["id"] for p in payments],
    }


def ready_order(backend, admin, seed, tag: str):
    """A web order of three lines, paid online, prepared and made ready in full."""
    order_id = place_pickup_order(seed, LINES)
    placed(admin, order_id)
    seen = order_in_feed(backend, order_id)
    moves = queued(seen, [("preparing", f"{tag}-1"), ("ready", f"{tag}-2")])
    assert [o.status for o in backend.push(moves)] == ["accepted", "accepted"]
    return order_id, order_in_feed(backend, order_id)


def test_a_partial_handover_captures_only_the_lines_handed_over(backend, admin, seed):
    before = {sku: level_at(admin, seed, sku) for sku in LINES}
    order_id, ready = ready_order(backend, admin, seed, "ph")
    handover = transition(ready, "partially_collected", "ph-3", lines=GIVEN)

    outcome = backend.push([handover])[0]

    assert (outcome.status, outcome.code) == ("accepted", "")
    paid = money(admin, order_id)
    value = paid["line_cents"]["CAFE-250"] + paid["line_cents"]["CARNET-A5"]  # shipping: 0
    assert paid["captured"] == value, paid  # not the whole order's
    assert (paid["asked"], paid["refunded"], paid["status"]) == (value, 0, "captured")
    assert order_in_feed(backend, order_id).collected_total_cents == value
    assert held_for(admin, order_id) == []  # the pen's reservation released
    for sku, taken in (("CAFE-250", 2), ("CARNET-A5", 1), ("STYLO-NOIR", 0)):
        after = level_at(admin, seed, sku)
        assert after["stocked"] == before[sku]["stocked"] - taken, sku
        assert after["reserved"] == before[sku]["reserved"], sku

    again = backend.push([handover])[0]

    assert again.status == "duplicate"
    assert money(admin, order_id) == paid  # nothing captured twice


def test_a_payment_captured_in_full_beforehand_is_refunded_what_was_not_handed_over(
    backend, admin, seed
):
    order_id, ready = ready_order(backend, admin, seed, "pr")
    for payment_id in money(admin, order_id)["payment_ids"]:
        admin.post(f"/admin/payments/{payment_id}/capture", {})  # an auto-capturing shop
    whole = money(admin, order_id)
    handover = transition(ready, "partially_collected", "pr-3", lines=GIVEN)

    outcome = backend.push([handover])[0]

    assert (outcome.status, outcome.code) == ("accepted", "")
    paid = money(admin, order_id)
    value = paid["line_cents"]["CAFE-250"] + paid["line_cents"]["CARNET-A5"]
    assert paid["captured"] == whole["captured"] == sum(whole["line_cents"].values())
    assert paid["refunded"] == paid["line_cents"]["STYLO-NOIR"]
    assert paid["captured"] - paid["refunded"] == value
    assert [o.status for o in backend.push([handover])] == ["duplicate"]
    assert money(admin, order_id)["refunded"] == paid["refunded"]  # refunded once


def test_an_order_short_at_this_store_shows_its_short_lines_at_the_desk(
    make_backend, admin, seed, tmp_path
):
    """Lyon has no blue cup: the order is kept with the cup flagged missing, and the
    till's own pickup order (pulled by its engine into SQLite) says so on that line."""
    lyon = seed.other_location_id
    order_id = place_pickup_order(
        seed, {"TASSE-BLEUE": 1, "CAFE-250": 2}, option_id=seed.other_pickup_option_id
    )
    placed(admin, order_id)
    desk = make_backend(stock_location_id=lyon, terminal_id="L03")
    db = tmp_path / "lyon.db"
    engine = SyncEngine(db, desk, poll_interval_s=0)
    status = engine.sync_once()
    engine.close()
    assert status.state == "idle", status.last_error

    with LocalStore(db) as store:
        order = pickup_orders.get(store.conn, order_id)

    assert order is not None
    assert {line.sku: line.short_quantity for line in order.lines} == {
        "TASSE-BLEUE": 1,
        "CAFE-250": 0,
    }
