"""Robustness: a flaky network over 10,000 offline sales, and a till killed mid-sync.

Both check the promise of the outbox and the cursors: every sale reaches the central
side exactly once (lost = 0, doubled = 0), whatever fails and whenever.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from pos.store import catalog_staging, feed_cursors, stock_levels
from pos.store.journal import verify
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from sync.engine import Backoff, SyncEngine
from tests.support.central_server import REPO_ROOT, CentralServer
from tests.sync.conftest import STORE
from tests.sync.hostile_proxy import HostileProxy
from tests.sync.sales_factory import make_sales

WORKER = Path(__file__).with_name("sync_worker.py")
SALES = 10_000
KILLS = int(os.environ.get("COMPTOIR_KILLS", "20"))  # 100+ for a longer check


@pytest.mark.slow
def test_10000_offline_sales_arrive_exactly_once_through_a_flaky_network(
    tmp_path: Path, central: CentralServer
) -> None:
    token = central.enrol(STORE, "T01")
    path = tmp_path / "store.db"
    _sync_until_idle(SyncEngine(path, HttpCentral(central.url, STORE, "T01", token)))
    sale_ids = make_sales(path, SALES)

    with HostileProxy(central.url, seed=11) as proxy:
        proxy.stall_rate, proxy.stall_s = 0.07, 1.0  # the answer comes after the timeout
        central.set_faults(seed=5, error_rate=800, reset_before_rate=700, reset_after_rate=900)
        timeout = httpx.Timeout(connect=3.0, read=0.5, write=3.0, pool=3.0)
        engine = SyncEngine(
            path, HttpCentral(proxy.url, STORE, "T01", token, timeout=timeout),
            backoff=Backoff(rng=random.Random(3)),
        )  # fmt: skip
        errors: list[str] = []
        rounds = _sync_until_idle(engine, max_rounds=2000, errors=errors)
        central.clear_faults()
        requests = proxy.requests

    totals, stats = engine.totals, central.stats()
    central_ids, doubled = _central_sales(central.db_path)
    lost = len(set(sale_ids) - central_ids)
    failed_share = totals.failed_attempts / max(totals.batches, 1)
    kinds = {kind: sum(says in e for e in errors) for kind, says in _FAILURE_KINDS.items()}
    print(
        f"\nflaky network: {SALES:,} sales; {rounds} rounds, {totals.batches} push batches "
        f"({totals.operations_sent:,} operations sent), {totals.failed_attempts} failed "
        f"attempts ({failed_share:.0%} of batches; {requests} requests in all, "
        f"{len(errors)} failed: {kinds}); central: {stats['operations_accepted']:,} "
        f"accepted, {stats['operations_duplicate']:,} duplicates refused, "
        f"{stats['sales']:,} sales; lost = {lost}, doubled = {doubled}"
    )
    assert lost == 0 and doubled == 0 and stats["sales"] == SALES == len(central_ids)
    assert totals.failed_attempts > 0 and stats["operations_duplicate"] > 0
    assert all(kinds.values()) and sum(kinds.values()) == len(errors)  # every kind, no other
    assert central.chain(STORE, "T01")["flags"] == []
    with LocalStore(path) as store:
        assert (
            store.conn.execute("SELECT count(*) FROM outbox WHERE acked_at IS NULL").fetchone()[0]
            == 0
        )


@pytest.mark.slow
def test_a_till_killed_at_random_moments_of_sync_loses_and_doubles_nothing(
    tmp_path: Path, central: CentralServer
) -> None:
    token = central.enrol(STORE, "T01")
    path = tmp_path / "store.db"
    LocalStore(path).close()
    rng = random.Random(20261125)
    made: list[str] = []
    kills_mid_staging = 0
    for kill in range(KILLS):
        with LocalStore(path) as store:
            if store.catalog.count() and kill % 3 == 0:
                made += make_sales(path, 60, seed=kill)
            kills_mid_staging += catalog_staging.is_active(store.conn)
        if kill % 4 == 1:
            _change_centrally(central, rng)
        _run_and_kill(path, central.url, token, rng)
        _check_local_invariants(path)

    engine = SyncEngine(path, HttpCentral(central.url, STORE, "T01", token))
    _sync_until_idle(engine)
    central_ids, doubled = _central_sales(central.db_path)
    lost = len(set(made) - central_ids)
    stats = central.stats()
    print(
        f"\nkilled till: {KILLS} SIGKILLs ({kills_mid_staging} with a first catalog pull "
        f"half staged), {len(made):,} sales made; central: {stats['operations_accepted']:,} "
        f"accepted, {stats['operations_duplicate']:,} duplicates refused, "
        f"{len(central_ids):,} sales; lost = {lost}, doubled = {doubled}; cursors intact"
    )
    assert lost == 0 and doubled == 0 and len(central_ids) == len(made)
    assert central.chain(STORE, "T01")["flags"] == []
    _check_cursors_intact(path, central, token)


# -- helpers ------------------------------------------------------------------------------


_FAILURE_KINDS = {
    "HTTP 500": "HTTP 500",
    "reset": "broke off",
    "timeout": "did not answer in time",
}


def _sync_until_idle(
    engine: SyncEngine, max_rounds: int = 50, errors: list[str] | None = None
) -> int:
    """Rounds, without waiting between them, until everything is sent and pulled."""
    for rounds in range(1, max_rounds + 1):
        status = engine.sync_once()
        if errors is not None and status.last_error:
            errors.append(status.last_error)
        if status.state == "idle" and status.pending == 0:
            engine.close()
            return rounds
    engine.close()
    raise AssertionError(f"not in sync after {max_rounds} rounds: {engine.status}")


def _central_sales(db_path: Path) -> tuple[set[str], int]:
    """The op_ids of the sales the central side holds, and how many sales or stock
    movements it holds twice."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        ids = {row[0] for row in conn.execute("SELECT op_id FROM sales")}
        doubled = conn.execute("SELECT count(*) - count(DISTINCT op_id) FROM sales").fetchone()[0]
        doubled += conn.execute(
            "SELECT count(*) FROM (SELECT op_id, product_id FROM stock_movements "
            "WHERE op_id IS NOT NULL GROUP BY op_id, product_id HAVING count(*) > 1)"
        ).fetchone()[0]
    finally:
        conn.close()
    return ids, doubled


