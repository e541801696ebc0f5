"""A till's ``stock_count`` as Medusa can take it: one ``stock_movement`` (reason
``count``) per counted line whose variance is not zero, through the plugin's existing
path, so each lands once at this store's location.

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
from collections.abc import Callable, Sequence

from pydantic import ValidationError

from sync.contract import INVALID_PAYLOAD, StockCountPayload
from sync.contract.scalars import MAX_OPERATIONS
from sync.ports import OperationOutcome, OutgoingOperation

STOCK_COUNT = "stock_count"
Push = Callable[[Sequence[OutgoingOperation]], list[OperationOutcome]]


def _lines(op: OutgoingOperation) -> list[OutgoingOperation]:
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
    """Outcomes in the batch's order, each count's folded from its lines': accepted
    when every line is (duplicate when all were), else its first refusal."""
    sent: list[OutgoingOperation] = []
    lines_of: dict[str, list[str]] = {}
    refused: dict[str, OperationOutcome] = {}
    for op in operations:
        if op.kind != STOCK_COUNT:
            sent.append(op)
            continue
        try:
            moves = _lines(op)
        except ValidationError as exc:
            refused[op.op_id] = OperationOutcome(op.op_id, "rejected", INVALID_PAYLOAD, str(exc))
            continue
        lines_of[op.op_id] = [move.op_id for move in moves]
        sent.extend(moves)
    found: dict[str, OperationOutcome] = {}
    for start in range(0, len(sent), MAX_OPERATIONS):
        for outcome in push(sent[start : start + MAX_OPERATIONS]):
            found[outcome.op_id] = outcome
    done = []
    for op in operations:
        if op.op_id in refused:
            done.append(refused[op.op_id])
        elif op.kind != STOCK_COUNT:
            done.append(found[op.op_id])
        else:
            done.append(_folded(op.op_id, [found[i] for i in lines_of[op.op_id]]))
    return done


def _folded(op_id: str, lines: list[OperationOutcome]) -> OperationOutcome:
    bad = next((o for o in lines if o.status == "rejected"), None)
    if bad is not None:
        return OperationOutcome(op_id, "rejected", bad.code, f"{bad.op_id}: {bad.reason}")
    if lines and all(o.status == "duplicate" for o in lines):
        return OperationOutcome(op_id, "duplicate")
    return OperationOutcome(op_id, "accepted")
