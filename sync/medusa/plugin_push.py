"""Pushes through Comptoir's Medusa plugin: one call per batch, one outcome per operation.

The plugin (``sync/medusa/plugin``) applies each operation inside Medusa, idempotent by
its op id in its own ledger, so a re-sent or concurrent copy gets the first answer. The
adapter's part is small: turn each till operation into the plugin's payload (the
``translators``: e.g. product ids to variant ids), name its lane (``lanes.py``: one pickup
order's moves in order, sales side by side), send, read the outcomes back.

An outcome ``retry`` means the plugin applied nothing for that operation and it may work
later (a claim held by another request, Medusa briefly failing): the batch then fails
as ``CentralUnavailable`` naming it, the operations stay queued, and the ones that were
applied in this call answer ``duplicate`` when sent again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sync.medusa.http import MedusaHttp
from sync.medusa.lanes import lanes
from sync.ports import CentralRejected, CentralUnavailable, OperationOutcome, OutgoingOperation

PATH = "/admin/comptoir/operations"

#: A till operation as the plugin's payload; raising ``PayloadRefused`` answers it
#: ``rejected`` without sending it (e.g. a product Medusa does not have).
Translator = Callable[[OutgoingOperation], dict[str, Any]]


class PayloadRefused(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


@dataclass(frozen=True, slots=True)
class Scope:
    terminal_id: str
    sales_channel_id: str
    stock_location_id: str
    region_id: str


def push_batch(
    http: MedusaHttp,
    scope: Scope,
    operations: Sequence[OutgoingOperation],
    translators: dict[str, Translator],
) -> list[OperationOutcome]:
    """Outcomes in the batch's order; every operation's kind must have a translator."""
    outcomes: list[OperationOutcome | None] = [None] * len(operations)
    sent: list[tuple[int, dict[str, Any]]] = []
    for number, lane in enumerate(lanes(operations)):
        for index in lane:
            op = operations[index]
            try:
                payload = translators[op.kind](op)
            except PayloadRefused as refused:
                outcomes[index] = OperationOutcome(
                    op.op_id, "rejected", code=refused.code, reason=refused.reason
                )
                continue
            item = {"op_id": op.op_id, "kind": op.kind, "lane": f"l{number}", "payload": payload}
            sent.append((index, item))
    if sent:
        body = {
            "terminal_id": scope.terminal_id,
            "sales_channel_id": scope.sales_channel_id,
            "stock_location_id": scope.stock_location_id,
            "region_id": scope.region_id,
            "operations": [item for _, item in sent],
        }
        answer = http.admin("POST", PATH, body=body)
        for (index, item), outcome in zip(sent, _outcomes(answer, len(sent)), strict=True):
            outcomes[index] = _outcome(item["op_id"], outcome)
        waiting = [o for o in outcomes if o is not None and o.status == "retry"]
        if waiting:
            first = waiting[0]
            raise CentralUnavailable(
                f"Medusa could not apply {len(waiting)} operation(s) yet "
                f"({first.op_id}: {first.reason}); they stay queued and are sent again."
            )
    return [outcome for outcome in outcomes if outcome is not None]


def _outcomes(answer: dict[str, Any], count: int) -> list[dict[str, Any]]:
    found = answer.get("outcomes")
    if not isinstance(found, list) or len(found) != count:
        raise CentralRejected(
            f"Comptoir's plugin answered {PATH} without one outcome per operation "
            f"({count} sent); nothing is marked sent.",
            code="bad_reply",
        )
    if not all(isinstance(item, dict) for item in found):
        raise CentralRejected(f"Comptoir's plugin sent a malformed outcome for {PATH}.")
    return found


def _outcome(op_id: str, found: dict[str, Any]) -> OperationOutcome:
    status = found.get("status")
    if found.get("op_id") != op_id or status not in ("accepted", "duplicate", "rejected", "retry"):
        raise CentralRejected(
            f"Comptoir's plugin answered {op_id} with {found.get('op_id')!r}/{status!r}; "
            "nothing is marked sent.",
            code="bad_reply",
        )
    warnings = found.get("warnings") or ()
    return OperationOutcome(
        op_id,
        status,  # type: ignore[arg-type]  # "retry" never leaves push_batch
        code=str(found.get("code") or ""),
        reason=str(found.get("reason") or found.get("message") or "")[:500],
        warnings=tuple(str(w) for w in warnings if isinstance(w, str))[:20],
    )
