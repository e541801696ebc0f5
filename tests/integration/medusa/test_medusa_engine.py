"""End to end: the till's own sync engine, store and checkout against a real Medusa.

A sale is rung up by scanning a seeded EAN with the network down, then pushed by the
engine while connections drop at the worst moments: Medusa records it once and its
stock at our location goes down once.
"""

from __future__ import annotations

import pytest

from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.store.local_store import LocalStore
from sync.engine.engine import SyncEngine
from tests.medusa.helpers import DroppingTransport, level_at, orders_of_sale, path_is
from tests.support.staff import a_cashier

pytestmark = pytest.mark.medusa


def everything(request) -> bool:
    return True


def test_an_offline_sale_reaches_medusa_once_via_the_engine(make_backend, admin, seed, tmp_path):
    net = DroppingTransport()
    backend = make_backend(transport=net)
    db = tmp_path / "store.db"
    engine = SyncEngine(db, backend, poll_interval_s=0)
    first = engine.sync_once()
    assert first.state == "idle", first.last_error
    assert engine.totals.pulled["catalog"] >= 5
    before = level_at(admin, seed, "CAFE-250")

    net.drop(everything, after=False, times=10**6)  # the shop's line is down
    with LocalStore(db) as store:
        checkout = Checkout(store, terminal_id="T01", actor=a_cashier("Alice"))
        checkout.scan("3017620422003")
        checkout.scan("3017620422003")
        due = checkout.totals().total_cents
        assert due == 2 * 499  # Medusa's price, pulled into the till
        checkout.add_tender(TenderKind.CARD, due)
        sale = checkout.complete()
    offline = engine.sync_once()
    assert (offline.state, offline.pending) == ("offline", 1)

    net.rules.clear()  # back, but flaky: answers lost after Medusa did the work
    net.drop(path_is("POST", "/complete"))
    net.drop(path_is("POST", "/fulfillments"))
    net.drop(path_is("GET", "/admin/inventory-items"))  # a pull cut short, too
    for _ in range(10):
        status = engine.sync_once()
        if status.state == "idle" and status.pending == 0:
            break
    engine.close()

    assert (status.state, status.pending, status.rejected) == ("idle", 0, 0)
    assert engine.totals.accepted + engine.totals.duplicates == 1
    orders = orders_of_sale(admin, sale.sale_id)
    assert [o["status"] for o in orders] == ["completed"]
    after = level_at(admin, seed, "CAFE-250")
    assert after["stocked"] == before["stocked"] - 2
    assert after["reserved"] == before["reserved"]
