"""The engine over a real central server: drain, acknowledge, resend, back off, resume."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from pos.store import feed_cursors, outbox, push_queue
from sync.client import HttpCentral
from sync.engine import Backoff, SyncEngine
from sync.engine.pusher import drain
from sync.engine.status import SyncTotals
from sync.ports import (
    CentralUnavailable,
    FeedPage,
    OperationOutcome,
    OutgoingOperation,
    PayloadTooLarge,
)
from tests.support.central_server import CentralServer
from tests.sync.conftest import STORE
from tests.sync.feed_items import Product
from tests.sync.hostile_proxy import HostileProxy
from tests.sync.sales_factory import make_sales
from tests.sync.terminals import Terminal, open_terminal


@pytest.fixture
def till(tmp_path: Path, central: CentralServer) -> Iterator[Terminal]:
    terminal = open_terminal(tmp_path / "T01", central)
    assert terminal.sync().state == "idle"  # the catalog to sell from
    yield terminal
    terminal.close()


def test_sales_are_pushed_in_order_acknowledged_and_witnessed(
    till: Terminal, central: CentralServer
) -> None:
    make_sales(till.path, 30)
    till.statuses.clear()
    status = till.sync()
    assert (status.state, status.pending, status.rejected, status.last_error) == (
        "idle",
        0,
        0,
        None,
    )
    assert status.online and status.last_success_at
    assert till.statuses[0].state == "syncing" and till.statuses[-1] == status
    stats = central.stats()
    assert (stats["operations_accepted"], stats["sales"]) == (30, 30)
    witness = central.witness(STORE, "T01")  # the signed ticket chain, as central saw it
    heads = {h["chain"]: (h["entries"], h["head_seq"]) for h in witness["heads"]}
    assert (heads, witness["flags"]) == ({"ticket": (30, 30)}, [])
    with till.store() as store:
        assert (
            store.conn.execute(
                "SELECT count(*) FROM outbox WHERE acked_at IS NULL OR ack_no IS NULL"
            ).fetchone()[0]
            == 0
        )


def test_a_lost_answer_is_resent_and_comes_back_duplicate(
    till: Terminal, central: CentralServer
) -> None:
    make_sales(till.path, 20)
    central.set_faults(reset_after_rate=10_000)  # the server commits, the answer is cut
    status = till.sync()
    assert (status.state, status.online, status.pending) == ("offline", False, 20)
    assert central.stats()["sales"] == 20  # applied centrally all the same
    central.clear_faults()
    status = till.sync()
    assert (status.state, status.pending) == ("idle", 0)
    assert till.engine.totals.duplicates == 20
    stats = central.stats()
    assert (stats["sales"], stats["operations_duplicate"]) == (20, 20)


def test_offline_sales_wait_and_go_when_the_server_is_back(
    till: Terminal, central: CentralServer
) -> None:
    central.stop()
    make_sales(till.path, 12)
    status = till.sync()
    assert (status.state, status.online, status.pending) == ("offline", False, 12)
    assert "cannot be reached" in (status.last_error or "")
    assert status.retry_in_s is not None and 0.5 <= status.retry_in_s <= 1.0
    assert till.sync().retry_in_s <= 2.0  # type: ignore[operator]
    central.start()  # same database, same port
    status = till.sync()
    assert (status.state, status.pending, status.last_error, status.retry_in_s) == (
        "idle", 0, None, None,
    )  # fmt: skip
    assert central.stats()["sales"] == 12


def test_backoff_grows_exponentially_with_jitter_and_a_floor_for_refusals() -> None:
    backoff = Backoff(base_s=1.0, cap_s=60.0, rejected_floor_s=30.0, rng=random.Random(7))
    delays = [backoff.delay(n) for n in range(1, 9)]
    for n, delay in enumerate(delays, start=1):
        step = min(60.0, 2.0 ** (n - 1))
        assert step / 2 <= delay <= step
    assert len(set(delays)) == len(delays)  # jittered
    assert 15.0 <= backoff.delay(1, rejected=True) <= 30.0
    assert 30.0 <= backoff.delay(100) <= 60.0


def test_the_run_loop_waits_the_backoff_delays_without_sleeping(tmp_path: Path) -> None:
    central = HttpCentral("http://127.0.0.1:9", STORE, "T01", "t")  # nothing listens there
    engine = SyncEngine(tmp_path / "store.db", central, backoff=Backoff(rng=random.Random(1)))
    waits: list[float] = []

    def wait(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 6:
            engine.stop()

    engine.run(wait=wait)
    assert len(waits) == 6 and engine.status.state == "stopped"
    for n, delay in enumerate(waits, start=1):
        assert 2 ** (n - 1) / 2 <= delay <= 2 ** (n - 1)
    assert engine.totals.failed_rounds == 6


def test_wake_syncs_right_after_a_sale(till: Terminal, central: CentralServer) -> None:
    till.engine.poll_interval_s = 300.0
    thread = till.engine.start()
    try:
        _wait_for(lambda: till.engine.status.state == "idle")
        make_sales(till.path, 3)
        till.engine.wake()
        _wait_for(lambda: central.stats()["sales"] == 3 and till.engine.status.pending == 0)
    finally:
        till.engine.stop()
    assert not thread.is_alive() and till.engine.status.state == "stopped"


def test_a_pull_resumes_from_its_stored_cursor_after_a_restart(
    tmp_path: Path, central: CentralServer
) -> None:
    token = central.enrol(STORE, "T05")
    path = tmp_path / "T05" / "store.db"
    path.parent.mkdir()
    first = Flaky(HttpCentral(central.url, STORE, "T05", token), fail_after=3)
    engine = SyncEngine(path, first, feeds=("catalog",), page_limit=500)
    status = engine.sync_once()
    engine.close()
    assert status.state == "offline" and len(first.cursors) == 3 and first.cursors[0] is None
    terminal = open_terminal(tmp_path / "T05", central, "T05", token=token)
    with terminal.store() as store:
        stored = feed_cursors.cursor(store.conn, "catalog")
        assert stored == first.refused[-1] and store.catalog.count() == 0  # staged, unseen

    second = Flaky(HttpCentral(central.url, STORE, "T05", token))  # "after a restart"
    engine = SyncEngine(path, second, feeds=("catalog",), page_limit=500)
    assert engine.sync_once().state == "idle"
    assert second.cursors[0] == stored and len(second.cursors) == 3  # only what was left
    with terminal.store() as store:
        assert store.catalog.count() == 3000
    central.set_price("SKU0000042", 1234)
    assert engine.sync_once().state == "idle" and engine.totals.pulled["catalog"] == 1500 + 1
    engine.close()
    terminal.close()


def test_hostile_replies_change_nothing_and_the_next_good_one_resumes(
    till: Terminal, central: CentralServer, tmp_path: Path
) -> None:
    with HostileProxy(central.url) as proxy:
        token = central.enrol(STORE, "T02")
        terminal = open_terminal(tmp_path / "T02", central, "T02", url=proxy.url, token=token)
        assert terminal.sync().state == "idle"
        central.count_stock(STORE, "SKU0000007", 77)
        central.set_price("SKU0000007", 777)
        proxy.only = "/feeds/stock"
        with terminal.store() as store:
            before = _snapshot(store.conn)
            for mode, state, says in (
                ("wrong_types", "error", "cannot read"), ("html_502", "offline", "HTML page"),
                ("empty_200", "error", "empty reply"), ("huge", "error", "larger than"),
                ("truncated", "offline", "broke off"), ("not_json", "error", "cannot read"),
            ):  # fmt: skip
                proxy.mode = mode
                status = terminal.sync()
                assert (status.state, mode) == (state, mode) and says in (status.last_error or "")
                assert _snapshot(store.conn) == before  # stock untouched, cursor unchanged
            proxy.mode = "forward"
            assert terminal.sync().state == "idle"
            assert store.catalog.by_sku("SKU0000007").price_cents == 777
            assert store.catalog.stock_on_hand(7) == 77
        terminal.close()


def test_a_refused_cursor_starts_the_feed_over(till: Terminal) -> None:
    with till.store() as store:
        with feed_cursors.page_transaction(store.conn, "customers", "bm90LW91cnM.AAAA"):
            store.conn.execute("DELETE FROM customers")
        assert till.sync().state == "idle"
        assert store.conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 10
        assert feed_cursors.cursor(store.conn, "customers") != "bm90LW91cnM.AAAA"


def test_a_rejected_operation_is_set_aside_and_the_rest_flows(
    till: Terminal, central: CentralServer
) -> None:
    with till.store() as store:
        movement = {"delta": -1, "product_id": 999_999, "reason": "breakage", "sku": "NOPE"}
        outbox.enqueue(store.conn, "mv-unknown", "stock_movement", movement)
        outbox.enqueue(store.conn, "bad id", "stock_movement", movement)
    make_sales(till.path, 5)
    status = till.sync()
    assert (status.state, status.pending, status.rejected) == ("idle", 0, 2)
    assert central.stats()["sales"] == 5
    with till.store() as store:
        rejected = {(r.op_id, r.code) for r in push_queue.rejected(store.conn)}
    assert rejected == {("mv-unknown", "unknown_product"), ("bad id", "unsendable")}
    assert till.sync().rejected == 2  # never re-sent


def test_a_revoked_token_asks_for_enrolment_and_backs_off_longer(
    till: Terminal, central: CentralServer
) -> None:
    central.enrol(STORE, "T01")  # enrolling again revokes the till's token
    status = till.sync()
    assert (status.state, status.online) == ("error", True)
    assert "Enrol this till again" in (status.last_error or "")
    assert status.retry_in_s is not None and status.retry_in_s >= 15.0


def test_a_batch_over_the_size_limit_is_halved(tmp_path: Path, till: Terminal) -> None:
    make_sales(till.path, 9)
    limited = SizeLimited(max_ops=2)
    with till.store() as store:
        drain(store.conn, limited, SyncTotals(), batch_size=8)
        assert push_queue.counts(store.conn).pending == 0
    assert max(limited.accepted_sizes) == 2 and sum(limited.accepted_sizes) == 9


def test_a_failing_status_callback_does_not_stop_sync(
    tmp_path: Path, central: CentralServer
) -> None:
    def explode(_status: object) -> None:
        raise RuntimeError("widget gone")

    terminal = open_terminal(tmp_path / "T03", central, "T03")
    terminal.engine._on_status = explode
    assert terminal.sync().state == "idle"
    terminal.close()


def test_a_page_the_store_refuses_is_reported_and_not_hammered(tmp_path: Path) -> None:
    bad = Product(1, "SKU0000001", "Prix négatif", price_cents=-1)
    port = Canned([FeedPage("catalog", [bad], "c1", False)])
    engine = SyncEngine(tmp_path / "store.db", port, feeds=("catalog",))
    status = engine.sync_once()
    assert (status.state, status.online) == ("error", True)
    assert "SKU0000001" in (status.last_error or "") and status.retry_in_s >= 15.0  # type: ignore[operator]
    assert feed_cursors.cursor(engine._connection(), "catalog") is None
    engine.close()


# -- helpers ------------------------------------------------------------------------------


class Canned:
    """A CentralPort answering pulls with the given pages, in turn."""

    def __init__(self, pages: list[FeedPage]) -> None:
        self.pages = pages

    def pull(self, feed: str, cursor: str | None, limit: int) -> FeedPage:
        return self.pages.pop(0)

    def push(self, operations: Sequence[OutgoingOperation]) -> list[OperationOutcome]:
        return []

    def close(self) -> None:
        pass


class Flaky:
    """A CentralPort that records the cursors it is asked for and, after ``fail_after``
    pulls, fails like a network outage."""

    def __init__(self, inner: HttpCentral, *, fail_after: int | None = None) -> None:
        self.inner, self.fail_after = inner, fail_after
        self.cursors: list[str | None] = []  # pulled
        self.refused: list[str | None] = []  # asked for while "offline"

    def pull(self, feed: str, cursor: str | None, limit: int) -> FeedPage:
        if self.fail_after is not None and len(self.cursors) >= self.fail_after:
            self.refused.append(cursor)
            raise CentralUnavailable("The network went away.")
        self.cursors.append(cursor)
        return self.inner.pull(feed, cursor, limit)

    def push(self, operations: Sequence[OutgoingOperation]) -> list[OperationOutcome]:
        return self.inner.push(operations)

    def close(self) -> None:
        self.inner.close()


class SizeLimited:
    def __init__(self, max_ops: int) -> None:
        self.max_ops = max_ops
        self.accepted_sizes: list[int] = []

    def pull(self, feed: str, cursor: str | None, limit: int) -> FeedPage:
        raise AssertionError("not pulled here")

    def push(self, operations: Sequence[OutgoingOperation]) -> list[OperationOutcome]:
        if len(operations) > self.max_ops:
            raise PayloadTooLarge("too big", code="payload_too_large", http_status=413)
        self.accepted_sizes.append(len(operations))
        return [OperationOutcome(op.op_id, "accepted") for op in operations]

    def close(self) -> None:
        pass


def _snapshot(conn: object) -> tuple:
    return (
        conn.execute("SELECT * FROM central_stock ORDER BY product_id").fetchall(),  # type: ignore[attr-defined]
        conn.execute("SELECT cursor FROM feed_cursors WHERE feed = 'stock'").fetchall(),  # type: ignore[attr-defined]
    )


def _wait_for(condition: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)
