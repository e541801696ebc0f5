"""The till's stock movements applied to Medusa through Comptoir's plugin, exactly once.

Medusa keeps stock as absolute levels; the till sends deltas with a reason. The plugin
applies each delta at the till's location, records the movement's op id in the same
PostgreSQL transaction as the level change, so a re-sent movement, or one whose answer
was lost when Medusa died right after the change, never moves the level twice.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

import httpx
import pytest

from pos.services.stock_desk import StockDesk
from pos.store import outbox, stock_levels
from pos.store.local_store import LocalStore
from pos.store.sale_codec import canonical_json
from sync.engine.engine import SyncEngine
from sync.ports import CentralUnavailable, OutgoingOperation
from tests.medusa.exact_sales import WEIGHED_SKU, add_products
from tests.medusa.helpers import DroppingTransport, NoPluginTransport, catalog_by_sku, level_at
from tests.medusa.seed import MedusaAdmin, Seed
from tests.support.medusa_peer import CRASH_AFTER_MOVEMENT
from tests.support.staff import a_manager

pytestmark = pytest.mark.medusa

#: The till's movements of the first test: (op id, sku, delta, reason).
MOVES = (
    ("mv-receive-carnets", "CARNET-A5", 12, "receipt"),
    ("mv-broken-tasse", "TASSE-BLEUE", -1, "breakage"),
    ("mv-count-stylos", "STYLO-NOIR", -3, "count"),
)


def movement(op_id: str, item: Any, delta: int, reason: str) -> OutgoingOperation:
    payload = {"product_id": item.id, "sku": item.sku, "delta": delta, "reason": reason}
    return OutgoingOperation(op_id, 1, "stock_movement", canonical_json(payload))


def levels(admin: MedusaAdmin, seed: Seed, skus: list[str]) -> dict[tuple[str, str], int]:
    """stocked quantity of each sku at both locations."""
    return {
        (sku, where): level_at(admin, seed, sku, location)["stocked"]
        for sku in skus
        for where, location in (("paris", seed.location_id), ("lyon", seed.other_location_id))
    }


def plugin_batch(seed: Seed, operations: list[dict]) -> list[dict]:
    answer = httpx.post(
        f"{seed.base_url}/admin/comptoir/operations",
        auth=(seed.secret_key, ""),
        json={
            "terminal_id": "T01",
            "sales_channel_id": seed.pos_sales_channel_id,
            "stock_location_id": seed.location_id,
            "region_id": seed.region_id,
            "operations": operations,
        },
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["outcomes"]


def test_movements_queued_offline_move_medusa_once_and_the_till_sees_the_levels(
    make_backend, admin, seed, tmp_path
):
    net = DroppingTransport()
    backend = make_backend(transport=net)
    db = tmp_path / "store.db"
    engine = SyncEngine(db, backend, poll_interval_s=0)
    assert engine.sync_once().state == "idle"
    skus = [sku for _, sku, _, _ in MOVES]
    before = levels(admin, seed, skus)

    net.drop(lambda request: True, after=False, times=10**6)  # the shop's line is down
    with LocalStore(db) as store:
        ids = dict(store.conn.execute("SELECT sku, id FROM products").fetchall())
        with store.conn:
            for op_id, sku, delta, reason in MOVES:
                payload = {"product_id": ids[sku], "sku": sku, "delta": delta, "reason": reason}
                outbox.enqueue(store.conn, op_id, "stock_movement", payload)
                store.conn.execute(
                    "INSERT INTO stock_movements (product_id, delta, reason, ref, created_at) "
                    "VALUES (?, ?, ?, ?, '2026-12-06T10:00:00.000Z')",
                    (ids[sku], delta, reason, op_id),
                )
    offline = engine.sync_once()
    assert (offline.state, offline.pending) == ("offline", 3)

    net.rules.clear()
    status = engine.sync_once()
    engine.close()

    assert (status.state, status.pending, status.rejected) == ("idle", 0, 0), status.last_error
    after = levels(admin, seed, skus)
    for _, sku, delta, _ in MOVES:
        assert after[sku, "paris"] == before[sku, "paris"] + delta
        assert after[sku, "lyon"] == before[sku, "lyon"]  # no other location touched
    with LocalStore(db) as store:  # the stock feed brought the new levels to the till
        for _, sku, _, _ in MOVES:
            shown = stock_levels.level(store.conn, ids[sku])
            assert (shown.central_on_hand, shown.unsynced_delta) == (after[sku, "paris"], 0)
            assert shown.on_hand == after[sku, "paris"]  # counted once, not twice

    catalog = catalog_by_sku(backend)
    again = backend.push([movement(o, catalog[s], d, r) for o, s, d, r in MOVES])
    assert [o.status for o in again] == ["duplicate"] * 3
    assert levels(admin, seed, skus) == after


def test_a_movement_cut_by_medusa_dying_after_the_level_moved_is_not_applied_twice(
    medusa_peer, make_backend, admin, seed
):
    backend = make_backend()
    catalog = catalog_by_sku(backend)
    before = level_at(admin, seed, "THE-VERT-100")["stocked"]
    cut = movement(f"{CRASH_AFTER_MOVEMENT}receipt-1", catalog["THE-VERT-100"], 24, "receipt")

    with pytest.raises(CentralUnavailable):  # Medusa died under the call
        backend.push([cut])
    medusa_peer.restart_medusa()
    moved = level_at(admin, seed, "THE-VERT-100")["stocked"]
    assert moved == before + 24  # the change had committed before the kill

    # the ledger's claim belongs to the dead Medusa: taken over once its beat is silent
    deadline = time.monotonic() + 60
    while True:
        try:
            [outcome] = backend.push([cut])
            break
        except CentralUnavailable:
            assert time.monotonic() < deadline
            time.sleep(2.0)

    assert outcome.status == "accepted"
    assert level_at(admin, seed, "THE-VERT-100")["stocked"] == before + 24  # not +48
    [again] = backend.push([cut])
    assert again.status == "duplicate"
    assert level_at(admin, seed, "THE-VERT-100")["stocked"] == before + 24


def test_implausible_or_unknown_movements_are_refused_with_their_code(make_backend, admin, seed):
    add_products(admin, seed)  # a cheese sold by weight: its stock counts grams
    backend = make_backend()
    catalog = catalog_by_sku(backend)
    cheese, stylo = catalog[WEIGHED_SKU], catalog["STYLO-NOIR"]
    cheese_before = level_at(admin, seed, WEIGHED_SKU)["stocked"]
    stylo_before = level_at(admin, seed, "STYLO-NOIR")["stocked"]

    outcomes = backend.push(
        [
            movement("mv-too-many-stylos", stylo, 10_001, "receipt"),
            movement("mv-cheese-wheel", cheese, 25_000, "receipt"),  # 25 kg, in grams
        ]
    )

    assert [(o.status, o.code) for o in outcomes] == [
        ("rejected", "implausible_quantity"),
        ("accepted", ""),
    ]
    assert "beyond 10,000 units" in outcomes[0].reason
    assert level_at(admin, seed, "STYLO-NOIR")["stocked"] == stylo_before
    assert level_at(admin, seed, WEIGHED_SKU)["stocked"] == cheese_before + 25_000

    # the plugin checks what a till might send without the adapter's own checks
    variant = seed.variants["STYLO-NOIR"]["id"]
    unmanaged = _unmanaged_variant(admin)
    raw = plugin_batch(
        seed,
        [
            _raw("mv-raw-reason", variant, "STYLO-NOIR", 1, "gift"),
            _raw("mv-raw-unknown", "variant_nope", "NOPE-1", 1, "receipt"),
            _raw("mv-raw-sku", variant, "CAFE-250", 1, "receipt"),
            _raw("mv-raw-unmanaged", unmanaged, "COMPTOIR-SERVICE", 1, "receipt"),
        ],
    )
    assert [(o["status"], o["code"]) for o in raw] == [
        ("rejected", "invalid_payload"),
        ("rejected", "unknown_product"),
        ("rejected", "unknown_product"),
        ("rejected", "not_stocked"),
    ]
    assert "reason" in raw[0]["reason"]
    assert "variant_nope" in raw[1]["reason"]
    assert "does not keep stock" in raw[3]["reason"]
    assert level_at(admin, seed, "STYLO-NOIR")["stocked"] == stylo_before


def test_a_level_missing_at_our_location_is_created_by_the_movement(admin, seed):
    product = admin.post(
        "/admin/products",
        {
            "title": "Carte postale",
            "status": "published",
            "options": [{"title": "Modèle", "values": ["Rivoli"]}],
            "variants": [
                {
                    "title": "Rivoli",
                    "sku": "CARTE-RIVOLI",
                    "manage_inventory": True,
                    "options": {"Modèle": "Rivoli"},
                    "prices": [{"currency_code": "eur", "amount": 1.5}],
                }
            ],
        },
    )["product"]
    variant = product["variants"][0]["id"]

    [outcome] = plugin_batch(seed, [_raw("mv-new-level", variant, "CARTE-RIVOLI", 5, "receipt")])

    assert outcome["status"] == "accepted", outcome
    [level] = outcome["levels"]
    assert (level["location_id"], level["stocked_quantity"]) == (seed.location_id, 5)
    item = admin.get("/admin/product-variants", id=variant, fields="id,inventory_items.*")
    item_id = item["variants"][0]["inventory_items"][0]["inventory_item_id"]
    found = admin.get(f"/admin/inventory-items/{item_id}/location-levels")["inventory_levels"]
    assert [(lv["location_id"], lv["stocked_quantity"]) for lv in found] == [(seed.location_id, 5)]


def test_without_the_plugin_a_movement_is_refused_with_its_sentence_with_it_applied(
    make_backend, admin, seed
):
    without = make_backend(transport=NoPluginTransport())
    item = catalog_by_sku(without)["CAFE-250"]
    before = level_at(admin, seed, "CAFE-250")["stocked"]

    [refused] = without.push([movement("mv-no-plugin", item, 5, "receipt")])

    assert (refused.status, refused.code) == ("rejected", "not_supported")
    assert refused.reason == (
        "stock_movement operations are not sent to Medusa: it keeps stock as absolute "
        "counts; record the movement in Medusa's admin."
    )
    assert level_at(admin, seed, "CAFE-250")["stocked"] == before

    [applied] = make_backend().push([movement("mv-with-plugin", item, 5, "receipt")])
    assert (applied.status, applied.code) == ("accepted", "")
    assert level_at(admin, seed, "CAFE-250")["stocked"] == before + 5


def _raw(op_id: str, variant: str, sku: str, delta: int, reason: str) -> dict:
    payload = {"variant_id": variant, "sku": sku, "delta": delta, "reason": reason}
    return {"op_id": op_id, "kind": "stock_movement", "lane": op_id, "payload": payload}


def _unmanaged_variant(admin: MedusaAdmin) -> str:
    with contextlib.suppress(StopIteration):
        found = admin.get("/admin/product-variants", sku="COMPTOIR-SERVICE")["variants"]
        return next(iter(found))["id"]
    product = admin.post(
        "/admin/products",
        {
            "title": "Emballage cadeau",
            "status": "published",
            "options": [{"title": "Type", "values": ["Standard"]}],
            "variants": [
                {
                    "title": "Standard",
                    "sku": "COMPTOIR-SERVICE",
                    "manage_inventory": False,
                    "options": {"Type": "Standard"},
                    "prices": [{"currency_code": "eur", "amount": 2.0}],
                }
            ],
        },
    )["product"]
    return product["variants"][0]["id"]


#: Adjustments from the stock screen (issue 16): (sku, reason, quantity, delta).
ADJUSTMENTS = (
    ("CARNET-A5", "found", 2, 2),
    ("TASSE-BLEUE", "sample", 1, -1),
    ("STYLO-NOIR", "own_use", 1, -1),
    ("CARNET-A5", "damage", 1, -1),
)


def test_stock_screen_adjustments_move_this_locations_levels_only(
    make_backend, admin, seed, tmp_path
):
    """The new reasons, with their author and time, through the real service and engine:
    the plugin of this version accepts them; Medusa's other location is untouched."""
    backend = make_backend()
    db = tmp_path / "store.db"
    engine = SyncEngine(db, backend, poll_interval_s=0)
    assert engine.sync_once().state == "idle"
    skus = sorted({sku for sku, _, _, _ in ADJUSTMENTS})
    before = levels(admin, seed, skus)
    with LocalStore(db) as store:
        desk = StockDesk(store)
        for sku, reason, quantity, _ in ADJUSTMENTS:
            product = store.catalog.by_sku(sku)
            desk.adjust(a_manager("Ines"), product.id, reason, quantity, "rayon B")
    status = engine.sync_once()
    engine.close()

    assert (status.state, status.pending, status.rejected) == ("idle", 0, 0), status.last_error
    after = levels(admin, seed, skus)
    for sku in skus:
        moved = sum(delta for s, _, _, delta in ADJUSTMENTS if s == sku)
        assert after[sku, "paris"] == before[sku, "paris"] + moved
        assert after[sku, "lyon"] == before[sku, "lyon"]
    with LocalStore(db) as store:
        for sku in skus:
            shown = stock_levels.level(store.conn, store.catalog.by_sku(sku).id)
            assert (shown.on_hand, shown.unsynced_delta) == (after[sku, "paris"], 0)
