"""Orders a till places for a customer over a real Medusa (issue 16, the endless aisle).

* for pickup at another store: the till's service keeps the request and the adapter
  makes a Medusa order with the customer, the POS channel and that store's pickup
  option; Comptoir's plugin gives it its code and reserves at that store; the same
  request again answers the same order (one in Medusa); the same id with another request
  is refused;
* a connection cut after a step Medusa did: the retry finishes that order, never a
  second one;
* for home delivery: shipped from the web warehouse with its delivery option, the
  address on the order, the delivery fee in Medusa's total, reserved at the warehouse.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from pos.domain.errors import PosError
from pos.services.other_stores import ORDER_NEEDS_NETWORK, Address, OtherStores
from pos.store.local_store import LocalStore
from sync.contract.network import CustomerOrderRequest
from sync.ports import CentralRejected
from tests.medusa.helpers import DroppingTransport, catalog_by_sku, ensure_stock
from tests.medusa.seed import MedusaAdmin, Seed
from tests.support.staff import a_cashier

pytestmark = pytest.mark.medusa

DELIVERY_FEE_CENTS = 490
ORDER_FIELDS = (
    "id,customer_id,sales_channel_id,metadata,total,items.id,items.quantity,"
    "shipping_methods.shipping_option_id,shipping_address.address_1,"
    "shipping_address.postal_code,shipping_address.city"
)


def orders_of(admin: MedusaAdmin, seed: Seed, order_id: str) -> list[dict[str, Any]]:
    """The customer's Medusa orders (drafts apart) carrying our order id."""
    rows = admin.get("/admin/orders", customer_id=seed.customer_id, fields=ORDER_FIELDS, limit=200)
    return [o for o in rows["orders"] if (o["metadata"] or {}).get("comptoir_order_id") == order_id]


def reservation_places(admin: MedusaAdmin, order: dict[str, Any]) -> set[str]:
    items = [item["id"] for item in order["items"]]
    found = admin.get("/admin/reservations", line_item_id=items, fields="id,location_id")
    return {r["location_id"] for r in found["reservations"]}


def placed_code(admin: MedusaAdmin, medusa_order_id: str) -> str:
    """The plugin's code, given by its ``order.placed`` subscriber (bounded wait)."""
    deadline = time.monotonic() + 30
    while True:
        order = admin.get(f"/admin/orders/{medusa_order_id}", fields="id,metadata")["order"]
        code = (order["metadata"] or {}).get("comptoir_pickup_code")
        if isinstance(code, str):
            return code
        assert time.monotonic() < deadline, "the plugin never placed the pickup order"
        time.sleep(0.1)


def web_warehouse(admin: MedusaAdmin, seed: Seed, sku: str, stocked: int) -> tuple[str, str]:
    """The web warehouse's location holding ``stocked`` of ``sku``, with a home delivery
    option at 4.90 € (made once per session): (location, option)."""
    found = admin.get("/admin/stock-locations", name="Entrepôt web", fields="id")
    if found["stock_locations"]:
        location = found["stock_locations"][0]["id"]
    else:
        created = admin.post("/admin/stock-locations", {"name": "Entrepôt web"})
        location = created["stock_location"]["id"]
    if _has_level(admin, seed, sku, location):
        ensure_stock(admin, seed, sku, stocked, location)
    else:
        admin.post(
            f"/admin/inventory-items/{seed.inventory_items[sku]}/location-levels",
            {"location_id": location, "stocked_quantity": stocked},
        )
    sets = admin.get(
        f"/admin/stock-locations/{location}",
        fields="id,*fulfillment_sets,*fulfillment_sets.service_zones,"
        "*fulfillment_sets.service_zones.shipping_options",
    )["stock_location"]["fulfillment_sets"]
    for shipping in (s for s in sets if s["type"] == "shipping"):
        return location, shipping["service_zones"][0]["shipping_options"][0]["id"]
    providers = f"/admin/stock-locations/{location}/fulfillment-providers"
    admin.post(providers, {"add": ["manual_manual"]})
    shipping = admin.post(
        f"/admin/stock-locations/{location}/fulfillment-sets",
        {"name": "Livraison Entrepôt web", "type": "shipping"},
        fields="id,*fulfillment_sets",
    )["stock_location"]["fulfillment_sets"][0]
    zone = admin.post(
        f"/admin/fulfillment-sets/{shipping['id']}/service-zones",
        {"name": "France", "geo_zones": [{"type": "country", "country_code": "fr"}]},
    )["fulfillment_set"]["service_zones"][0]
    profile = admin.get("/admin/shipping-profiles")["shipping_profiles"][0]["id"]
    option = admin.post(
        "/admin/shipping-options",
        {
            "name": "Livraison à domicile",
            "service_zone_id": zone["id"],
            "shipping_profile_id": profile,
            "provider_id": "manual_manual",
            "price_type": "flat",
            "type": {"label": "Domicile", "description": "Home delivery", "code": "home"},
            "prices": [{"currency_code": "eur", "amount": DELIVERY_FEE_CENTS / 100}],
        },
    )["shipping_option"]["id"]
    return location, option


def _has_level(admin: MedusaAdmin, seed: Seed, sku: str, location: str) -> bool:
    item = seed.inventory_items[sku]
    levels = admin.get(f"/admin/inventory-items/{item}/location-levels", location_id=location)
    return bool(levels["inventory_levels"])


