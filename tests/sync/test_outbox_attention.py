"""Nothing set aside by mistake: a 413 is the transport's, a refusal names an operation.

A real central server behind ``HostileProxy`` on 127.0.0.1: the proxy answers 413 (as
JSON, or as nginx's HTML page) or refuses one operation by name, the way the issue's
outside test saw it happen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.__main__ import main
from pos.store import push_queue, stock_levels, sync_attention
from tests.support.central_server import CentralServer
from tests.sync.hostile_proxy import HostileProxy
from tests.sync.sales_factory import make_sales
from tests.sync.terminals import Terminal, open_terminal


@pytest.fixture
def proxy(central: CentralServer) -> Iterator[HostileProxy]:
    with HostileProxy(central.url) as hostile:
        yield hostile


@pytest.fixture
def till(tmp_path: Path, central: CentralServer, proxy: HostileProxy) -> Iterator[Terminal]:
    terminal = open_terminal(tmp_path / "T01", central, url=proxy.url)
    assert terminal.sync().state == "idle"  # the catalog and stock to sell from
    yield terminal
    terminal.close()


def _moved(till: Terminal) -> dict[int, int]:
    """Each product's local movements (units sold here), from the till's own rows."""
    with till.store() as store:
        rows = store.conn.execute(
            "SELECT product_id, sum(delta) FROM stock_movements GROUP BY product_id"
        ).fetchall()
    return dict(rows)


def _shown_minus_central(till: Terminal, product_ids: list[int]) -> dict[int, int]:
    with till.store() as store:
        levels = [stock_levels.level(store.conn, pid) for pid in product_ids]
    return {lv.product_id: lv.on_hand - (lv.central_on_hand or 0) for lv in levels}


@pytest.mark.parametrize("mode", ["too_large", "too_large_html"])
def test_a_413_to_every_push_sets_nothing_aside(
    till: Terminal, proxy: HostileProxy, central: CentralServer, mode: str
) -> None:
    sales = make_sales(till.path, 300)
    moved = _moved(till)
    proxy.mode = mode  # every push refused as too large, even of one operation
    status = till.sync()
    assert (status.state, status.pending, status.rejected) == ("error", 300, 0)
    assert "HTTP 413" in (status.last_error or "") and "300 operations" in (status.last_error or "")
    assert status.retry_in_s is not None and status.retry_in_s >= 15.0  # backs off
    assert proxy.too_large == 8  # 250, 125, 62, 31, 15, 7, 3, then 1: it stops there
    with till.store() as store:
        assert push_queue.rejected(store.conn) == []
        attempts = dict(store.conn.execute("SELECT op_id, attempts FROM outbox").fetchall())
    assert (
        attempts[sales[0]] == 8 and sum(attempts.values()) == 250 + 125 + 62 + 31 + 15 + 7 + 3 + 1
    )
    assert _shown_minus_central(till, list(moved)) == moved  # the till still counts them

    proxy.mode = "forward"  # the proxy fixed: everything goes, once
    status = till.sync()
    assert (status.state, status.pending, status.rejected) == ("idle", 0, 0)
    assert central.stats()["sales"] == 300


def test_a_413_above_a_size_sends_everything_in_smaller_batches(
    till: Terminal, proxy: HostileProxy, central: CentralServer
) -> None:
    make_sales(till.path, 100)
    proxy.mode, proxy.max_ops = "too_large_html", 16
    status = till.sync()
    assert (status.state, status.pending, status.rejected) == ("idle", 0, 0)
    assert central.stats()["sales"] == 100
    assert proxy.too_large == 3  # 100, 50, 25: a size refused once is not tried again
    with till.store() as store:
        tried = store.conn.execute("SELECT count(*) FROM outbox WHERE attempts > 0").fetchone()
    assert tried[0] == 100  # the first, refused batch carried them all: counted


def test_a_refused_sale_is_set_aside_still_counted_requeued_and_counted_once(
    till: Terminal, proxy: HostileProxy, central: CentralServer, tmp_path: Path
) -> None:
    sales = make_sales(till.path, 6)
    moved = _moved(till)
    before = _central_levels(till, list(moved))
    refused = sales[2]
    proxy.refuse = {refused: "The sale's VAT table is not central's."}
    status = till.sync()
    assert (status.state, status.pending, status.rejected) == ("idle", 0, 1)
    assert till.engine.totals.refusals[0].op_id == refused
    with till.store() as store:
        [aside] = push_queue.rejected(store.conn)
        warnings = sync_attention.warnings(store.conn)
        refused_moves = dict(store.conn.execute(
            "SELECT product_id, sum(delta) FROM stock_movements WHERE ref = ? GROUP BY product_id",
            (refused,),
        ).fetchall())  # fmt: skip
    assert (aside.op_id, aside.code) == (refused, "invalid_payload")
    # central saw a gap in the journal where the refused sale was: the next sale is flagged
    assert [(w.op_id, w.code) for w in warnings] == [(sales[3], "chain_break")]
    # central's level (pulled after the push) has the other sales; the till adds the refused
    assert _shown_minus_central(till, list(moved)) == {
        pid: refused_moves.get(pid, 0) for pid in moved
    }

    proxy.refuse = {}
    data_dir = str(till.path.parent)
    assert main(["--data-dir", data_dir, "outbox", "requeue", refused]) == 0
    status = till.sync()
    assert (status.state, status.pending, status.rejected) == ("idle", 0, 0)
    assert central.stats()["sales"] == 6
    till.sync()  # a level pulled after the acknowledgement includes it
    central_now = _central_levels(till, list(moved))
    assert central_now == {pid: before[pid] + moved[pid] for pid in moved}  # central: once
    assert _shown_minus_central(till, list(moved)) == {pid: 0 for pid in moved}  # till: once
    with till.store() as store:
        [requeue] = sync_attention.requeues(store.conn)
    assert (requeue.op_id, requeue.code, requeue.source) == (refused, "invalid_payload", "cli")
    assert requeue.terminal_id and requeue.requeued_at


def _central_levels(till: Terminal, product_ids: list[int]) -> dict[int, int]:
    """Central's on_hand as the stock feed last brought it."""
    with till.store() as store:
        return {
            pid: store.conn.execute(
                "SELECT on_hand FROM central_stock WHERE product_id = ?", (pid,)
            ).fetchone()[0]
            for pid in product_ids
        }
