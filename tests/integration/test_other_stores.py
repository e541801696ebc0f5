"""Other stores at the till over the real reference server (issue 16): the network feed
cached with its age, the live lookup, and an order for a customer placed at Lyon for
pickup at Paris, seen by Paris's desk, once however often it is retried."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.services.other_stores import (
    ORDER_INVALID,
    ORDER_NEEDS_NETWORK,
    Address,
    OtherStores,
)
from pos.store import pickup_orders
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from sync.engine import SyncEngine
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier

LYON, PARIS, WAREHOUSE = "lyon-part-dieu", "paris-rivoli", "entrepot-web"
CUSTOMER = "CLI-0001"
SKU, PRODUCT = "SKU0000040", 40


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


def _till(central: CentralServer, path: Path, store_id: str) -> HttpCentral:
    http = HttpCentral(central.url, store_id, "T01", central.enrol(store_id, "T01"))
    _sync(path, http)
    return http


def _sync(path: Path, http: HttpCentral) -> None:
    engine = SyncEngine(path, http)
    try:
        assert engine.sync_once().state == "idle"
    finally:
        engine.close()


@pytest.fixture(scope="module")
def lyon(central: CentralServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("lyon") / "store.db"
    _till(central, path, LYON).close()
    yield path


def _offline() -> HttpCentral:
    return HttpCentral("http://127.0.0.1:9", LYON, "T01", "no-token")


def test_the_feed_shows_paris_at_lyon_and_its_age_offline(
    central: CentralServer, tmp_path: Path
) -> None:
    central.count_stock(PARIS, "SKU0000012", 17)
    path = tmp_path / "store.db"
    http = _till(central, path, LYON)
    http.close()
    offline = _offline()
    view = OtherStores(path, LYON, offline).lookup(12)
    offline.close()
    assert view.offline and not view.live
    by_id = {x.store_id: x for x in view.locations}
    assert set(by_id) == {PARIS, WAREHOUSE}  # never this store itself
    assert (by_id[PARIS].on_hand, by_id[PARIS].available) == (17, 17)
    assert by_id[WAREHOUSE].kind == "warehouse"
    with LocalStore(path) as store:
        pulled = store.conn.execute(
            "SELECT updated_at FROM feed_cursors WHERE feed = 'network_stock'"
        ).fetchone()[0]
    assert view.as_of == pulled  # the age shown is the last pull's


def test_a_live_lookup_is_central_now_and_is_kept_for_offline(
    central: CentralServer, lyon: Path
) -> None:
    central.count_stock(PARIS, "SKU0000013", 23)  # after Lyon's last pull
    http = HttpCentral(central.url, LYON, "T01", central.enrol(LYON, "T02"))
    service = OtherStores(lyon, LYON, http, clock=lambda: "2026-12-06T10:00:00.000Z")
    assert [x.on_hand for x in service.cached(13).locations if x.store_id == PARIS] != [23]
    live = service.lookup(13)
    http.close()
    assert live.live and live.as_of == "2026-12-06T10:00:00.000Z"
    assert [x.on_hand for x in live.locations if x.store_id == PARIS] == [23]
    kept = OtherStores(lyon, LYON, None).cached(13)
    assert [x.on_hand for x in kept.locations if x.store_id == PARIS] == [23]
    assert kept.as_of is not None and kept.as_of >= "2026-12-06T10:00:00.000Z"


def test_an_order_placed_at_lyon_for_paris_reaches_paris_desk_once(
    central: CentralServer, lyon: Path, tmp_path: Path
) -> None:
    central.count_stock(PARIS, SKU, 5)
    paris_path = tmp_path / "paris.db"
    paris = _till(central, paris_path, PARIS)
    cashier = a_cashier("Inès")

    offline = _offline()
    away = OtherStores(lyon, LYON, offline)
    draft = away.prepare_order(
        cashier, sku=SKU, quantity=2, customer_id=CUSTOMER, pickup_store_id=PARIS
    )
    with pytest.raises(PosError) as refused:
        away.place(draft)  # no network: a clear message, the order kept
    offline.close()
    assert refused.value.code == ORDER_NEEDS_NETWORK

    http = HttpCentral(central.url, LYON, "T01", central.enrol(LYON, "T03"))
    service = OtherStores(lyon, LYON, http)
    order = service.place(draft)  # the retry, once back online
    again = service.place(draft)  # and a retry after a lost reply
    assert again == order
    assert (order.location_id, order.paid, order.fulfilment) == (PARIS, False, "pickup")
    live = service.lookup(PRODUCT)
    http.close()
    assert [(x.reserved, x.available) for x in live.locations if x.store_id == PARIS] == [(2, 3)]

    _sync(paris_path, paris)
    paris.close()
    with LocalStore(paris_path) as store:
        seen = [o for o in pickup_orders.open_orders(store.conn) if o.id == draft.order_id]
    assert len(seen) == 1
    assert (seen[0].pickup_code, seen[0].total_cents) == (order.pickup_code, order.total_cents)


def test_a_delivery_order_and_bad_orders(central: CentralServer, lyon: Path) -> None:
    http = HttpCentral(central.url, LYON, "T01", central.enrol(LYON, "T04"))
    service = OtherStores(lyon, LYON, http)
    cashier = a_cashier()
    address = Address("12 rue de la Paix", "75002", "Paris")
    draft = service.prepare_order(
        cashier, sku=SKU, quantity=1, customer_id=CUSTOMER, address=address
    )
    order = service.place(draft)
    assert (order.fulfilment, order.location_id) == ("delivery", WAREHOUSE)

    def code(**fields: object) -> str:
        with pytest.raises(PosError) as error:
            service.prepare_order(cashier, **{"sku": SKU, "quantity": 1,  # type: ignore[arg-type]
                                             "customer_id": CUSTOMER} | fields)  # fmt: skip
        return error.value.code

    assert code(customer_id=None) == ORDER_INVALID  # no customer attached
    assert code(quantity=0, pickup_store_id=PARIS) == ORDER_INVALID
    assert code(quantity=-3, pickup_store_id=PARIS) == ORDER_INVALID
    assert code(pickup_store_id=None) == ORDER_INVALID  # neither a store nor an address
    assert code(address=Address("", "", "")) == ORDER_INVALID
    unknown = service.prepare_order(
        cashier, sku=SKU, quantity=1, customer_id=CUSTOMER, pickup_store_id="nowhere"
    )
    with pytest.raises(PosError) as refused:
        service.place(unknown)  # a store central does not know: its words, nothing placed
    http.close()
    assert refused.value.code == "order_refused" and "nowhere" in refused.value.message
