"""The ``pickup_transition`` operation pushed by a desk, applied to a Medusa order.

Idempotent by ``op_id`` (the adapter's state remembers each applied one, with its payload's
hash), checked against the state and version the desk saw (``conflict`` otherwise), and
refused when Medusa cannot express it: a partial preparation or hand-over
(``invalid_lines``), ``partially_collected`` or ``expired`` (``illegal_transition``).
"""

from __future__ import annotations

import hashlib

from pydantic import ValidationError

from sync.contract import INVALID_PAYLOAD, OP_ID_REUSED
from sync.contract.operations import INVALID_LINES, UNPAID_HANDOVER
from sync.contract.pickups import PickupTransitionPayload
from sync.medusa.pickups import PickupDesk
from sync.medusa.state import AdapterState
from sync.ports import CentralRejected, NotAuthorised, OperationOutcome, OutgoingOperation


def push_transition(
    op: OutgoingOperation, desk: PickupDesk, state: AdapterState
) -> OperationOutcome:
    digest = hashlib.sha256(op.payload_json.encode()).hexdigest()
    record = state.sale_push(op.op_id)
    if record is not None and record.payload_sha256 != digest:
        return _rejected(op, OP_ID_REUSED, "This operation id was already sent with other content.")
    if record is not None and record.done:
        return OperationOutcome(op.op_id, "duplicate")
    try:
        move = PickupTransitionPayload.model_validate_json(op.payload_json)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        return _rejected(op, INVALID_PAYLOAD, f"{where}: {first['msg']}")
    warnings: list[str] = []
    try:
        order = desk.order(move.order_id)
        if move.lines is not None:
            ordered: dict[str, int] = {}
            for item in order.get("items") or []:
                sku = item.get("variant_sku") or item.get("variant_id") or ""
                ordered[sku] = ordered.get(sku, 0) + int(item.get("quantity") or 0)
            if {line.sku: line.quantity for line in move.lines} != ordered:
                return _rejected(
                    op,
                    INVALID_LINES,
                    "Medusa cannot record part of a pickup order as picked or handed over.",
                )
        unpaid = order.get("payment_status") not in ("authorized", "captured")
        if move.to_state == "collected" and move.sale_id is None and unpaid:
            warnings.append(UNPAID_HANDOVER)
        state.record_sale_push(op.op_id, digest)
        desk.move(
            move.order_id,
            move.to_state,
            op.op_id,
            from_state=move.from_state,
            expected_version=move.expected_version,
        )
    except NotAuthorised:
        raise
    except CentralRejected as exc:
        return _rejected(op, exc.code or "rejected", exc.message)
    state.record_sale_push(op.op_id, digest, done=True)
    return OperationOutcome(op.op_id, "accepted", warnings=tuple(warnings))


def _rejected(op: OutgoingOperation, code: str, reason: str) -> OperationOutcome:
    return OperationOutcome(op.op_id, "rejected", code=code, reason=reason[:2000])
