"""The pickup journey through Comptoir's plugin (issue 11): moves applied inside Medusa
with a version check, partial preparation and hand-over, stock held and taken at the
pickup store only, a random pickup code, and expiry of no-shows."""

from __future__ import annotations

import hashlib
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from sync.contract.codes import CODE_ALPHABET, normalize_code
from tests.integration.medusa.test_medusa_pickups import (
    order_in_feed,
    queued,
    transition,
)
from tests.medusa.helpers import ensure_stock, level_at
from tests.medusa.seed import place_pickup_order

pytestmark = pytest.mark.medusa

PLACED_WITHIN_S = 60.0  # a generous bound on Medusa's event bus; never a sleep to pass


def placed(admin, order_id: str) -> dict:
    """The order once the plugin's ``order.placed`` subscriber gave it its pickup code
    (the event is delivered after the web shop's call returns)."""
    deadline = time.monotonic() + PLACED_WITHIN_S
    while True:
        order = admin.get(f"/admin/orders/{order_id}", fields="id,status,metadata")["order"]
        if (order.get("metadata") or {}).get("comptoir_pickup_code"):
            return order
        assert time.monotonic() < deadline, f"order {order_id} never got a pickup code"
        time.sleep(0.2)


def held_for(admin, order_id: str) -> list[dict]:
    """The order's reservations at any location."""
    order = admin.get(f"/admin/orders/{order_id}", fields="id,*items")["order"]
    lines = {item["id"] for item in order["items"]}
    found = admin.get("/admin/reservations", limit=1000)["reservations"]
    return [r for r in found if r.get("line_item_id") in lines]


def _held_at(admin, seed, sku: str, location: str, *, besides: str) -> dict[str, int]:
    """Units of ``sku`` reserved at ``location`` by line item, other orders' only."""
    mine = {
        item["id"]
        for item in admin.get(f"/admin/orders/{besides}", fields="id,*items")["order"]["items"]
    }
    found = admin.get(
        "/admin/reservations",
        location_id=location,
        inventory_item_id=seed.inventory_items[sku],
        limit=1000,
    )["reservations"]
    return {
        r["line_item_id"]: int(r["quantity"])
        for r in found
        if r.get("line_item_id") and r["line_item_id"] not in mine
    }


def derived_code(order_id: str) -> str:
    """The code the adapter used to derive from the order id (anyone could compute it)."""
    number = int.from_bytes(hashlib.sha256(order_id.encode()).digest()[:5], "big")
    symbols = "".join(CODE_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(8)))
    return f"{symbols[:4]}-{symbols[4:]}"


def order_row(admin, order_id: str) -> dict:
    fields = "id,status,payment_status,metadata"
    return admin.get(f"/admin/orders/{order_id}", fields=fields)["order"]


def test_prepare_ready_handover_queued_offline_completes_and_captures(backend, admin, seed):
    before = {sku: level_at(admin, seed, sku) for sku in ("THE-VERT-100", "CARNET-A5")}
    order_id = place_pickup_order(seed, {"THE-VERT-100": 1, "CARNET-A5": 2})
    placed(admin, order_id)
    seen = order_in_feed(backend, order_id)
    batch = queued(seen, [("preparing", "j-1"), ("ready", "j-2"), ("collected", "j-3")])

    outcomes = backend.push(batch)

    assert [(o.status, o.code) for o in outcomes] == [("accepted", "")] * 3
    order = order_row(admin, order_id)
    assert (order["status"], order["payment_status"]) == ("completed", "captured")
    assert held_for(admin, order_id) == []
    for sku, qty in (("THE-VERT-100", 1), ("CARNET-A5", 2)):
        after = level_at(admin, seed, sku)
        assert after["stocked"] == before[sku]["stocked"] - qty  # taken here, at Paris
        assert after["reserved"] == before[sku]["reserved"]
    feed = order_in_feed(backend, order_id)
    assert (feed.state, feed.version) == ("collected", 4)
    assert [o.status for o in backend.push(batch)] == ["duplicate"] * 3


def test_prepare_then_cancel_queued_offline_releases_the_stock(backend, admin, seed):
    before = level_at(admin, seed, "CAFE-250")
    order_id = place_pickup_order(seed, {"CAFE-250": 2})
    placed(admin, order_id)
    seen = order_in_feed(backend, order_id)

    outcomes = backend.push(queued(seen, [("preparing", "jc-1"), ("cancelled", "jc-2")]))

    assert [o.status for o in outcomes] == ["accepted", "accepted"]
    assert order_row(admin, order_id)["status"] == "canceled"
    assert held_for(admin, order_id) == []
    after = level_at(admin, seed, "CAFE-250")
    assert (after["stocked"], after["reserved"]) == (before["stocked"], before["reserved"])
    assert order_in_feed(backend, order_id).state == "cancelled"


