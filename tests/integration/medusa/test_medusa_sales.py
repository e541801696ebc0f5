"""A sale made offline at the till, pushed to Medusa exactly once through a bad network,
by the old cart path (a Medusa without Comptoir's plugin; through the plugin:
``test_medusa_exact_sales.py``)."""

from __future__ import annotations

import json

import pytest

from sync.ports import CentralUnavailable
from tests.medusa.helpers import (
    DroppingTransport,
    NoPluginTransport,
    catalog_by_sku,
    level_at,
    orders_of_sale,
    path_is,
    sale_operation,
)

pytestmark = pytest.mark.medusa


@pytest.fixture
def backend(make_backend):
    return make_backend(transport=NoPluginTransport())


def push_until_answered(backend, operation, tries: int = 20):
    for _ in range(tries):
        try:
            return backend.push([operation])[0]
        except CentralUnavailable:
            continue
    raise AssertionError("the push never got through")


def test_a_sale_is_recorded_once_and_takes_stock_once(backend, admin, seed):
    item = catalog_by_sku(backend)["STYLO-NOIR"]
    before = level_at(admin, seed, "STYLO-NOIR")
    operation = sale_operation("S-T01-clean-1", [(item, 3)])

    first = backend.push([operation])[0]
    again = backend.push([operation])[0]

    assert (first.status, first.warnings) == ("accepted", ())
    assert again.status == "duplicate"
    orders = orders_of_sale(admin, "S-T01-clean-1")
    assert [order["status"] for order in orders] == ["completed"]
    seal = json.loads(operation.payload_json)["seal"]  # the signed ticket entry, kept
    assert orders[0]["metadata"]["comptoir_seal"] == seal
    after = level_at(admin, seed, "STYLO-NOIR")
    assert after["stocked"] == before["stocked"] - 3
    assert after["reserved"] == before["reserved"]  # the reservation was consumed


def test_dropped_connections_at_every_step_still_record_one_order(make_backend, admin, seed):
    net = DroppingTransport(NoPluginTransport())
    backend = make_backend(transport=net)
    item = catalog_by_sku(backend)["CARNET-A5"]
    before = level_at(admin, seed, "CARNET-A5")
    operation = sale_operation("S-T01-flaky-1", [(item, 2)])
    # each step's answer lost once after Medusa carried it out, plus refused connections
    net.drop(path_is("POST", "/store/carts"))  # an orphan cart, never completed
    net.drop(path_is("POST", "/shipping-methods"))
    net.drop(path_is("POST", "/payment-sessions"), after=False)
    net.drop(path_is("POST", "/complete"), times=2)  # completing twice: the same order
    net.drop(path_is("POST", "/fulfillments"))
    net.drop(path_is("POST", "/mark-as-delivered"))
    net.drop(path_is("POST", "/capture"), after=False)

    outcome = push_until_answered(backend, operation)

    assert outcome.status == "accepted", outcome
    assert len(net.log) == 8, net.log
    assert backend.push([operation])[0].status == "duplicate"
    orders = orders_of_sale(admin, "S-T01-flaky-1")
    assert len(orders) == 1 and orders[0]["status"] == "completed"
    after = level_at(admin, seed, "CARNET-A5")
    assert after["stocked"] == before["stocked"] - 2
    assert after["reserved"] == before["reserved"]


def test_a_till_restarted_mid_push_finishes_the_same_cart(make_backend, admin, seed, tmp_path):
    net = DroppingTransport(NoPluginTransport())
    net.drop(path_is("POST", "/complete"), after=False, times=99)
    crashed = make_backend(transport=net, state_dir=tmp_path / "till")
    item = catalog_by_sku(crashed)["TASSE-BLEUE"]
    operation = sale_operation("S-T01-restart-1", [(item, 1)])
    with pytest.raises(CentralUnavailable):
        crashed.push([operation])
    crashed.close()

    # same state file, fresh process
    restarted = make_backend(transport=NoPluginTransport(), state_dir=tmp_path / "till")
    outcome = restarted.push([operation])[0]

    assert outcome.status == "accepted"
    assert len(orders_of_sale(admin, "S-T01-restart-1")) == 1


def test_a_reused_sale_id_with_other_content_is_rejected(backend):
    items = catalog_by_sku(backend)
    backend.push([sale_operation("S-T01-reuse-1", [(items["STYLO-NOIR"], 1)])])

    outcome = backend.push([sale_operation("S-T01-reuse-1", [(items["STYLO-NOIR"], 2)])])[0]

    assert (outcome.status, outcome.code) == ("rejected", "op_id_reused")


def test_an_unknown_product_is_rejected_and_the_batch_goes_on(backend):
    items = catalog_by_sku(backend)
    ghost = items["STYLO-NOIR"].model_copy(update={"id": 4_000_000_000, "sku": "GHOST"})

    outcomes = backend.push(
        [
            sale_operation("S-T01-ghost-1", [(ghost, 1)]),
            sale_operation("S-T01-ghost-2", [(items["STYLO-NOIR"], 1)], seq=2),
        ]
    )

    assert [o.status for o in outcomes] == ["rejected", "accepted"]
    assert outcomes[0].code == "unknown_product"


def test_goods_medusa_thinks_are_out_of_stock_are_still_sold(backend, admin, seed):
    item = catalog_by_sku(backend)["THE-VERT-100"]
    available = level_at(admin, seed, "THE-VERT-100")["available"]
    operation = sale_operation("S-T01-short-1", [(item, available + 2)])

    outcome = backend.push([operation])[0]

    assert outcome.status == "accepted", outcome
    assert "stock_corrected" in outcome.warnings
    assert level_at(admin, seed, "THE-VERT-100")["available"] == 0
