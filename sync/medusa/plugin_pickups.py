"""Pickup moves through Comptoir's plugin: the pushed ``pickup_transition`` and the desk's
direct move.

The plugin applies each move in one Medusa workflow, under the order's lock, with the
version check (``sync/medusa/plugin/src/pickups``): partial preparation and hand-over,
stock consumed at the pickup location, payment captured, cancellation and expiry
releasing the reservations. The adapter only checks the payload's shape and sends it.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from sync.contract import INVALID_PAYLOAD
from sync.contract.pickups import PickupTransitionPayload
from sync.medusa.http import MedusaHttp
from sync.medusa.plugin_push import PayloadRefused, Scope, push_batch
from sync.ports import CentralRejected, OutgoingOperation

KIND = "pickup_transition"


def translate_transition(op: OutgoingOperation) -> dict[str, Any]:
    """The contract's payload as is (the order id is Medusa's); a malformed one is
    refused here, with the field, without being sent."""
    try:
        move = PickupTransitionPayload.model_validate_json(op.payload_json)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise PayloadRefused(INVALID_PAYLOAD, f"{where}: {first['msg']}") from None
    payload: dict[str, Any] = json.loads(move.model_dump_json(exclude_none=True))
    return payload


def move_directly(http: MedusaHttp, scope: Scope, order_id: str, status: str, op_id: str) -> None:
    """The desk's immediate move (no version seen): idempotent by ``op_id`` in the
    plugin's ledger; a refusal is a ``CentralRejected`` with the plugin's code."""
    payload = json.dumps({"order_id": order_id, "to_state": status})
    op = OutgoingOperation(op_id, 1, KIND, payload)
    [outcome] = push_batch(http, scope, [op], {KIND: lambda o: json.loads(o.payload_json)})
    if outcome.status == "rejected":
        raise CentralRejected(outcome.reason, code=outcome.code or "rejected")