def test_a_stale_move_is_refused_with_conflict_even_from_two_batches_at_once(
    make_backend, admin, seed
):
    order_id = place_pickup_order(seed, {"STYLO-NOIR": 1})
    placed(admin, order_id)
    desks = [make_backend(terminal_id="T01"), make_backend(terminal_id="T02")]
    seen = order_in_feed(desks[0], order_id)
    moves = [transition(seen, "preparing", f"race-{n}") for n in (1, 2)]

    with ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(lambda n: desks[n].push([moves[n]])[0], (0, 1)))

    assert sorted(o.status for o in outcomes) == ["accepted", "rejected"]
    refused = next(o for o in outcomes if o.status == "rejected")
    assert refused.code == "conflict"
    assert "version 2" in refused.reason
    assert order_in_feed(desks[0], order_id).version == 2
    late = desks[1].push([transition(seen, "cancelled", "race-3")])[0]
    assert (late.status, late.code) == ("rejected", "conflict")


def test_partial_preparation_then_partial_handover(backend, admin, seed):
    before = {sku: level_at(admin, seed, sku) for sku in ("CAFE-250", "STYLO-NOIR")}
    order_id = place_pickup_order(seed, {"CAFE-250": 3, "STYLO-NOIR": 2})
    placed(admin, order_id)
    seen = order_in_feed(backend, order_id)
    assert backend.push([transition(seen, "preparing", "p-1")])[0].status == "accepted"
    preparing = order_in_feed(backend, order_id)

    picked = [{"sku": "CAFE-250", "quantity": 2}, {"sku": "STYLO-NOIR", "quantity": 2}]
    ready = backend.push([transition(preparing, "ready", "p-2", lines=picked)])[0]

    assert (ready.status, ready.code) == ("accepted", "")
    assert level_at(admin, seed, "CAFE-250")["reserved"] == before["CAFE-250"]["reserved"] + 2
    now = order_in_feed(backend, order_id)
    assert now.partial and now.state == "ready"
    assert {line.sku: line.picked_quantity for line in now.lines} == {
        "CAFE-250": 2,
        "STYLO-NOIR": 2,
    }
    given = [{"sku": "CAFE-250", "quantity": 1}, {"sku": "STYLO-NOIR", "quantity": 2}]
    whole = backend.push([transition(now, "collected", "p-3", lines=given)])[0]
    assert (whole.status, whole.code) == ("rejected", "invalid_lines")
    handed = backend.push([transition(now, "partially_collected", "p-4", lines=given)])[0]

    assert (handed.status, handed.code) == ("accepted", "")
    done = order_in_feed(backend, order_id)
    assert done.state == "partially_collected"
    assert {line.sku: line.collected_quantity for line in done.lines} == {
        "CAFE-250": 1,
        "STYLO-NOIR": 2,
    }
    assert held_for(admin, order_id) == []
    for sku, taken in (("CAFE-250", 1), ("STYLO-NOIR", 2)):
        after = level_at(admin, seed, sku)
        assert after["stocked"] == before[sku]["stocked"] - taken
        assert after["reserved"] == before[sku]["reserved"]
    assert order_row(admin, order_id)["payment_status"] == "captured"


def test_a_pickup_at_a_store_without_the_stock_never_takes_it_below_zero(make_backend, admin, seed):
    """Lyon has no blue cup, Paris has 8: Medusa reserved the Lyon order's cup at Paris.
    The rule: the order is kept, reserved at Lyon for what Lyon has (nothing), Paris's
    reservation released, and the shortfall flagged; Lyon hands over only what it holds."""
    lyon = seed.other_location_id
    # Lyon holds the coffee, whatever orders earlier tests of the session placed there
    ensure_stock(admin, seed, "CAFE-250", 2, lyon)
    paris_before = level_at(admin, seed, "TASSE-BLEUE")
    cafe_lyon_before = level_at(admin, seed, "CAFE-250", lyon)
    order_id = place_pickup_order(
        seed, {"TASSE-BLEUE": 1, "CAFE-250": 2}, option_id=seed.other_pickup_option_id
    )

    order = placed(admin, order_id)

    assert level_at(admin, seed, "TASSE-BLEUE") == paris_before  # Paris keeps its cups
    assert level_at(admin, seed, "TASSE-BLEUE", lyon)["reserved"] == 0
    assert {r["location_id"] for r in held_for(admin, order_id)} == {lyon}
    assert order["metadata"]["comptoir_stock_short"] == {"TASSE-BLEUE": 1}
    desk = make_backend(stock_location_id=lyon, terminal_id="L01")
    seen = order_in_feed(desk, order_id)
    assert desk.push([transition(seen, "preparing", "ly-1")])[0].status == "accepted"
    preparing = order_in_feed(desk, order_id)
    everything = desk.push([transition(preparing, "ready", "ly-2")])[0]
    assert (everything.status, everything.code) == ("rejected", "insufficient_stock")
    held = [{"sku": "TASSE-BLEUE", "quantity": 0}, {"sku": "CAFE-250", "quantity": 2}]
    assert desk.push([transition(preparing, "ready", "ly-3", lines=held)])[0].status == ("accepted")
    ready = order_in_feed(desk, order_id)
    assert desk.push([transition(ready, "collected", "ly-4")])[0].status == "accepted"

    cup = level_at(admin, seed, "TASSE-BLEUE", lyon)
    assert (cup["stocked"], cup["reserved"]) == (0, 0)
    assert level_at(admin, seed, "TASSE-BLEUE") == paris_before
    cafe = level_at(admin, seed, "CAFE-250", lyon)
    assert cafe["stocked"] == cafe_lyon_before["stocked"] - 2 >= 0


