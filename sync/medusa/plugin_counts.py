"""A till's ``stock_count`` as Medusa can take it: one ``stock_movement`` (reason
``count``) per counted line whose variance is not zero, through the plugin's existing
path, so each lands once at this store's location (``plugin_movements``).

What Medusa cannot express: its inventory keeps levels, not timed movements, so the
variance cannot be judged against Medusa's level at the instant the article was counted
(the reference server does). The delta sent is the till's own (counted − what the till
showed at that instant): a sale at another till that this till had not yet heard of
when the article was counted is counted twice there. README says so.

Each line's operation id is the count's plus the product (``<op>.p<id>``): a resend after
a failure finds the applied lines in the plugin's ledger (``duplicate``), never twice.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sync.contract import StockCountPayload
from sync.medusa.plugin_movements import Push, push_as_movements
from sync.ports import OperationOutcome, OutgoingOperation

STOCK_COUNT = "stock_count"


def count_movements(op: OutgoingOperation) -> list[OutgoingOperation]:
    count = StockCountPayload.model_validate_json(op.payload_json)
    moves = []
    for line in count.lines:
        delta = line.counted - line.expected
        if delta:
            payload = {"product_id": line.product_id, "sku": line.sku, "delta": delta,
                       "reason": "count", "ref": count.count_id, "staff_id": line.staff_id,
                       "at": line.counted_at}  # fmt: skip
            moves.append(OutgoingOperation(f"{op.op_id}.p{line.product_id}", op.seq,
                                           "stock_movement", json.dumps(payload)))  # fmt: skip
    return moves


def push_counts(operations: Sequence[OutgoingOperation], push: Push) -> list[OperationOutcome]:
    """Outcomes in the batch's order, each count's folded from its lines'."""
    return push_as_movements(operations, push, {STOCK_COUNT: count_movements})
