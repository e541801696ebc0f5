"""Other stores' stock, deliveries and transfers over a real Medusa (issue 16).

* the live lookup reads an article's levels at every stock location, each named as the
  store it is (this store's own id, the others' from their names or metadata, the web
  warehouse from the settings), through the same port the reference server's lookup
  uses, so the till's service keeps the figures as it does for central;
* a ``delivery_received`` raises the level at this store's location only, by what went
  on the shelf (damaged units not stocked); a ``transfer_sent`` lowers it there only;
  both exactly once (a resend answers ``duplicate`` and moves nothing).
"""

from __future__ import annotations

from typing import Any

import pytest

from pos.services.other_stores import OtherStores
from pos.store.local_store import LocalStore
from sync.contract.deliveries import DeliveryReceivedPayload, TransferSentPayload
from sync.ports import CentralRejected, OutgoingOperation
from tests.medusa.helpers import catalog_by_sku, level_at
from tests.medusa.seed import MedusaAdmin, Seed

pytestmark = pytest.mark.medusa

AT = "2026-12-06T10:00:00.000Z"


def both_levels(admin: MedusaAdmin, seed: Seed, sku: str) -> tuple[int, int]:
    """(stocked here in Paris, stocked in Lyon)."""
    here = level_at(admin, seed, sku)["stocked"]
    return here, level_at(admin, seed, sku, seed.other_location_id)["stocked"]


def warehouse(admin: MedusaAdmin, seed: Seed, sku: str, stocked: int) -> str:
    """A web warehouse location (made once per session) holding ``stocked`` of ``sku``."""
    found = admin.get("/admin/stock-locations", name="Entrepôt web", fields="id")
    if found["stock_locations"]:
        location = found["stock_locations"][0]["id"]
    else:
        created = admin.post("/admin/stock-locations", {"name": "Entrepôt web"})
        location = created["stock_location"]["id"]
    item = seed.inventory_items[sku]
    levels = admin.get(f"/admin/inventory-items/{item}/location-levels", location_id=location)
    if levels["inventory_levels"]:
        admin.post(
            f"/admin/inventory-items/{item}/location-levels/{location}",
            {"stocked_quantity": stocked},
        )
    else:
        admin.post(
            f"/admin/inventory-items/{item}/location-levels",
            {"location_id": location, "stocked_quantity": stocked},
        )
    return location


def operation(op_id: str, kind: str, payload: Any) -> OutgoingOperation:
    return OutgoingOperation(op_id, 1, kind, payload.model_dump_json())


def test_the_live_lookup_names_every_location_with_its_levels(make_backend, admin, seed, tmp_path):
    store_at = warehouse(admin, seed, "CARNET-A5", 500)
    backend = make_backend(web_warehouse_location_id=store_at)
    carnet = catalog_by_sku(backend)["CARNET-A5"]
    here, lyon = both_levels(admin, seed, "CARNET-A5")

    found = backend.network_stock(carnet.id)

    by_id = {x.store_id: x for x in found.locations}
    assert found.sku == "CARNET-A5" and found.product_id == carnet.id
    assert (by_id["paris-rivoli"].on_hand, by_id["paris-rivoli"].kind) == (here, "store")
    assert (by_id["lyon-bellecour"].on_hand, by_id["lyon-bellecour"].name) == (
        lyon,
        "Lyon Bellecour",
    )
    web = by_id["entrepot-web"]
    # a customer order of another test may hold units there: Medusa's own figure counts
    held = level_at(admin, seed, "CARNET-A5", store_at)["reserved"]
    assert (web.kind, web.on_hand, web.available) == ("warehouse", 500, 500 - held)

    # the till's service over the same port: the others' figures, kept for offline
    db = tmp_path / "store.db"
    LocalStore(db).close()
    view = OtherStores(db, "paris-rivoli", backend).lookup(carnet.id)
    assert view.live and not view.unsupported
    assert {x.store_id: x.on_hand for x in view.locations} == {
        "lyon-bellecour": lyon,
        "entrepot-web": 500,
    }
    kept = OtherStores(db, "paris-rivoli", None).cached(carnet.id)
    assert {x.store_id for x in kept.locations} == {"lyon-bellecour", "entrepot-web"}

    with pytest.raises(CentralRejected):  # an article Medusa never sent this till
        backend.network_stock(4_000_000_000)


def test_a_received_delivery_raises_this_store_s_level_only_once(make_backend, admin, seed):
    backend = make_backend()
    catalog = catalog_by_sku(backend)
    cafe, tasse = catalog["CAFE-250"], catalog["TASSE-BLEUE"]
    cafe_before, tasse_before = (
        both_levels(admin, seed, "CAFE-250"),
        both_levels(admin, seed, "TASSE-BLEUE"),
    )
    receipt = DeliveryReceivedPayload.model_validate(
        {
            "delivery_id": "BL-2026-0042",
            "lines": [
                {"product_id": cafe.id, "sku": cafe.sku, "expected": 0, "received": 12},
                {
                    "product_id": tasse.id,
                    "sku": tasse.sku,
                    "expected": 0,
                    "received": 4,
                    "damaged": 2,
                },
            ],
            "staff_id": "mgr-1",
            "at": AT,
        }
    )
    op = operation("rcv-medusa-1", "delivery_received", receipt)

    [outcome] = backend.push([op])

    assert (outcome.status, outcome.code) == ("accepted", ""), outcome.reason
    assert both_levels(admin, seed, "CAFE-250") == (cafe_before[0] + 12, cafe_before[1])
    assert both_levels(admin, seed, "TASSE-BLEUE") == (tasse_before[0] + 4, tasse_before[1])
    [again] = backend.push([op])
    assert again.status == "duplicate"
    assert both_levels(admin, seed, "CAFE-250") == (cafe_before[0] + 12, cafe_before[1])


def test_a_sent_transfer_lowers_this_store_s_level_only_once(make_backend, admin, seed):
    backend = make_backend()
    stylo = catalog_by_sku(backend)["STYLO-NOIR"]
    before = both_levels(admin, seed, "STYLO-NOIR")
    transfer = TransferSentPayload.model_validate(
        {
            "transfer_id": "tr-medusa-1",
            "to_store_id": "lyon-bellecour",
            "lines": [{"product_id": stylo.id, "sku": stylo.sku, "quantity": 5}],
            "staff_id": "mgr-1",
            "at": AT,
        }
    )
    op = operation("trf-medusa-1", "transfer_sent", transfer)

    outcomes = backend.push([op, OutgoingOperation("trf-medusa-2", 2, op.kind, op.payload_json)])

    assert [o.status for o in outcomes] == ["accepted", "accepted"]
    assert both_levels(admin, seed, "STYLO-NOIR") == (before[0] - 10, before[1])
    assert [o.status for o in backend.push([op])] == ["duplicate"]
    assert both_levels(admin, seed, "STYLO-NOIR") == (before[0] - 10, before[1])
