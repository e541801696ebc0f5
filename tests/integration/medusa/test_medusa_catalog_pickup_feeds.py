"""The catalog and pickups feeds through Comptoir's plugin: a pull reads only what changed
after the cursor, including what Medusa's REST filters cannot see (a price list, a
product leaving the POS channel), then nothing.

Each catalog test makes its own products (tagged SKUs) so counts are exact whatever the
other tests of the session did. The 1,000-variant figure runs with
``COMPTOIR_DELTA_BENCH=1`` (it makes 1,000 more variants).
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from sync.engine.engine import SyncEngine
from sync.medusa import cursors
from sync.ports import BadCursor
from tests.integration.medusa.test_medusa_delta_feeds import _psql
from tests.integration.medusa.test_medusa_pickup_journey import placed
from tests.integration.medusa.test_medusa_pickups import order_in_feed, transition
from tests.medusa.helpers import NoPluginTransport, pull_all
from tests.medusa.seed import MedusaAdmin, place_pickup_order
from tests.medusa.variants import new_products

pytestmark = pytest.mark.medusa


def price_list(admin: MedusaAdmin, variants: list[str], amount: float) -> str:
    prices = [{"variant_id": v, "currency_code": "eur", "amount": amount} for v in variants]
    body = {"title": f"Promo {uuid.uuid4().hex[:6]}", "description": "Delta", "type": "sale",
            "status": "active", "prices": prices}  # fmt: skip
    return admin.post("/admin/price-lists", body)["price_list"]["id"]


def catalog_cursor(backend) -> str:
    return pull_all(backend, "catalog", limit=1000)[1]


def ours(items, skus) -> dict:
    return {item.sku: item for item in items if item.sku in skus}


def rest_only(backend):
    """The same backend (same ids, same state) taking the REST path: plugin unseen."""
    backend._resolved = dataclasses.replace(backend.verify(), plugin=None)
    return backend


def test_a_catalog_delta_reads_exactly_the_changed_variants_then_nothing(backend, admin, seed):
    made = new_products(admin, seed, 12)
    skus = sorted(made)
    listed, renamed, repriced, typed = skus[0], skus[2], skus[5], skus[8]
    kind = admin.post("/admin/product-types", {"value": f"Rayon {uuid.uuid4().hex[:6]}"})
    kind = kind["product_type"]["id"]
    admin.post(f"/admin/products/{made[typed]['product_id']}", {"type_id": kind})
    cursor = catalog_cursor(backend)

    price_list(admin, [made[listed]["id"]], 1.99)  # moves no variant nor product stamp
    product = made[renamed]["product_id"]
    admin.post(f"/admin/products/{product}", {"title": "Renommé"})
    variant = made[repriced]
    body = {"prices": [{"currency_code": "eur", "amount": 3.1}]}
    admin.post(f"/admin/products/{variant['product_id']}/variants/{variant['id']}", body)
    admin.post(f"/admin/product-types/{kind}", {"value": "Épicerie fine"})  # no product stamp

    delta, cursor = pull_all(backend, "catalog", cursor, limit=2)

    renamed_too = sorted(s for s in made if made[s]["product_id"] == product)
    typed_too = sorted(s for s in made if made[s]["product_id"] == made[typed]["product_id"])
    assert sorted(item.sku for item in delta) == sorted(
        {listed, repriced, *renamed_too, *typed_too}
    )
    found = {item.sku: item for item in delta}
    assert found[listed].price_cents == 199
    assert found[repriced].price_cents == 310
    assert all(found[sku].name.startswith("Renommé") for sku in renamed_too)
    assert {found[sku].department for sku in typed_too} == {"Épicerie fine"}
    assert pull_all(backend, "catalog", cursor)[0] == []


def test_a_price_leaving_a_price_list_and_a_list_starting_bring_the_variant_out(
    backend, admin, seed
):
    made = new_products(admin, seed, 4)
    left, later = sorted(made)[:2]
    listed = price_list(admin, [made[left]["id"]], 1.2)
    cursor = catalog_cursor(backend)
    price = admin.get(f"/admin/price-lists/{listed}", fields="id,prices.id")["price_list"]
    admin.post(f"/admin/price-lists/{listed}/prices/batch", {"delete": [price["prices"][0]["id"]]})
    starts = datetime.now(UTC) + timedelta(seconds=3)
    prices = [{"variant_id": made[later]["id"], "currency_code": "eur", "amount": 0.9}]
    body = {"title": "Demain", "description": "Delta", "type": "sale", "status": "active",
            "starts_at": starts.isoformat(), "prices": prices}  # fmt: skip
    admin.post("/admin/price-lists", body)

    delta, cursor = pull_all(backend, "catalog", cursor)
    assert {item.sku: item.price_cents for item in delta} == {left: 250, later: 250}
    while datetime.now(UTC) <= starts + timedelta(seconds=1):  # the list starts: no write
        time.sleep(0.5)
    delta, cursor = pull_all(backend, "catalog", cursor)

    assert {item.sku: item.price_cents for item in delta} == {later: 90}
    assert pull_all(backend, "catalog", cursor)[0] == []


def test_the_plugins_catalog_rows_equal_the_rest_paths(backend, admin, seed):
    made = new_products(admin, seed, 6)
    skus = sorted(made)
    price_list(admin, [made[skus[1]]["id"]], 1.5)
    admin.post(f"/admin/products/{made[skus[4]]['product_id']}", {"status": "draft"})
    gone = made[skus[3]]
    deleted = admin.http.delete(f"/admin/products/{gone['product_id']}/variants/{gone['id']}")
    assert deleted.status_code == 200, deleted.text
    also = set(seed.variants)  # the seeded catalogue: weighed goods, PLUs, barcodes, VAT

    plugin = ours(pull_all(backend, "catalog", limit=1000)[0], {*made, *also})
    rest = ours(pull_all(rest_only(backend), "catalog", limit=1000)[0], {*made, *also})

    assert len(plugin) == len(made) + len(also)
    # the REST pass may leave the deleted variant out (seen once); the plugin always gives
    # it, inactive, so a till pulling from scratch after an upgrade learns it is gone
    assert set(plugin) - set(rest) <= {skus[3]} and set(rest) <= set(plugin)
    assert {s: i.model_dump() for s, i in plugin.items() if s in rest} == {
        s: i.model_dump() for s, i in rest.items()
    }
    assert plugin[skus[1]].price_cents == 150
    assert (plugin[skus[3]].active, plugin[skus[4]].active, plugin[skus[0]].active) == (
        False,
        False,
        True,
    )


def till_catalog(db, skus) -> dict:
    """The till's own rows for ``skus``: product fields (not the local id) and barcodes."""
    marks = ", ".join("?" * len(skus))
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT p.sku, p.name, p.brand, p.department, p.price_cents, p.vat_bp, p.sold_by,"
            " p.plu, p.active, (SELECT group_concat(code) FROM (SELECT b.code FROM barcodes b"
            " WHERE b.product_id = p.id ORDER BY b.code))"
            f" FROM products p WHERE p.sku IN ({marks})",
            list(skus),
        ).fetchall()
    return {row[0]: row[1:] for row in rows}


