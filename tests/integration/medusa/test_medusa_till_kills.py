"""Kill the till mid-push 20 times, against the real Medusa with Comptoir's plugin (issue 11).

A real till process (``tests/medusa/till_sync_process.py``: the till's own store, outbox
and sync engine) is SIGKILLed at moments chosen from what it says it is doing: before it
pushes, as a push goes out, while Medusa is applying it, and once its answer was read but
before the till settled its outbox. It is restarted on the same data folder each time, a
new sale rung up in between, until one run finishes. Then every sale is one completed
Medusa order with the till's total, no cart was made, the outbox is empty, and the till's
stock equals Medusa's, which went down once per unit sold.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.store import push_queue, stock_levels
from pos.store.local_store import LocalStore
from sync.engine.engine import SyncEngine
from tests.medusa.helpers import ensure_stock, level_at, psql, settings_values
from tests.support.staff import a_cashier
from tests.support.writer_process import kill_and_read, start_writer

pytestmark = pytest.mark.medusa

WORKER = Path(__file__).resolve().parents[2] / "medusa" / "till_sync_process.py"
KILLS = 20
FIRST_SALES = 10  # queued offline before the first start; one more before each restart
GOODS = {"3017620422003": "CAFE-250", "3560070976461": "THE-VERT-100", "036000291452": "CARNET-A5"}
#: before any push / as a push goes out / while Medusa applies it / answer read, not settled
MOMENTS = ("ready", "push", "mid-push", "answer")


def pos_carts(peer, seed) -> int:
    """Every cart ever made in the POS channel, deleted or not."""
    channel = seed.pos_sales_channel_id
    return int(psql(peer, f"select count(*) from cart where sales_channel_id = '{channel}'")[0][0])


def ring_up(db: Path, rng: random.Random, sales: dict[str, int]) -> None:
    """One sale at the till, paid by card: recorded in the store and queued in its outbox."""
    with LocalStore(db) as store:
        checkout = Checkout(store, terminal_id="T-KILL", actor=a_cashier("Camille"))
        for code in rng.sample(sorted(GOODS), rng.randint(1, 2)):
            for _ in range(rng.randint(1, 2)):
                checkout.scan(code)
        due = checkout.totals().total_cents
        checkout.add_tender(TenderKind.CARD, due)
        sales[checkout.complete().sale_id] = due
        checkout.close()


def run_and_kill(data: Path, settings: str, moment: str, rng: random.Random) -> str:
    """Starts the till, kills it at ``moment`` (or once it has nothing left to push: the
    moment then came too late in this run), and says where it was killed."""
    proc = start_writer(WORKER, data, settings)
    assert proc.stdout is not None
    target_push = rng.randint(1, 2)
    killed_at = ""
    while not killed_at:
        line = proc.stdout.readline().strip()
        if not line:
            _, err = kill_and_read(proc) if proc.poll() is None else ("", proc.stderr.read())
            raise AssertionError(f"the till stopped before its kill: {err[-3000:]}")
        word, _, rest = line.partition(" ")
        if moment == "ready" and word == "READY":
            killed_at = "before pushing"
        elif word == "PUSH" and int(rest) >= target_push and moment in ("push", "mid-push"):
            if moment == "mid-push":
                time.sleep(rng.uniform(0.05, 1.5))  # Medusa is applying the batch
            killed_at = "during a push" if moment == "mid-push" else "as a push left"
        elif word == "ANSWER" and int(rest) >= target_push and moment == "answer":
            killed_at = "answer read, outbox not settled"
        elif line == "ROUND idle 0":
            killed_at = "idle (nothing left to push)"
    kill_and_read(proc)
    return killed_at


@pytest.mark.timeout(600)
def test_a_till_killed_mid_push_20_times_makes_one_order_per_sale_and_no_cart(
    medusa_peer, make_backend, admin, seed, tmp_path
):
    rng = random.Random(20261206)
    for sku in GOODS.values():
        ensure_stock(admin, seed, sku, 200)
    carts_before = pos_carts(medusa_peer, seed)
    stocked_before = {sku: level_at(admin, seed, sku)["stocked"] for sku in GOODS.values()}
    data = tmp_path / "till"
    data.mkdir()
    db = data / "store.db"
    first = SyncEngine(db, make_backend(state_dir=data), poll_interval_s=0).sync_once()
    assert first.state == "idle", first.last_error  # the catalog is at the till
    sales: dict[str, int] = {}
    for _ in range(FIRST_SALES):
        ring_up(db, rng, sales)
    settings = json.dumps(settings_values(seed))

    started = time.monotonic()
    where: list[str] = []
    for kill in range(KILLS):
        if kill:
            ring_up(db, rng, sales)  # the shop goes on selling between crashes
        where.append(run_and_kill(data, settings, MOMENTS[kill % len(MOMENTS)], rng))
    last = start_writer(WORKER, data, settings, "--until-done")
    out, err = last.communicate(timeout=300)
    assert last.returncode == 0 and "DONE" in out, err[-3000:]
    print(
        f"\n{len(sales)} sales, {KILLS} kills in {time.monotonic() - started:.0f} s: "
        + ", ".join(f"{n}× {w}" for w, n in Counter(where).items()),
        file=sys.stderr,
    )

    ids = ",".join(f"'{sale_id}'" for sale_id in sales)
    rows = psql(
        medusa_peer,
        "select metadata->>'comptoir_sale_id', id from \"order\" "
        f"where deleted_at is null and metadata->>'comptoir_sale_id' in ({ids})",
    )
    per_sale = Counter(sale_id for sale_id, _ in rows)
    assert {s: n for s, n in per_sale.items() if n != 1} == {}, "two orders for one sale"
    assert set(per_sale) == set(sales)
    for sale_id, order_id in rows:
        order = admin.get(f"/admin/orders/{order_id}", fields="id,status,total")["order"]
        assert order["status"] == "completed", order
        assert round(order["total"] * 100) == sales[sale_id], (sale_id, order)
    assert pos_carts(medusa_peer, seed) == carts_before  # the plugin makes no cart

    sold: Counter[str] = Counter()
    with LocalStore(db) as store:
        queue = push_queue.counts(store.conn)
        assert (queue.pending, queue.rejected) == (0, 0)  # nothing pending, nothing set aside
        for sale_id in sales:
            for line in store.sales.get(sale_id).draft.lines:
                sold[line.sku] += line.quantity
        for sku in GOODS.values():
            product = store.catalog.by_sku(sku)
            assert product is not None
            medusa = level_at(admin, seed, sku)
            assert medusa["stocked"] == stocked_before[sku] - sold[sku], sku  # once per unit
            assert stock_levels.level(store.conn, product.id).on_hand == medusa["stocked"], sku
