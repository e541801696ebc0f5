"""Draining the outbox: batches in seq order, each answer recorded per operation.

* ``accepted`` and ``duplicate`` (a retry of something already applied) acknowledge the
  operation; ``rejected`` sets it aside for good (kept for support, never re-sent), so
  one bad operation never blocks those behind it.
* ``CentralUnavailable`` says nothing about what applied: the attempt is counted on each
  operation and the error goes up to the engine, which backs off and sends the same
  batch again later (op_ids make that safe).
* A batch over the server's size limit is halved, down to one operation; an operation
  too large on its own, or malformed (``UnsendableOperation``), is set aside at once.
* Any other refusal of a whole batch (a 400, a bad token, an unreadable reply) is not a
  verdict on its operations: they stay pending and the error goes up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from pos.store import push_queue
from pos.store.push_queue import Rejection
from sync.engine.status import SyncTotals
from sync.ports import (
    CentralPort,
    CentralUnavailable,
    OutgoingOperation,
    PayloadTooLarge,
    UnsendableOperation,
)

DEFAULT_BATCH = 250


def drain(
    conn: sqlite3.Connection,
    central: CentralPort,
    totals: SyncTotals,
    *,
    batch_size: int = DEFAULT_BATCH,
    after_batch: Callable[[], None] = lambda: None,
) -> None:
    """Push until the queue is empty; raise the first CentralError that stops it."""
    size = batch_size
    while batch := push_queue.next_batch(conn, size):
        operations = [OutgoingOperation(q.op_id, q.seq, q.kind, q.payload_json) for q in batch]
        totals.batches += 1
        totals.operations_sent += len(operations)
        try:
            outcomes = central.push(operations)
        except UnsendableOperation as exc:
            _set_aside(conn, totals, exc.op_id, "unsendable", exc.reason)
            continue
        except PayloadTooLarge as exc:
            if len(batch) > 1:
                size = max(1, len(batch) // 2)
            else:
                _set_aside(conn, totals, batch[0].op_id, "payload_too_large", exc.message)
            continue
        except CentralUnavailable as exc:
            totals.failed_attempts += 1
            push_queue.record_attempt(conn, [op.op_id for op in operations], exc.message)
            raise
        size = min(batch_size, size * 2)
        acknowledged = [o.op_id for o in outcomes if o.status != "rejected"]
        rejections = [
            Rejection(o.op_id, o.code or "rejected", o.reason or "Refused by the central API.")
            for o in outcomes
            if o.status == "rejected"
        ]
        push_queue.settle(conn, acknowledged, rejections)
        totals.accepted += sum(o.status == "accepted" for o in outcomes)
        totals.duplicates += sum(o.status == "duplicate" for o in outcomes)
        totals.rejected += len(rejections)
        after_batch()


def _set_aside(
    conn: sqlite3.Connection, totals: SyncTotals, op_id: str, code: str, reason: str
) -> None:
    push_queue.settle(conn, [], [Rejection(op_id, code, reason)])
    totals.rejected += 1
