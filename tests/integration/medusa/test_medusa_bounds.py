"""Issue 10 for the Medusa adapter: a hostile server cannot hold it (waits) or its memory.

No real Medusa here: ``MedusaHttp`` and ``MedusaBackend`` talk to the raw-socket scripted
server on 127.0.0.1, which trickles, bombs or asks us to wait. Each trickle ends by
itself after 10 s, so an unbounded client fails the test instead of hanging it.
"""

from __future__ import annotations

import gzip
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.store.local_store import LocalStore
from sync.engine import SyncEngine
from sync.medusa import MedusaBackend, MedusaSettings
from sync.medusa.http import MedusaHttp
from sync.ports import CentralRejected, CentralUnavailable
from tests.sync.scripted_server import (
    PEAK_RSS_LINES,
    Request,
    ScriptedServer,
    child_peak,
    gzip_of_zeros,
    reply,
    reply_json,
    stop_during_a_call,
    trickle_headers,
)

PEAK_RSS_MB = 256


def settings_for(server: ScriptedServer, data_dir: Path) -> MedusaSettings:
    values = {
        "url": server.url,
        "secret_api_key": "sk_test",
        "publishable_api_key": "pk_test",
        "sales_channel_id": "sc_test",
        "stock_location_id": "sloc_test",
        "region_id": "reg_test",
    }
    return MedusaSettings.from_mapping(values, data_dir=data_dir)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    LocalStore(path).close()
    return path


# -- one deadline for the whole call, and stop() that does not wait on it ----------------


def trickling(request: Request, conn: socket.socket) -> None:
    trickle_headers(conn, every_s=0.2, for_s=10.0)


def test_headers_trickled_byte_by_byte_fail_at_the_deadline() -> None:
    with ScriptedServer(trickling) as server:
        http = MedusaHttp(server.url, "sk_test", "pk_test", deadline_s=2.0)
        started = time.monotonic()
        with pytest.raises(CentralUnavailable) as raised:
            http.admin("GET", "/admin/stores")
        elapsed = time.monotonic() - started
        http.close()
    assert raised.value.message.startswith("Medusa took over 2 s to answer GET /admin/stores")
    assert elapsed < 3.0, f"gave up after {elapsed:.1f} s for a 2 s deadline"


def test_stop_ends_the_engine_thread_with_a_medusa_call_in_flight(db: Path, tmp_path: Path) -> None:
    with ScriptedServer(trickling) as server:
        backend = MedusaBackend(settings_for(server, tmp_path))  # 60 s deadline
        engine = SyncEngine(db, backend, feeds=("catalog",))
        alive, stopped_in = stop_during_a_call(server, engine)
        backend.close()
    assert not alive and stopped_in < 2.5, f"stop took {stopped_in:.1f} s"
    assert "interrupted" in (engine.status.last_error or "")


# -- Retry-After ---------------------------------------------------------------------------


def asks_to_wait(request: Request, conn: socket.socket) -> None:
    body = {"type": "too_many_requests", "message": "Slow down, please."}
    reply_json(conn, 429, body, {"Retry-After": "120"})


def test_a_429_carries_retry_after_and_the_engine_says_when_it_retries(
    db: Path, tmp_path: Path
) -> None:
    with ScriptedServer(asks_to_wait) as server:
        http = MedusaHttp(server.url, "sk_test", "pk_test")
        with pytest.raises(CentralUnavailable) as raised:
            http.store("GET", "/store/carts/cart_1")
        http.close()
        backend = MedusaBackend(settings_for(server, tmp_path))
        engine = SyncEngine(db, backend, feeds=("catalog",))
        status = engine.sync_once()
        engine.close()
        backend.close()
    assert raised.value.retry_after_s == 120 and raised.value.http_status == 429
    assert raised.value.message.startswith("Medusa asks us to wait on GET /store/carts/cart_1")
    assert status.retry_in_s == 120 and status.online
    text = status.last_error or ""
    assert "Slow down, please." in text and "Next attempt at" in text and "in 2 min" in text


# -- memory bounded whatever the reply -------------------------------------------------------

_CHILD = (
    """
import sys
from sync.medusa.http import MedusaHttp
from sync.ports import CentralError
http = MedusaHttp(sys.argv[1], "sk_test", "pk_test")
try:
    http.admin("GET", "/admin/product-variants")
    print("ACCEPTED")
except CentralError as exc:
    print(exc.message)
http.close()
"""
    + PEAK_RSS_LINES
)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return gzip_of_zeros(512 * 1024 * 1024)  # ~0.5 MB that inflates to 512 MiB


def serving(body: bytes, encoding: str) -> Iterator[ScriptedServer]:
    headers = {"Content-Type": "application/json", "Content-Encoding": encoding}

    def answer(request: Request, conn: socket.socket) -> None:
        reply(conn, 200, body, headers)

    with ScriptedServer(answer) as server:
        yield server


@pytest.mark.parametrize(
    ("encoding", "says"),
    [
        ("gzip", "Medusa's reply to GET /admin/product-variants is larger than 32 MiB"),
        ("gzip, gzip", "Medusa sent a reply encoded as 'gzip, gzip'"),
    ],
    ids=["gzip-bomb", "gzip-in-gzip"],
)
def test_a_compression_bomb_is_refused_with_memory_bounded(
    bomb: bytes, encoding: str, says: str
) -> None:
    body = bomb if encoding == "gzip" else gzip.compress(bomb, 9)
    for server in serving(body, encoding):
        message, peak_mb = child_peak(_CHILD, server.url)
    assert message.startswith(says), message
    assert peak_mb < PEAK_RSS_MB, f"peak RSS {peak_mb} MB"


# -- every loop bounded ----------------------------------------------------------------------


def test_a_server_that_keeps_sending_full_variant_pages_is_refused(tmp_path: Path) -> None:
    """Variants asked for by id: a server answering full pages for ever (or more rows than
    ids) ends the loop with a clear refusal instead of pulling without end."""
    requests = []

    def full_pages(request: Request, conn: socket.socket) -> None:
        requests.append(request.path)
        variants = [{"id": f"variant_{len(requests)}_{n}"} for n in range(500)]
        reply_json(conn, 200, {"variants": variants})

    ids = [f"variant_{n}" for n in range(150)]
    with ScriptedServer(full_pages) as server:
        backend = MedusaBackend(settings_for(server, tmp_path))
        try:
            with pytest.raises(CentralRejected) as raised:
                backend.catalog._all_variants(ids)
        finally:
            backend.close()
    assert len(requests) == 1
    assert raised.value.message.startswith("Medusa answered 500 variants for the 150 asked for")
