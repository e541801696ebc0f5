"""Draining the outbox: batches in seq order, each answer recorded per operation.

Only an answer that names one operation sets it aside (kept, listed for the manager,
re-queued by hand): a per-operation ``rejected`` result, or the adapter's own contract
check (``UnsendableOperation``). Everything else is about the transport, not about an
operation, and never sets anything aside:

* ``accepted`` and ``duplicate`` (a retry of something already applied) acknowledge the
  operation; central's ``warnings`` on them are recorded for the manager.
* A 413 (the server's or a proxy's, JSON or HTML) halves the batch; at one operation it
  says so and goes up like any other failure: the operations stay pending.
* Any other failure of a whole batch (network, 5xx, a 400, a bad token, an unreadable
  reply) says nothing about its operations: the attempt is counted on each, they stay
  pending, and the error goes up to the engine, which backs off and sends the same batch
  again later (op_ids make that safe).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from pos.store import push_queue
from pos.store.push_queue import QueuedOperation, Rejection
from pos.store.sync_attention import OpWarning
from sync.engine.status import Refusal, SyncTotals
from sync.ports import (
    CentralError,
    CentralPort,
    CentralUnavailable,
    NotAuthorised,
    OperationOutcome,
    OutgoingOperation,
    PayloadTooLarge,
    UnsendableOperation,
)

DEFAULT_BATCH = 250

#: Sentences for the warnings central is known to send (others are shown as sent).
WARNING_TEXTS = {
    "chain_break": "Central found a break in this till's record at this entry: one before "
    "it is missing or out of order (deleted before it was sent?).",
    "chain_rewrite": "Central already holds a different entry with this number: this till's "
    "record was rolled back or rewritten after central had seen it.",
    "hash_mismatch": "Central computed another journal hash for this sale than the till.",
    "bad_signature": "This entry's signature does not match its content: it was changed "
    "after the till signed it.",
    "unknown_key": "This entry is signed with a key central never registered for this "
    "till: the till's record may have been rebuilt. Enrol the till again only if its data "
    "folder was replaced on purpose.",
    "medusa_total_differs": "Medusa priced this sale at another total than the till charged.",
    "stock_corrected": "Medusa had less stock than this sale took: its stock level was raised "
    "by the shortfall before the sale was recorded.",
}


def drain(
    conn: sqlite3.Connection,
    central: CentralPort,
    totals: SyncTotals,
    *,
    batch_size: int = DEFAULT_BATCH,
    after_batch: Callable[[], None] = lambda: None,
) -> None:
    """Push until the queue is empty; raise the first CentralError that stops it."""
    size, ceiling = batch_size, batch_size  # ceiling: below the smallest size refused as 413
    while batch := push_queue.next_batch(conn, size):
        operations = [OutgoingOperation(q.op_id, q.seq, q.kind, q.payload_json) for q in batch]
        totals.batches += 1
        totals.operations_sent += len(operations)
        try:
            outcomes = central.push(operations)
        except UnsendableOperation as exc:
            refusal = OperationOutcome(exc.op_id, "rejected", "unsendable", exc.reason)
            _settle(conn, totals, batch, [refusal])
            continue
        except PayloadTooLarge as exc:
            _failed(conn, totals, operations, exc.message, "too_large")
            if len(batch) > 1:
                ceiling = size = max(1, len(batch) // 2)
                continue
            raise PayloadTooLarge(
                _too_large(exc, push_queue.counts(conn).pending),
                code=exc.code, http_status=exc.http_status,
            ) from exc  # fmt: skip
        except CentralError as exc:
            _failed(conn, totals, operations, exc.message, _failure_kind(exc))
            raise
        size = min(ceiling, size * 2)
        _settle(conn, totals, batch, outcomes)
        after_batch()


def _settle(
    conn: sqlite3.Connection,
    totals: SyncTotals,
    batch: Sequence[QueuedOperation],
    outcomes: Sequence[OperationOutcome],
) -> None:
    """Record one batch's answers, and what ``comptoir sync`` and the app will report."""
    queued = {q.op_id: q for q in batch}
    acknowledged = [o.op_id for o in outcomes if o.status != "rejected"]
    rejections = [
        Rejection(o.op_id, o.code or "rejected", o.reason or "Refused by the central API.")
        for o in outcomes
        if o.status == "rejected"
    ]
    warnings = [
        OpWarning(o.op_id, code, WARNING_TEXTS.get(code, code))
        for o in outcomes
        if o.status != "rejected"
        for code in o.warnings
    ]
    push_queue.settle(conn, acknowledged, rejections, warnings)
    totals.accepted += sum(o.status == "accepted" for o in outcomes)
    totals.duplicates += sum(o.status == "duplicate" for o in outcomes)
    totals.rejected += len(rejections)
    for r in rejections:
        q = queued.get(r.op_id)
        totals.note_refusal(Refusal(q.seq if q else 0, r.op_id, q.kind if q else "", r.code,
                                    r.reason))  # fmt: skip
    for w in warnings:
        q = queued.get(w.op_id)
        totals.note_warning(Refusal(q.seq if q else 0, w.op_id, q.kind if q else "", w.code,
                                    w.text))  # fmt: skip


def _failed(
    conn: sqlite3.Connection,
    totals: SyncTotals,
    operations: Sequence[OutgoingOperation],
    message: str,
    kind: str,
) -> None:
    totals.failed_attempts += 1
    push_queue.record_attempt(conn, [op.op_id for op in operations], message, kind)


def _failure_kind(exc: CentralError) -> str:
    """The failure as the attention list words it in the staff's language."""
    if isinstance(exc, NotAuthorised):
        return "not_authorised"
    if isinstance(exc, CentralUnavailable):
        return "unavailable"
    return "refused"


def _too_large(exc: PayloadTooLarge, pending: int) -> str:
    return (
        f"{exc.message.rstrip('.')}. Even one operation at a time is refused as too large "
        f"(HTTP {exc.http_status or 413}): the {pending:,} operations waiting stay on this "
        "till and are sent again later; if it lasts, check the proxy or the server's size "
        "limit."
    )
