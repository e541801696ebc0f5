"""Delta feeds through Comptoir's plugin: a pull reads only what changed after the cursor.

Each test makes its own stocked variants (tagged SKUs) so counts are exact whatever the
other tests of the session did to the seeded catalogue. The 1,000-level figure runs with
``COMPTOIR_DELTA_BENCH=1`` (it makes 1,000 more inventory items).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import uuid

import pytest

from sync.engine.engine import SyncEngine
from sync.medusa import cursors
from sync.medusa.feeds import StockFeed
from sync.ports import BadCursor
from tests.medusa.helpers import DroppingTransport, path_is, pull_all
from tests.medusa.seed import MedusaAdmin, Seed
from tests.medusa.variants import set_levels, stocked_variants
from tests.support.medusa_peer import MedusaPeer, postgres_bindir

pytestmark = pytest.mark.medusa


def stocked_here(admin: MedusaAdmin, seed: Seed, item: str) -> int:
    levels = admin.get(
        f"/admin/inventory-items/{item}/location-levels", location_id=seed.location_id
    )["inventory_levels"]
    return next(lv["stocked_quantity"] for lv in levels if lv["location_id"] == seed.location_id)


def caught_up(backend) -> str:
    return pull_all(backend, "stock")[1]


def ours(items, skus) -> list:
    return [item for item in items if item.sku in skus]


def test_a_delta_pull_reads_exactly_the_changed_levels_then_nothing(backend, admin, seed):
    items = stocked_variants(admin, seed, 30)
    cursor = caught_up(backend)
    changed = dict(list(items.items())[:7])

    set_levels(admin, seed, changed.values(), 12)
    delta, cursor = pull_all(backend, "stock", cursor, limit=3)

    assert len(delta) == 7  # every item read is one of the 7, each once
    assert {item.sku: item.on_hand for item in delta} == {sku: 12 for sku in changed}
    again, _ = pull_all(backend, "stock", cursor)
    assert again == []


def test_a_reservation_comes_as_held_stock(backend, admin, seed):
    items = stocked_variants(admin, seed, 3)
    cursor = caught_up(backend)
    sku, item = next(iter(items.items()))

    body = {"inventory_item_id": item, "location_id": seed.location_id, "quantity": 2}
    admin.post("/admin/reservations", body)
    delta, cursor = pull_all(backend, "stock", cursor)

    assert [(i.sku, i.on_hand, i.reserved) for i in delta] == [(sku, 5, 2)]
    assert pull_all(backend, "stock", cursor)[0] == []


def _psql(peer: MedusaPeer, sql: str) -> None:
    psql = str(postgres_bindir() / "psql") if postgres_bindir() else "psql"
    subprocess.run([psql, peer.database_url, "-q", "-c", sql], check=True, capture_output=True)


def test_equal_stamps_across_page_boundaries_lose_and_repeat_nothing(
    backend, admin, seed, medusa_peer
):
    items = stocked_variants(admin, seed, 40)
    cursor = caught_up(backend)
    # an import stamping 40 levels alike, in microseconds as PostgreSQL's now() does
    ids = ", ".join(f"'{item}'" for item in items.values())
    _psql(
        medusa_peer,
        "update inventory_level set stocked_quantity = 9, raw_stocked_quantity = "
        '\'{"value": "9", "precision": 20}\', updated_at = now() + interval \'1 second\' '
        f"where inventory_item_id in ({ids})",
    )

    delta, cursor = pull_all(backend, "stock", cursor, limit=7)

    assert sorted(item.sku for item in delta) == sorted(items)
    assert {item.on_hand for item in delta} == {9}
    assert pull_all(backend, "stock", cursor)[0] == []


def test_deleted_levels_and_variants_come_out_as_deletions(backend, admin, seed):
    items = stocked_variants(admin, seed, 10)
    cursor = caught_up(backend)
    skus = list(items)
    levels = admin.get(
        f"/admin/inventory-items/{items[skus[0]]}/location-levels", location_id=seed.location_id
    )["inventory_levels"]
    forced = {"delete": [levels[0]["id"]], "force": True}  # it holds stock
    admin.post("/admin/inventory-items/location-levels/batch", forced)
    variant = admin.get("/admin/product-variants", q=skus[1], fields="id,product_id")["variants"][0]
    gone = admin.http.delete(f"/admin/products/{variant['product_id']}/variants/{variant['id']}")
    assert gone.status_code == 200, gone.text

    delta, cursor = pull_all(backend, "stock", cursor)

    assert {item.sku: (item.on_hand, item.reserved) for item in delta} == {
        skus[0]: (0, 0),
        skus[1]: (0, 0),
    }
    assert pull_all(backend, "stock", cursor)[0] == []


def test_the_tills_stock_after_a_delta_equals_medusas(make_backend, admin, seed, tmp_path):
    items = stocked_variants(admin, seed, 20)
    net = DroppingTransport()
    engine = SyncEngine(tmp_path / "store.db", make_backend(transport=net), poll_interval_s=0)
    try:
        assert engine.sync_once().state == "idle"
        skus = list(items)
        set_levels(admin, seed, [items[sku] for sku in skus[:5]], 3)
        set_levels(admin, seed, [items[sku] for sku in skus[5:8]], 41)
        before = engine.totals.pulled.get("stock", 0)
        net.drop(path_is("GET", "/admin/comptoir/feeds/stock"))  # the delta's answer lost
        for _ in range(5):
            status = engine.sync_once()
            if status.state == "idle":
                break
        assert status.state == "idle", status.last_error
        assert net.log == ["after GET /admin/comptoir/feeds/stock (200)"]
        assert engine.totals.pulled["stock"] - before == 8  # the changed levels only
    finally:
        engine.close()
    with sqlite3.connect(tmp_path / "store.db") as conn:
        till = dict(
            conn.execute(
                "SELECT p.sku, s.on_hand FROM central_stock s"
                " JOIN products p ON p.id = s.product_id"
                f" WHERE p.sku IN ({', '.join('?' * len(skus))})",
                skus,
            ).fetchall()
        )
    medusa = {sku: stocked_here(admin, seed, item) for sku, item in items.items()}
    assert till == medusa


def test_a_cursor_of_the_rest_feed_or_a_damaged_one_restarts_the_pull(backend):
    old = cursors.encode("stock", {"offset": 40})  # a till that pulled before the plugin
    with pytest.raises(BadCursor):
        backend.pull("stock", old, 10)
    with pytest.raises(BadCursor):
        backend.pull("stock", cursors.encode("stock", {"p": "bm90IG91cnM"}), 10)
    assert backend.pull("stock", None, 10).items  # from scratch: the whole stock


@pytest.mark.skipif(
    os.environ.get("COMPTOIR_DELTA_BENCH") != "1", reason="COMPTOIR_DELTA_BENCH=1 runs it"
)
def test_an_incremental_pull_of_1000_changed_levels(backend, admin, seed):
    items = stocked_variants(admin, seed, 1000, per_product=50)
    cursor = caught_up(backend)
    set_levels(admin, seed, items.values(), 7)

    started = time.perf_counter()
    delta, cursor = pull_all(backend, "stock", cursor, limit=1000)
    incremental = time.perf_counter() - started
    set_levels(admin, seed, list(items.values())[:10], 8)
    started = time.perf_counter()
    few, _ = pull_all(backend, "stock", cursor, limit=1000)
    ten = time.perf_counter() - started
    rest = StockFeed(backend.http, backend.settings, backend.state)
    started = time.perf_counter()
    state: dict = {}
    full = 0
    while True:
        page, state, more = rest.page(state, 1000)
        full += len(page)
        if not more:
            break
    whole = time.perf_counter() - started

    print(
        f"\nincremental pull of {len(delta)} changed levels: {incremental:.2f} s; "
        f"of {len(few)} changed levels: {ten:.3f} s; "
        f"full REST pass over {full} items: {whole:.2f} s",
        file=sys.stderr,
    )
    assert (len(delta), len(few)) == (1000, 10)
    assert incremental <= 2.0


def new_customers(admin: MedusaAdmin, count: int) -> dict[str, str]:
    """``count`` new customers: {email: id}."""
    tag = uuid.uuid4().hex[:8]
    made = {}
    for n in range(count):
        email = f"delta-{tag}-{n:02d}@example.test"
        body = {"email": email, "first_name": "Client", "last_name": f"{tag} {n:02d}"}
        made[email] = admin.post("/admin/customers", body)["customer"]["id"]
    return made


def test_a_customers_delta_has_the_changed_and_deleted_ones_only(backend, admin, seed):
    made = new_customers(admin, 3)
    cursor = pull_all(backend, "customers")[1]
    renamed, deleted, _ = made
    admin.post(f"/admin/customers/{made[renamed]}", {"last_name": "Renommée"})
    gone = admin.http.delete(f"/admin/customers/{made[deleted]}")
    assert gone.status_code == 200, gone.text

    delta, cursor = pull_all(backend, "customers", cursor)

    assert {(c.email, c.name, c.active) for c in delta} == {
        (renamed, "Client Renommée", True),
        (deleted, f"Client {deleted.split('-')[1]} 01", False),
    }
    assert pull_all(backend, "customers", cursor)[0] == []


def test_customers_sharing_a_stamp_across_pages_come_once_each(backend, admin, medusa_peer):
    made = new_customers(admin, 12)
    cursor = pull_all(backend, "customers")[1]
    ids = ", ".join(f"'{id_}'" for id_ in made.values())
    # an import stamping 12 customers alike, in milliseconds as Medusa's ORM writes them
    _psql(
        medusa_peer,
        "update customer set phone = '+33100000000', "
        "updated_at = date_trunc('milliseconds', now() + interval '1 second')"
        f" where id in ({ids})",
    )

    delta, cursor = pull_all(backend, "customers", cursor, limit=5)

    assert sorted(c.email for c in delta) == sorted(made)
    assert {c.phone for c in delta} == {"+33100000000"}
    assert pull_all(backend, "customers", cursor)[0] == []