def test_the_tills_catalog_rows_are_the_same_by_either_path(make_backend, admin, seed, tmp_path):
    made = new_products(admin, seed, 4)
    price_list(admin, [made[sorted(made)[0]]["id"]], 1.1)
    skus = {*made, *seed.variants}
    tills = {}
    for name, transport in (("plugin", None), ("rest", NoPluginTransport())):
        backend = make_backend(transport=transport, state_dir=tmp_path / name)
        engine = SyncEngine(tmp_path / f"{name}.db", backend, poll_interval_s=0)
        try:
            assert engine.sync_once().state == "idle"
        finally:
            engine.close()
        tills[name] = till_catalog(tmp_path / f"{name}.db", skus)

    assert len(tills["plugin"]) == len(skus)
    assert tills["plugin"] == tills["rest"]
    assert tills["plugin"][sorted(made)[0]][3] == 110  # price_cents: the price list's


def test_deleted_unpublished_and_unlisted_variants_come_out_as_deletions(backend, admin, seed):
    made = new_products(admin, seed, 6, per_product=1)
    cursor = catalog_cursor(backend)
    deleted, draft, unlisted = sorted(made)[:3]
    gone = made[deleted]
    response = admin.http.delete(f"/admin/products/{gone['product_id']}/variants/{gone['id']}")
    assert response.status_code == 200, response.text
    admin.post(f"/admin/products/{made[draft]['product_id']}", {"status": "draft"})
    channel = f"/admin/sales-channels/{seed.pos_sales_channel_id}/products"
    admin.post(channel, {"remove": [made[unlisted]["product_id"]]})  # stamps no product

    delta, cursor = pull_all(backend, "catalog", cursor)

    assert {item.sku: item.active for item in delta} == {
        deleted: False,
        draft: False,
        unlisted: False,
    }
    assert pull_all(backend, "catalog", cursor)[0] == []


def test_variants_sharing_a_stamp_across_pages_come_once_each(backend, admin, seed, medusa_peer):
    made = new_products(admin, seed, 25, per_product=5)
    cursor = catalog_cursor(backend)
    ids = ", ".join(f"'{v['id']}'" for v in made.values())
    # an import stamping 25 variants alike, in microseconds as PostgreSQL's now() does
    _psql(
        medusa_peer,
        "update product_variant set title = title, updated_at = now() + interval '1 second' "
        f"where id in ({ids})",
    )

    delta, cursor = pull_all(backend, "catalog", cursor, limit=7)

    assert sorted(item.sku for item in delta) == sorted(made)
    assert pull_all(backend, "catalog", cursor)[0] == []


