"""Search ranking on a catalog that came from central (issue 18.1), over a real server.

Three products share a word no demo product has; which one a till puts first must follow
what sells across the network (other tills' sales, the web's click-and-collect) and, until
the next sync, the till's own sales.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.services.pickup_desk import PickupDesk
from pos.store.local_store import LocalStore
from tests.support.central_server import CentralServer
from tests.support.staff import a_manager
from tests.sync.conftest import STORE
from tests.sync.sales_factory import draft
from tests.sync.terminals import Terminal, open_terminal

WORD = "zanzibar"
# Names of one length: unsold, they rank by name (café, noir, vert), so any other order
# is popularity's doing.
PRODUCTS = {  # sku: (name, barcode)
    "ZAN-CAFE": ("Zanzibar café pur", "3709999000035"),
    "ZAN-NOIR": ("Zanzibar thé noir", "3709999000028"),
    "ZAN-VERT": ("Zanzibar thé vert", "3709999000011"),
}
UNSOLD = ["ZAN-CAFE", "ZAN-NOIR", "ZAN-VERT"]


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with CentralServer(tmp_path / "central.db", products=300) as server:
        for sku, (name, code) in PRODUCTS.items():
            body = {"name": name, "price_cents": 450, "vat_bp": 550, "barcodes": [code]}
            assert server.admin("PUT", f"/v1/admin/products/{sku}", json=body).status_code == 201
        yield server


def ranked(store: LocalStore) -> list[str]:
    return [p.sku for p in store.catalog.search(WORD)]


def sell(store: LocalStore, terminal_id: str, sku: str, units: int, seed: int) -> None:
    """Commit a paid sale of ``units`` of ``sku`` at this till."""
    row = store.conn.execute(
        "SELECT id, sku, name, price_cents, vat_bp FROM products WHERE sku = ?", (sku,)
    ).fetchone()
    store.sales.commit(draft([row], random.Random(seed), terminal_id, quantities=[units]))


def served_popularity(central: CentralServer, sku: str) -> int:
    with central.client(central.enrol(STORE, f"P{random.randrange(10**6)}")) as client:
        items, cursor = [], None
        while True:
            params = {"limit": 5000} | ({"cursor": cursor} if cursor else {})
            page = client.get(f"/v1/stores/{STORE}/feeds/catalog", params=params).json()
            items += page["items"]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
    return next(item["popularity"] for item in items if item["sku"] == sku)


def test_a_synced_till_ranks_the_network_best_seller_first(
    tmp_path: Path, central: CentralServer
) -> None:
    # Another till of the network sells green tea: central counts it.
    seller = open_terminal(tmp_path / "seller", central, "T09")
    assert seller.sync().state == "idle"
    with seller.store() as till:
        assert ranked(till) == UNSOLD
        sell(till, "T09", "ZAN-VERT", 6, seed=1)
    assert seller.sync().pending == 0
    assert served_popularity(central, "ZAN-VERT") == 6

    # A new till's first pull (the staged bulk path) ranks the best seller first.
    fresh = open_terminal(tmp_path / "fresh", central, "T01")
    assert fresh.sync().state == "idle"
    with fresh.store() as till:
        assert ranked(till) == ["ZAN-VERT", "ZAN-CAFE", "ZAN-NOIR"]

        # Its own sales move black tea up at once, before any sync...
        sell(till, "T01", "ZAN-NOIR", 4, seed=2)
        assert ranked(till) == ["ZAN-VERT", "ZAN-NOIR", "ZAN-CAFE"]
        sell(till, "T01", "ZAN-NOIR", 3, seed=3)
        assert ranked(till) == ["ZAN-NOIR", "ZAN-VERT", "ZAN-CAFE"]
        # ...and the sync that pushes them brings back central's figure, which counts them.
        central.set_price("ZAN-NOIR", 480)
        assert fresh.sync().state == "idle"
        assert till.catalog.by_sku("ZAN-NOIR").price_cents == 480
        assert ranked(till) == ["ZAN-NOIR", "ZAN-VERT", "ZAN-CAFE"]
        assert till.conn.execute(
            "SELECT popularity, local_sales FROM products WHERE sku = 'ZAN-NOIR'"
        ).fetchone() == (7, 0)
    assert served_popularity(central, "ZAN-NOIR") == 7
    seller.close()
    fresh.close()


def test_a_web_order_collected_counts_for_every_till(
    tmp_path: Path, central: CentralServer
) -> None:
    till = open_terminal(tmp_path / "T01", central, "T01")
    assert till.sync().state == "idle"
    for sku in PRODUCTS:
        central.count_stock(STORE, sku, 20)
    central.place_pickup_order("web-1", {"ZAN-VERT": 5})
    assert till.sync().state == "idle"
    with till.store() as store:
        assert ranked(store) == UNSOLD
        _hand_over(till, store, "web-1")  # its sync pulls the new figure back
        assert ranked(store) == ["ZAN-VERT", "ZAN-CAFE", "ZAN-NOIR"]
    assert served_popularity(central, "ZAN-VERT") == 5

    # Another store's till, already synced, gets the new rank in its next pull.
    other = open_terminal(tmp_path / "T02", central, "T02", store_id="paris-rivoli")
    assert other.sync().state == "idle"
    with other.store() as store:
        sell(store, "T02", "ZAN-CAFE", 2, seed=4)  # pushed by its next sync
        assert ranked(store) == ["ZAN-VERT", "ZAN-CAFE", "ZAN-NOIR"]  # 5, 2 (local), 0
        central.place_pickup_order("web-2", {"ZAN-NOIR": 9})
        with till.store() as desk_store:
            assert till.sync().state == "idle"
            _hand_over(till, desk_store, "web-2")
        assert other.sync().state == "idle"  # incremental: the upsert path
        assert ranked(store) == ["ZAN-NOIR", "ZAN-VERT", "ZAN-CAFE"]  # 9, 5, 2
    till.close()
    other.close()


def _hand_over(terminal: Terminal, store: LocalStore, order_id: str) -> None:
    """Prepare, pick every line, make ready and hand over at the desk; push it."""
    desk, manager = PickupDesk(store, store_id=STORE), a_manager("Inès")
    desk.start_preparing(order_id, manager)
    picking = desk.start_picking(order_id)
    order = desk.order(order_id)
    for line in order.lines:
        code = store.conn.execute(
            "SELECT code FROM barcodes WHERE product_id = ?", (line.product_id,)
        ).fetchone()[0]
        for _ in range(line.quantity):
            picking = desk.scan_pick(picking, code).picking
    desk.mark_ready(order_id, manager, picking)
    desk.hand_over(order_id, manager)
    status = terminal.sync()
    assert (status.state, status.pending, status.rejected) == ("idle", 0, 0)
