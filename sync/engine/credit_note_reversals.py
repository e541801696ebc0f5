"""Sending the credit note reversals the till queued (``pos.store.credit_note_reversals``).

A reversal is idempotent centrally, so it is sent again until central answers: given
back, or a debit (or note) it does not know (the tender was taken offline and never
debited) both mean nothing is left to give back; so does ``not_supported`` (Medusa
without the plugin cannot have recorded the debit). Any other refusal keeps the reversal
with its reason, for a manager to see; an unreachable central stops the round (the push
would fail the same way). Reversals go before the push in a round: a sale completed
after its tender was removed offline, with a credit note in the same place, is then
debited afresh by its push (central frees a reversed op id). One such sale central has
already accepted is never undone: its reversal is held back, for a manager to see.
"""

from __future__ import annotations

import sqlite3

from pos.store import credit_note_reversals as queue
from sync.contract.returns import NOT_FOUND, NOT_SUPPORTED
from sync.engine.owed_call import send
from sync.ports import DebitReversing

#: Central's refusals that mean there is no debit left to give back.
SETTLED = frozenset({NOT_FOUND, NOT_SUPPORTED})


def reverse(conn: sqlite3.Connection, calls: DebitReversing, code: str, op_id: str) -> bool:
    """Send one queued reversal (the caller holds ``queue.SENDING``); True once central
    has settled it (the row is gone). ``CentralUnavailable`` and ``NotAuthorised`` go up
    (the reversal stays queued)."""
    return send(
        lambda: calls.reverse_credit_note_debit(code, op_id),
        SETTLED,
        lambda refusal, message: queue.failed(conn, op_id, refusal, message),
        lambda: queue.done(conn, op_id),
    )


def reverse_due(conn: sqlite3.Connection, calls: DebitReversing) -> int:
    """Send every queued reversal still queued when its turn comes; how many central
    settled."""
    settled = 0
    for owed in queue.due(conn):
        with queue.SENDING:
            if queue.queued(conn, owed.op_id) is None:
                continue  # the till sent it meanwhile (before debiting that place again)
            if queue.in_use(conn, owed.op_id):
                queue.failed(
                    conn, owed.op_id, queue.DEBIT_IN_USE,
                    "Held back: a completed sale accepted by central pays with this debit.",
                )  # fmt: skip
                continue
            settled += reverse(conn, calls, owed.code, owed.op_id)
    return settled