def test_old_cursors_restart_the_catalog_and_pickups_pulls(backend):
    rest_catalog = {"phase": "variants", "v": {"t": "2026-11-25T10:00:00.000Z"}}
    with pytest.raises(BadCursor):
        backend.pull("catalog", cursors.encode("catalog", rest_catalog), 10)
    rest_pickups = {"t": {"t": "2026-11-25T10:00:00.000Z", "mode": "gte", "offset": 0}}
    with pytest.raises(BadCursor):
        backend.pull("pickups", cursors.encode("pickups", rest_pickups), 10)
    with pytest.raises(BadCursor):
        backend.pull("catalog", cursors.encode("catalog", {"p": "bm90IG91cnM"}), 10)
    assert backend.pull("catalog", None, 10).items  # from scratch


def pickups_cursor(backend) -> str:
    return pull_all(backend, "pickups")[1]


def test_a_move_by_another_till_comes_out_in_the_next_pickups_pull(make_backend, admin, seed):
    order_id = place_pickup_order(seed, {"THE-VERT-100": 1})
    placed(admin, order_id)
    mine, other = make_backend(terminal_id="P01"), make_backend(terminal_id="P02")
    seen = order_in_feed(mine, order_id)
    cursor = pickups_cursor(mine)

    outcome = other.push([transition(seen, "preparing", "other-till-1")])[0]
    assert outcome.status == "accepted", outcome.reason
    delta, cursor = pull_all(mine, "pickups", cursor)

    assert [(o.id, o.state, o.version) for o in delta] == [(order_id, "preparing", 2)]
    assert pull_all(mine, "pickups", cursor)[0] == []
    by_rest = order_in_feed(rest_only(other), order_id)  # the REST path's reading
    assert delta[0].model_dump() == by_rest.model_dump()


def test_a_hand_over_recorded_in_medusas_admin_comes_out(backend, admin, seed):
    order_id = place_pickup_order(seed, {"THE-VERT-100": 1})
    placed(admin, order_id)
    cursor = pickups_cursor(backend)
    items = admin.get(f"/admin/orders/{order_id}", fields="id,*items")["order"]["items"]
    lines = [{"id": item["id"], "quantity": item["quantity"]} for item in items]
    body = {"items": lines, "location_id": seed.location_id}
    made = admin.post(f"/admin/orders/{order_id}/fulfillments", body, fields="id,*fulfillments")
    fulfilment = made["order"]["fulfillments"][0]["id"]
    admin.post(f"/admin/orders/{order_id}/fulfillments/{fulfilment}/mark-as-delivered", {})

    delta, cursor = pull_all(backend, "pickups", cursor)

    assert [(o.id, o.state) for o in delta] == [(order_id, "collected")]
    assert pull_all(backend, "pickups", cursor)[0] == []


def test_an_expiry_comes_out_in_the_next_pickups_pull(make_backend, admin, seed):
    lyon = seed.other_location_id
    order_id = place_pickup_order(seed, {"CARNET-A5": 1}, option_id=seed.other_pickup_option_id)
    placed(admin, order_id)
    desk = make_backend(stock_location_id=lyon, terminal_id="L03")
    cursor = pickups_cursor(desk)

    expired = httpx.post(
        f"{seed.base_url}/admin/comptoir/pickups/expire",
        auth=(seed.secret_key, ""),
        json={"now": "2099-01-01T00:00:00Z", "location_id": lyon},
    )
    assert expired.status_code == 200, expired.text
    names = {e["order_id"] for e in expired.json()["expired"]}
    assert order_id in names
    delta, cursor = pull_all(desk, "pickups", cursor)

    assert {o.id: o.state for o in delta} == {name: "expired" for name in names}
    assert pull_all(desk, "pickups", cursor)[0] == []


@pytest.mark.skipif(
    os.environ.get("COMPTOIR_DELTA_BENCH") != "1", reason="COMPTOIR_DELTA_BENCH=1 runs it"
)
def test_an_incremental_pull_of_1000_changed_variants(backend, admin, seed):
    made = new_products(admin, seed, 1000, per_product=50)
    cursor = catalog_cursor(backend)
    price_list(admin, [v["id"] for v in made.values()], 1.75)  # 1,000 prices in one change

    started = time.perf_counter()
    delta, cursor = pull_all(backend, "catalog", cursor, limit=1000)
    incremental = time.perf_counter() - started
    started = time.perf_counter()
    nothing, _ = pull_all(backend, "catalog", cursor, limit=1000)
    idle = time.perf_counter() - started
    rest = rest_only(backend)
    rest_cursor = catalog_cursor(rest)
    price_list(admin, [v["id"] for v in made.values()], 1.7)
    started = time.perf_counter()
    again, _ = pull_all(rest, "catalog", rest_cursor, limit=1000)
    by_rest = time.perf_counter() - started

    print(
        f"\nincremental catalog pull of {len(delta)} changed variants: {incremental:.2f} s; "
        f"nothing changed: {idle:.3f} s; REST path after the same kind of change: "
        f"{len(again)} items in {by_rest:.2f} s",
        file=sys.stderr,
    )
    assert (len(delta), len(nothing)) == (1000, 0)
    assert {item.price_cents for item in delta} == {175}
    assert incremental <= 2.0
