"""Medusa run as two processes (``medusa start --cluster 2``, its own peer), as a store
runs it on a multi-core machine: two tills' sales of the same goods, side by side, are
each recorded once and take the stock once, though the two processes serve them at once.

The plugin's one-sale-at-a-time per inventory item must hold across processes
(``operations/item-locks.ts``): held in one process only, two processes each topped up,
reserved and fulfilled the same goods from the same stale look.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.domain.basket import Basket
from sync.medusa import MedusaBackend, MedusaSettings
from sync.ports import CentralUnavailable, OperationOutcome, OutgoingOperation
from tests.medusa.exact_sales import TillChain, plugin_orders, product_of, random_basket
from tests.medusa.helpers import (
    catalog_by_sku,
    ensure_stock,
    level_at,
    psql,
    separate_peer,
    settings_values,
)
from tests.medusa.seed import MedusaAdmin
from tests.support.medusa_peer import MedusaPeer

pytestmark = pytest.mark.medusa

GOODS = ("CAFE-250", "THE-VERT-100", "CARNET-A5")
SALES_PER_TILL = 10


@pytest.fixture(scope="module")
def cluster() -> Iterator[MedusaPeer]:
    with separate_peer(cluster=2) as peer:
        yield peer


def _push_until_answered(backend: MedusaBackend, ops: list[OutgoingOperation], out: list) -> None:
    for _ in range(30):
        try:
            out.extend(backend.push(ops))
            return
        except CentralUnavailable:  # a lock another process held past a call: again
            time.sleep(1.0)


def test_two_tills_sales_of_the_same_goods_on_two_processes_take_stock_once_each(
    cluster: MedusaPeer, tmp_path: Path
) -> None:
    seed = cluster.seed
    assert seed is not None
    admin = MedusaAdmin(seed.base_url, secret_key=seed.secret_key)
    for sku in GOODS:
        ensure_stock(admin, seed, sku, 500)
    before = {sku: level_at(admin, seed, sku) for sku in GOODS}
    tills = [
        MedusaBackend(
            MedusaSettings.from_mapping(settings_values(seed), data_dir=tmp_path / terminal),
            terminal_id=terminal,
        )
        for terminal in ("T01", "T02")
    ]
    rng = random.Random(3)
    batches: list[list[OutgoingOperation]] = []
    sold: Counter[str] = Counter()
    for till in tills:
        known = catalog_by_sku(till)
        products = [product_of(known[sku]) for sku in GOODS]
        chain = TillChain(terminal_id=till.terminal_id)
        batch = []
        for n in range(SALES_PER_TILL):
            basket, payment = random_basket(rng, products)
            batch.append(chain.operation(f"S-cluster-{chain.terminal_id}-{n:02d}", basket, payment))
            sold.update(_units(basket))
        batches.append(batch)

    outcomes: list[OperationOutcome] = []
    threads = [
        threading.Thread(target=_push_until_answered, args=(till, batch, outcomes))
        for till, batch in zip(tills, batches, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for till in tills:
        till.close()

    assert len(outcomes) == 2 * SALES_PER_TILL
    # A push retried after its answer was lost (a loaded machine) gets "duplicate" for what
    # the first try applied: still once each, as the orders and stock below prove.
    assert {o.status for o in outcomes} <= {"accepted", "duplicate"}, [
        o for o in outcomes if o.reason
    ]
    orders = {s: o for s, o in plugin_orders(admin).items() if s.startswith("S-cluster-")}
    assert len(orders) == 2 * SALES_PER_TILL  # plugin_orders asserts one order per sale
    assert {o["status"] for o in orders.values()} == {"completed"}
    after = {sku: level_at(admin, seed, sku) for sku in GOODS}
    assert {sku: before[sku]["stocked"] - after[sku]["stocked"] for sku in GOODS} == dict(sold)
    assert {sku: after[sku]["reserved"] for sku in GOODS} == {
        sku: before[sku]["reserved"] for sku in GOODS
    }
    # both processes did apply sales: the ledger names the process of each claim
    holders = psql(
        cluster,
        "select count(distinct instance_id) from comptoir_till_operation"
        " where id like 'S-cluster-%'",
    )
    assert int(holders[0][0]) == 2
    admin.close()


def _units(basket: Basket) -> Counter[str]:
    """Units of each SKU a basket takes from the stock."""
    return Counter({line.sku: int(line.quantity) for line in basket.sale_lines()})
