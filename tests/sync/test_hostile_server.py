"""Issue 10: a hostile central server cannot hold the engine (loops, waits) or its memory.

Each scripted server stops misbehaving after a bounded number of requests or seconds,
so a regression fails the test instead of hanging it.
"""

from __future__ import annotations

import email.utils
import gc
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pos.store import catalog_feed, feed_cursors
from pos.store.db import connect
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from sync.engine import SyncEngine
from sync.engine.backoff import Backoff
from sync.ports import CentralUnavailable
from tests.sync.conftest import STORE
from tests.sync.feed_items import products
from tests.sync.sales_factory import make_sales
from tests.sync.scripted_server import (
    Request,
    ScriptedServer,
    page,
    product,
    reply_json,
    stop_during_a_call,
    trickle_headers,
)

GIVE_UP_AFTER = 100  # a looping script ends its loop then, so an old engine still returns


def feed_server(catalog: Callable[[str | None, int], dict]) -> ScriptedServer:
    """Pages of ``catalog(cursor, how_many_asked_so_far)``; other feeds empty; pushes
    all accepted."""
    counts = {"catalog": 0}

    def answer(request: Request, conn: socket.socket) -> None:
        if request.method == "POST":
            ops = json.loads(request.body)["operations"]
            results = [{"op_id": op["op_id"], "status": "accepted"} for op in ops]
            reply_json(conn, 200, {"results": results})
            return
        feed = request.path.rsplit("/", 1)[1]
        if feed != "catalog":
            reply_json(conn, 200, page(feed, [], "end", False))
            return
        counts["catalog"] += 1
        if counts["catalog"] > GIVE_UP_AFTER:
            reply_json(conn, 200, page("catalog", [], "end", False))
            return
        reply_json(conn, 200, catalog(request.query.get("cursor"), counts["catalog"]))

    return ScriptedServer(answer)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A till with a small catalog to sell from, and no feed cursor yet."""
    path = tmp_path / "store.db"
    with LocalStore(path) as store:
        catalog_feed.apply_page(store.conn, products(1000, 20), "seed", caught_up=True)
        feed_cursors.forget(store.conn, "catalog")
    return path


def engine_for(server: ScriptedServer, db: Path, **options: object) -> SyncEngine:
    central = HttpCentral(server.url, STORE, "T01", "token", deadline_s=5.0)
    backoff = Backoff(rng=__import__("random").Random(1))
    return SyncEngine(db, central, feeds=("catalog", "stock"), backoff=backoff, **options)  # type: ignore[arg-type]


def stored_cursor(db: Path, feed: str) -> str | None:
    conn = connect(db)
    try:
        return feed_cursors.cursor(conn, feed)
    finally:
        conn.close()


def cycling(cursor: str | None, _asked: int) -> dict:
    """c1 → c2 → c1 → …"""
    following = {None: ("c1", 1), "c1": ("c2", 2), "c2": ("c1", 3)}
    nxt, number = following[cursor]
    return page("catalog", [product(number)], nxt, True)


def same_cursor(cursor: str | None, asked: int) -> dict:
    """None → c1, then c1 → c1 with new items, for ever."""
    return page("catalog", [product(asked)], "c1", True)


@pytest.mark.parametrize("catalog", [cycling, same_cursor], ids=["c1-c2-c1", "same-cursor"])
def test_a_feed_that_loops_ends_the_pull_keeps_its_cursor_and_pushes_go_on(
    db: Path, catalog: Callable[[str | None, int], dict]
) -> None:
    with feed_server(catalog) as server:
        engine = engine_for(server, db)
        status = engine.sync_once()
        asked = len(server.paths("/feeds/catalog"))
        assert asked <= 4, f"{asked} catalog requests for a loop"
        assert status.state == "error" and "already given" in (status.last_error or "")
        assert stored_cursor(db, "catalog") == ("c2" if catalog is cycling else "c1")
        assert server.paths("/feeds/stock"), "the other feeds were still pulled"
        make_sales(db, 2)  # sales made after the stalled round are pushed at the next
        status = engine.sync_once()
        engine.close()
        engine.central.close()
    assert len(server.paths("/operations")) == 1 and status.pending == 0


def test_a_feed_that_never_ends_stops_at_the_page_budget(db: Path) -> None:
    def endless(cursor: str | None, asked: int) -> dict:
        return page("catalog", [product(asked)], f"c{asked}", True)

    with feed_server(endless) as server:
        engine = engine_for(server, db, page_budget=5)
        status = engine.sync_once()
        engine.close()
        engine.central.close()
    assert len(server.paths("/feeds/catalog")) <= 6  # 5 pages and the one fetched ahead
    assert "over 5 pages" in (status.last_error or "")
    assert stored_cursor(db, "catalog") == "c5"


def test_the_default_page_budget_covers_a_million_products_with_margin() -> None:
    from sync.engine.puller import default_page_budget

    assert default_page_budget(5000) * 5000 >= 2_000_000
    assert default_page_budget(100) * 100 >= 2_000_000


def test_the_collector_stays_on_during_a_multi_page_pull(db: Path) -> None:
    seen: list[bool] = []

    def pages(cursor: str | None, asked: int) -> dict:
        seen.append(gc.isenabled())  # the server runs in this process: same collector
        return page("catalog", [product(asked)], f"c{asked}", asked < 4)

    with feed_server(pages) as server:
        engine = engine_for(server, db)
        status = engine.sync_once()
        engine.close()
        engine.central.close()
    assert status.state == "idle" and len(seen) == 4
    assert all(seen) and gc.isenabled()


# -- one deadline for the whole request, and stop() that does not wait on it ------------


def trickling(request: Request, conn: socket.socket) -> None:
    trickle_headers(conn, every_s=0.2, for_s=10.0)


def test_headers_trickled_byte_by_byte_fail_at_the_deadline() -> None:
    with ScriptedServer(trickling) as server:
        central = HttpCentral(server.url, STORE, "T01", "token", deadline_s=2.0)
        started = time.monotonic()
        with pytest.raises(CentralUnavailable, match="took over 2 s"):
            central.pull("catalog", None, 10)
        elapsed = time.monotonic() - started
        central.close()
    assert elapsed < 3.5, f"gave up after {elapsed:.1f} s for a 2 s deadline"


def test_stop_ends_the_engine_thread_with_a_request_in_flight(db: Path) -> None:
    with ScriptedServer(trickling) as server:
        central = HttpCentral(server.url, STORE, "T01", "token")  # 60 s deadline
        engine = SyncEngine(db, central, feeds=("catalog",))
        alive, stopped_in = stop_during_a_call(server, engine)
        central.close()
    assert not alive and stopped_in < 2.5


# -- Retry-After -------------------------------------------------------------------------


def asks_to_wait(retry_after: str) -> Iterator[ScriptedServer]:
    error = {"error": {"code": "rate_limited", "message": "Slow down, please."}}

    def answer(request: Request, conn: socket.socket) -> None:
        reply_json(conn, 429, error, {"Retry-After": retry_after})

    with ScriptedServer(answer) as server:
        yield server


def test_retry_after_in_seconds_is_honoured_up_to_the_cap_and_the_error_is_quoted(
    db: Path,
) -> None:
    for server in asks_to_wait("3600"):
        engine = engine_for(server, db)
        status = engine.sync_once()
        engine.close()
        engine.central.close()
    assert status.retry_in_s == 15 * 60
    assert status.state != "offline" and status.online
    text = status.last_error or ""
    assert "asks us to wait" in text and "Slow down, please." in text and "15 min" in text


def test_retry_after_as_an_http_date_is_honoured(db: Path) -> None:
    when = email.utils.formatdate(time.time() + 300, usegmt=True)
    for server in asks_to_wait(when):
        engine = engine_for(server, db)
        status = engine.sync_once()
        engine.close()
        engine.central.close()
    assert status.retry_in_s is not None and 290 <= status.retry_in_s <= 301


def test_the_run_loop_waits_what_the_server_asks(db: Path) -> None:
    waits: list[float] = []
    for server in asks_to_wait("42"):
        engine = engine_for(server, db)

        def wait(seconds: float, engine: SyncEngine = engine) -> None:
            waits.append(seconds)
            engine.stop(timeout=0)

        worker = threading.Thread(target=engine.run, args=(wait,))
        worker.start()
        worker.join(10)
        engine.central.close()
    assert waits == [42.0]
