"""Till operations Medusa takes as plain stock movements: each is split into one
``stock_movement`` per article (``<op>.p<product id>``) sent through the plugin's
existing path, so each lands once at this store's location; the operation's outcome is
folded from its movements'. A resend finds the applied movements in the plugin's
ledger (``duplicate``), never twice.

The splitters: a count's variances (``plugin_counts``), a delivery's received units and a
transfer's units sent (``plugin_deliveries``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from pydantic import ValidationError

from sync.contract import INVALID_PAYLOAD
from sync.contract.scalars import MAX_OPERATIONS
from sync.ports import OperationOutcome, OutgoingOperation

Push = Callable[[Sequence[OutgoingOperation]], list[OperationOutcome]]
#: An operation as its movements (none: nothing to move, accepted as is).
Splitter = Callable[[OutgoingOperation], list[OutgoingOperation]]


def push_as_movements(
    operations: Sequence[OutgoingOperation], push: Push, splitters: Mapping[str, Splitter]
) -> list[OperationOutcome]:
    """Outcomes in the batch's order, each split operation's folded from its
    movements': accepted when every one is (duplicate when all were), else its first
    refusal. Operations of other kinds go to ``push`` as they are."""
    sent: list[OutgoingOperation] = []
    lines_of: dict[str, list[str]] = {}
    refused: dict[str, OperationOutcome] = {}
    for op in operations:
        if op.kind not in splitters:
            sent.append(op)
            continue
        try:
            moves = splitters[op.kind](op)
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
        elif op.kind not in splitters:
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
