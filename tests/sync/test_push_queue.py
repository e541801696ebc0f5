"""The outbox as the engine drains it: seq order, acknowledgements, final rejections."""

from __future__ import annotations

from pos.store import outbox, push_queue, sync_attention
from pos.store.local_store import LocalStore
from pos.store.push_queue import Rejection
from pos.store.sync_attention import OpWarning


def queue(store: LocalStore, count: int) -> list[str]:
    ids = [f"op-{n}" for n in range(count)]
    for op_id in ids:
        outbox.enqueue(store.conn, op_id, "stock_movement", {"n": int(op_id[3:])})
    return ids


def test_batches_come_in_seq_order_with_the_payload_text_as_committed(store: LocalStore) -> None:
    queue(store, 5)
    batch = push_queue.next_batch(store.conn, 3)
    assert [(q.seq, q.op_id, q.payload_json) for q in batch] == [
        (1, "op-0", '{"n":0}'), (2, "op-1", '{"n":1}'), (3, "op-2", '{"n":2}')
    ]  # fmt: skip


def test_settling_acknowledges_rejects_and_numbers_each_batch(store: LocalStore) -> None:
    queue(store, 5)
    assert push_queue.settle(store.conn, ["op-0", "op-1"], [Rejection("op-2", "x", "no")]) == 1
    assert push_queue.settle(store.conn, ["op-3"]) == 2
    assert [q.op_id for q in push_queue.next_batch(store.conn, 10)] == ["op-4"]
    assert push_queue.counts(store.conn) == push_queue.QueueCounts(pending=1, rejected=1)
    [rejected] = push_queue.rejected(store.conn)
    assert (rejected.op_id, rejected.code, rejected.reason) == ("op-2", "x", "no")
    rows = store.conn.execute("SELECT op_id, ack_no FROM outbox ORDER BY seq").fetchall()
    assert rows == [("op-0", 1), ("op-1", 1), ("op-2", None), ("op-3", 2), ("op-4", None)]


def test_settling_again_changes_nothing(store: LocalStore) -> None:
    queue(store, 2)
    push_queue.settle(store.conn, ["op-0"], [Rejection("op-1", "x", "no")])
    before = store.conn.execute("SELECT * FROM outbox ORDER BY seq").fetchall()
    push_queue.settle(store.conn, ["op-0", "op-1"], [Rejection("op-0", "y", "late")])
    assert store.conn.execute("SELECT * FROM outbox ORDER BY seq").fetchall() == before


def test_a_failed_attempt_is_counted_and_the_operation_stays_pending(store: LocalStore) -> None:
    queue(store, 2)
    push_queue.record_attempt(store.conn, ["op-0", "op-1"], "timed out " * 200)
    push_queue.record_attempt(store.conn, ["op-0"], "HTTP 503")
    batch = push_queue.next_batch(store.conn, 10)
    assert [(q.op_id, q.attempts) for q in batch] == [("op-0", 2), ("op-1", 1)]
    errors = [row[0] for row in store.conn.execute("SELECT last_error FROM outbox ORDER BY seq")]
    assert errors[0] == "HTTP 503" and len(errors[1]) == outbox.MAX_ERROR_CHARS


def test_warnings_are_recorded_once_and_requeues_are_recorded(store: LocalStore) -> None:
    queue(store, 3)
    warning = OpWarning("op-0", "chain_break", "A gap.")
    push_queue.settle(store.conn, ["op-0"], [Rejection("op-1", "x", "no")], [warning])
    push_queue.settle(store.conn, ["op-0"], [], [warning])  # a duplicate repeats it
    assert [(w.op_id, w.code, w.text) for w in sync_attention.warnings(store.conn)] == [
        ("op-0", "chain_break", "A gap.")
    ]
    assert sync_attention.requeue(
        store.conn, ["op-1", "op-2"], terminal_id="T02", source="app"
    ) == ["op-1"]  # op-2 was never set aside: left alone
    assert [q.op_id for q in push_queue.next_batch(store.conn, 10)] == ["op-1", "op-2"]
    [done] = sync_attention.requeues(store.conn)
    assert (done.op_id, done.code, done.reason, done.terminal_id, done.source) == (
        "op-1", "x", "no", "T02", "app",
    )  # fmt: skip
    assert push_queue.counts(store.conn).rejected == 0