def test_an_order_for_pickup_at_lyon_is_one_medusa_order_there(make_backend, admin, seed, tmp_path):
    backend = make_backend()
    carnet = catalog_by_sku(backend)["CARNET-A5"]
    ensure_stock(admin, seed, "CARNET-A5", 5, seed.other_location_id)
    db = tmp_path / "store.db"
    LocalStore(db).close()
    till = OtherStores(db, "paris-rivoli", backend, medusa=True)

    draft = till.prepare_order(
        a_cashier(), sku="CARNET-A5", quantity=2, customer_id=seed.customer_id,
        pickup_store_id="lyon-bellecour",
    )  # fmt: skip
    placed = till.place(draft)

    assert (placed.fulfilment, placed.location_id, placed.location_name) == (
        "pickup", "lyon-bellecour", "Lyon Bellecour",
    )  # fmt: skip
    assert (placed.ordered_by, placed.customer_id, placed.paid) == (
        "paris-rivoli", seed.customer_id, False,
    )  # fmt: skip
    [line] = placed.lines
    assert (line.sku, line.product_id, line.quantity) == ("CARNET-A5", carnet.id, 2)
    assert placed.total_cents == line.total_cents == 2 * line.unit_price_cents > 0
    [order] = orders_of(admin, seed, draft.order_id)
    assert order["customer_id"] == seed.customer_id
    assert order["sales_channel_id"] == seed.pos_sales_channel_id
    assert [m["shipping_option_id"] for m in order["shipping_methods"]] == [
        seed.other_pickup_option_id
    ]
    code = placed_code(admin, order["id"])
    assert reservation_places(admin, order) == {seed.other_location_id}

    again = till.place(draft)  # a lost reply: the same request again

    assert len(orders_of(admin, seed, draft.order_id)) == 1
    assert again.model_copy(update={"pickup_code": None}) == placed.model_copy(
        update={"pickup_code": None}
    )
    assert again.pickup_code == code
    other = CustomerOrderRequest.model_validate(
        {
            "order_id": draft.order_id, "fulfilment": "pickup", "customer_id": seed.customer_id,
            "lines": [{"sku": "CARNET-A5", "quantity": 3}], "pickup_store_id": "lyon-bellecour",
        }
    )  # fmt: skip
    with pytest.raises(CentralRejected) as refused:
        backend.place_customer_order(other)
    assert refused.value.code == "conflict"


def test_an_order_for_home_delivery_ships_from_the_web_warehouse(
    make_backend, admin, seed, tmp_path
):
    location, option = web_warehouse(admin, seed, "CARNET-A5", 500)
    backend = make_backend(web_warehouse_location_id=location)
    catalog_by_sku(backend)
    db = tmp_path / "store.db"
    LocalStore(db).close()
    till = OtherStores(db, "paris-rivoli", backend, medusa=True)

    draft = till.prepare_order(
        a_cashier(), sku="CARNET-A5", quantity=3, customer_id=seed.customer_id,
        address=Address("12 rue des Lilas", "69003", "Lyon"),
    )  # fmt: skip
    placed = till.place(draft)

    assert (placed.fulfilment, placed.location_id, placed.pickup_code) == (
        "delivery", "entrepot-web", None,
    )  # fmt: skip
    [line] = placed.lines
    assert placed.total_cents == line.total_cents + DELIVERY_FEE_CENTS
    [order] = orders_of(admin, seed, draft.order_id)
    assert [m["shipping_option_id"] for m in order["shipping_methods"]] == [option]
    address = order["shipping_address"]
    assert (address["address_1"], address["postal_code"], address["city"]) == (
        "12 rue des Lilas", "69003", "Lyon",
    )  # fmt: skip
    assert reservation_places(admin, order) == {location}
    assert till.place(draft) == placed
    assert len(orders_of(admin, seed, draft.order_id)) == 1


@pytest.mark.parametrize("cut", ["/edit/shipping-methods", "/convert-to-order"])
def test_a_connection_cut_while_placing_never_makes_two_orders(
    cut, make_backend, admin, seed, tmp_path
):
    """The reply lost after Medusa did the step: the till keeps the order to retry; the
    retry finishes it (a draft cut before its shipping method is made again, one cut
    before its conversion is converted) and Medusa holds one order."""
    network = DroppingTransport().drop(lambda r: r.method == "POST" and r.url.path.endswith(cut))
    backend = make_backend(transport=network)
    catalog_by_sku(backend)
    ensure_stock(admin, seed, "STYLO-NOIR", 5, seed.other_location_id)
    db = tmp_path / "store.db"
    LocalStore(db).close()
    till = OtherStores(db, "paris-rivoli", backend, medusa=True)
    draft = till.prepare_order(
        a_cashier(), sku="STYLO-NOIR", quantity=1, customer_id=seed.customer_id,
        pickup_store_id="lyon-bellecour",
    )  # fmt: skip

    with pytest.raises(PosError) as kept:
        till.place(draft)
    assert kept.value.code == ORDER_NEEDS_NETWORK and len(network.log) == 1
    placed = till.place(draft)

    [order] = orders_of(admin, seed, draft.order_id)
    assert [m["shipping_option_id"] for m in order["shipping_methods"]] == [
        seed.other_pickup_option_id
    ]
    assert [item["quantity"] for item in order["items"]] == [1]
    assert placed.location_id == "lyon-bellecour" and placed.lines[0].sku == "STYLO-NOIR"
    drafts = admin.get("/admin/draft-orders", customer_id=seed.customer_id, fields="id,metadata")
    assert not [
        d for d in drafts["draft_orders"]
        if (d["metadata"] or {}).get("comptoir_order_id") == draft.order_id
    ]  # fmt: skip
