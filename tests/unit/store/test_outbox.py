"""The outbox: canonical payloads, seq order, acknowledgement, failures, all-or-nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos.store import outbox
from pos.store.db import connect, write_transaction
from pos.store.migrations import migrate


@pytest.fixture
def conn(tmp_path: Path):
    connection = connect(tmp_path / "pos.db")
    migrate(connection)
    yield connection
    connection.close()


def test_payloads_are_stored_as_canonical_json(conn):
    outbox.enqueue(conn, "op-1", "stock_count", {"zeta": 1, "name": "Bœuf", "items": [3, 1]})
    stored = conn.execute("SELECT payload FROM outbox").fetchone()[0]
    assert stored == '{"items":[3,1],"name":"Bœuf","zeta":1}'


def test_pending_comes_back_in_seq_order_with_its_payload(conn):
    seqs = [outbox.enqueue(conn, f"op-{n}", "sale", {"n": n}) for n in range(5)]
    assert seqs == sorted(seqs) and len(set(seqs)) == 5
    items = outbox.pending(conn, limit=3)
    assert [(i.seq, i.op_id, i.kind, i.payload, i.attempts) for i in items] == [
        (seqs[n], f"op-{n}", "sale", {"n": n}, 0) for n in range(3)
    ]
    assert outbox.pending_count(conn) == 5


def test_acked_operations_leave_the_queue_and_their_seq_is_never_reused(conn):
    for n in range(4):
        outbox.enqueue(conn, f"op-{n}", "sale", {"n": n})
    assert outbox.mark_acked(conn, ["op-0", "op-2", "unknown"]) == 2
    assert outbox.mark_acked(conn, ["op-0"]) == 0  # a retried confirmation is harmless
    assert [item.op_id for item in outbox.pending(conn)] == ["op-1", "op-3"]
    outbox.mark_acked(conn, ["op-1", "op-3"])
    assert outbox.pending_count(conn) == 0
    assert outbox.enqueue(conn, "op-4", "sale", {}) == 5


def test_a_failed_push_is_counted_and_stays_pending(conn):
    outbox.enqueue(conn, "op-1", "sale", {})
    outbox.mark_failed(conn, "op-1", "HTTP 503 from the central API")
    outbox.mark_failed(conn, "op-1", "timed out " * 500)
    [item] = outbox.pending(conn)
    assert item.attempts == 2
    error = conn.execute("SELECT last_error FROM outbox").fetchone()[0]
    assert error.startswith("timed out") and len(error) == outbox.MAX_ERROR_CHARS


def test_floats_and_duplicate_op_ids_are_refused(conn):
    with pytest.raises(TypeError, match="integers only"):
        outbox.enqueue(conn, "op-1", "sale", {"amount": 12.5})
    outbox.enqueue(conn, "op-1", "sale", {"amount": 1250})
    with pytest.raises(sqlite3.IntegrityError):
        outbox.enqueue(conn, "op-1", "sale", {"amount": 1250})
    assert outbox.pending_count(conn) == 1


def test_an_operation_queued_in_a_rolled_back_transaction_is_not_kept(conn):
    with pytest.raises(RuntimeError), write_transaction(conn):
        outbox.enqueue(conn, "op-1", "sale", {})
        raise RuntimeError("the change it described failed")
    assert outbox.pending_count(conn) == 0


def test_acking_inside_the_callers_transaction_joins_it(conn):
    outbox.enqueue(conn, "op-1", "sale", {})
    with pytest.raises(RuntimeError), write_transaction(conn):
        outbox.mark_acked(conn, ["op-1"])
        raise RuntimeError("rolled back")
    assert outbox.pending_count(conn) == 1
