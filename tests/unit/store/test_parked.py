"""Parked baskets: park, list, and take exactly once, even with two tills racing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.store import parked
from pos.store.db import connect
from pos.store.migrations import migrate

BASKET = {"sale_id": "p1", "basket": {"lines": [{"sku": "CAF", "quantity": 2, "name": "Café"}]}}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "pos.db"
    conn = connect(path)
    migrate(conn)
    conn.close()
    return path


@pytest.fixture
def conn(db_path: Path):
    connection = connect(db_path)
    yield connection
    connection.close()


def test_a_parked_sale_is_listed_then_taken_once(conn):
    parked.park(conn, "p1", "T1", "Léa", "Mme Dupont", BASKET, now="2024-05-02T10:00:00.000Z")
    [listed] = parked.list_parked(conn, "T1")
    assert (listed.id, listed.cashier, listed.label, listed.payload) == (
        "p1",
        "Léa",
        "Mme Dupont",
        BASKET,
    )
    assert parked.take(conn, "p1") == BASKET
    assert parked.take(conn, "p1") is None
    assert parked.list_parked(conn, "T1") == []


def test_listing_is_per_terminal_oldest_first(conn):
    parked.park(conn, "b", "T1", "Léa", "", {}, now="2024-05-02T10:05:00.000Z")
    parked.park(conn, "a", "T1", "Léa", "", {}, now="2024-05-02T10:00:00.000Z")
    parked.park(conn, "c", "T2", "Marc", "", {}, now="2024-05-02T09:00:00.000Z")
    assert [p.id for p in parked.list_parked(conn, "T1")] == ["a", "b"]
    assert [p.id for p in parked.list_parked(conn)] == ["c", "a", "b"]


def test_parking_the_same_sale_twice_is_refused(conn):
    parked.park(conn, "p1", "T1", "Léa", "", BASKET)
    with pytest.raises(PosError) as refused:
        parked.park(conn, "p1", "T2", "Marc", "", {})
    assert refused.value.code == "already_parked"
    assert parked.take(conn, "p1") == BASKET


def test_two_tills_resuming_the_same_sale_get_it_exactly_once(db_path, conn):
    for round_no in range(20):
        parked.park(conn, f"p{round_no}", "T1", "Léa", "", {"round": round_no})
    results: dict[str, list] = {"a": [], "b": []}
    start = threading.Barrier(2)

    def till(name: str) -> None:
        connection = connect(db_path)
        try:
            start.wait()
            results[name] = [parked.take(connection, f"p{n}") for n in range(20)]
        finally:
            connection.close()

    threads = [threading.Thread(target=till, args=(name,)) for name in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for n in range(20):
        got = [results[name][n] for name in results]
        assert sorted(got, key=lambda x: x is None) == [{"round": n}, None]