def test_the_pickup_code_is_random_not_derived_from_the_order_id(backend, admin, seed):
    ids = [place_pickup_order(seed, {"STYLO-NOIR": 1}) for _ in range(2)]

    given = [placed(admin, order_id)["metadata"] for order_id in ids]

    codes = [order_in_feed(backend, order_id).pickup_code for order_id in ids]
    assert codes[0] != codes[1]
    for order_id, code, metadata in zip(ids, codes, given, strict=True):
        assert code != derived_code(order_id)
        assert normalize_code(code) == code == metadata["comptoir_pickup_code"]
        assert order_in_feed(backend, order_id).qr_text == f"CMPT-PU:{order_id}:{code}"


def test_expiry_releases_a_no_show_orders_stock(make_backend, admin, seed):
    lyon = seed.other_location_id
    before = level_at(admin, seed, "CARNET-A5", lyon)
    order_id = place_pickup_order(seed, {"CARNET-A5": 2}, option_id=seed.other_pickup_option_id)
    placed(admin, order_id)
    assert level_at(admin, seed, "CARNET-A5", lyon)["reserved"] == before["reserved"] + 2
    desk = make_backend(stock_location_id=lyon, terminal_id="L02")
    seen = order_in_feed(desk, order_id)
    expire = f"{seed.base_url}/admin/comptoir/pickups/expire"
    created = order_row(admin, order_id)
    soon = httpx.post(
        expire,
        auth=(seed.secret_key, ""),
        json={"now": "2000-01-01T00:00:00Z", "location_id": lyon},
    )
    assert soon.status_code == 200 and order_id not in str(soon.json()["expired"])

    # Every no-show order at Lyon expires, other tests' too (one Medusa per run): what
    # the others held of this article is read now, to tell their release from ours.
    others = _held_at(admin, seed, "CARNET-A5", lyon, besides=order_id)
    later = httpx.post(
        expire,
        auth=(seed.secret_key, ""),
        json={"now": "2099-01-01T00:00:00Z", "location_id": lyon},
    )

    assert later.status_code == 200, later.text
    expired = {e["order_id"]: e for e in later.json()["expired"]}
    assert expired[order_id]["from_state"] == "received"
    assert order_row(admin, order_id)["status"] == "canceled"
    assert created["metadata"]["comptoir_pickup_code"]
    after = level_at(admin, seed, "CARNET-A5", lyon)
    still = _held_at(admin, seed, "CARNET-A5", lyon, besides=order_id)
    others_released = sum(units for line, units in others.items() if line not in still)
    assert (after["stocked"], after["reserved"]) == (
        before["stocked"],
        before["reserved"] - others_released,
    )
    assert held_for(admin, order_id) == []
    fed = order_in_feed(desk, order_id)
    assert (fed.state, fed.version, fed.history[-1].channel) == ("expired", 2, "central")
    late = desk.push([transition(seen, "preparing", "late-1")])[0]
    assert (late.status, late.code) == ("rejected", "conflict")


def test_a_handover_cut_short_inside_medusa_is_finished_not_redone(backend, admin, seed):
    """Medusa stopped after the move's first step (state and version written, nothing
    fulfilled): the same move sent again finishes it, once."""
    before = level_at(admin, seed, "STYLO-NOIR")
    order_id = place_pickup_order(seed, {"STYLO-NOIR": 1})
    placed(admin, order_id)
    seen = order_in_feed(backend, order_id)
    moves = queued(seen, [("preparing", "cut-1"), ("ready", "cut-2"), ("collected", "cut-3")])
    assert [o.status for o in backend.push(moves[:2])] == ["accepted", "accepted"]
    order = admin.get(f"/admin/orders/{order_id}", fields="id,metadata,*items")["order"]
    first_step = {
        **order["metadata"],
        "comptoir_pickup_state": "collected",
        "comptoir_version": 4,
        "comptoir_op": "cut-3",
        "comptoir_collected": {order["items"][0]["id"]: 1},
    }
    admin.post(f"/admin/orders/{order_id}", {"metadata": first_step})

    outcome = backend.push([moves[2]])[0]

    assert (outcome.status, outcome.code) == ("accepted", "")
    row = order_row(admin, order_id)
    assert (row["status"], row["payment_status"]) == ("completed", "captured")
    assert held_for(admin, order_id) == []
    after = level_at(admin, seed, "STYLO-NOIR")
    assert (after["stocked"], after["reserved"]) == (before["stocked"] - 1, before["reserved"])