def _run_and_kill(path: Path, url: str, token: str, rng: random.Random) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(path), url, token, STORE, "T01"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "READY", proc.stderr.read() if proc.stderr else ""
    time.sleep(rng.uniform(0.0, 0.35))
    proc.send_signal(signal.SIGKILL)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err


def _change_centrally(central: CentralServer, rng: random.Random) -> None:
    for _ in range(20):
        sku = f"SKU{rng.randint(1, 3000):07d}"
        central.set_price(sku, rng.randint(100, 9999))
        central.count_stock(STORE, sku, rng.randint(0, 200))


def _check_local_invariants(path: Path) -> None:
    with LocalStore(path) as store:
        conn = store.conn
        assert verify(conn).ok
        assert (
            conn.execute(
                "SELECT count(*) FROM outbox WHERE (acked_at IS NULL) <> (ack_no IS NULL)"
            ).fetchone()[0]
            == 0
        )
        if catalog_staging.is_active(conn):  # a first pull was cut: it resumes from its cursor
            assert feed_cursors.cursor(conn, "catalog") is not None


def _check_cursors_intact(path: Path, central: CentralServer, token: str) -> None:
    """Nothing left to pull from the stored cursors, and the till matches the center."""
    with HttpCentral(central.url, STORE, "T01", token) as port, LocalStore(path) as store:
        for feed, cursor in feed_cursors.all_cursors(store.conn).items():
            page = port.pull(feed, cursor, 5000)
            assert (page.items, page.has_more) == ([], False), feed
        catalog = {item.id: item for item in _all(port, "catalog")}
        stock = {item.product_id: item for item in _all(port, "stock")}
        assert store.catalog.count() == sum(item.active for item in catalog.values())
        for item in catalog.values():
            assert store.catalog.get(item.id).price_cents == item.price_cents
        for item in stock.values():
            assert stock_levels.level(store.conn, item.product_id).on_hand == item.on_hand


def _all(port: HttpCentral, feed: str) -> list:
    items, cursor = [], None
    while True:
        page = port.pull(feed, cursor, 5000)
        items += page.items
        cursor = page.next_cursor
        if not page.has_more:
            return items
