"""A till ``stock_movement`` as the payload of Comptoir's Medusa plugin.

Medusa keeps stock as absolute levels; the till sends deltas with a reason. The plugin
applies a delta to the variant's inventory levels at the till's location exactly once
(the movement's op id is recorded in the same PostgreSQL transaction as the level
change: ``sync/medusa/plugin/src/operations/stock-movement.ts``). The adapter's part is
only to name the till's product as its Medusa variant (``AdapterState``); goods sold by
weight count grams on both sides, as sales do.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from sync.contract import INVALID_PAYLOAD, UNKNOWN_PRODUCT, StockMovementPayload
from sync.medusa.plugin_push import PayloadRefused
from sync.medusa.state import AdapterState
from sync.ports import OutgoingOperation


def movement_translator(state: AdapterState):
    """The ``Translator`` of ``stock_movement`` operations, reading variants from ``state``."""

    def translate(op: OutgoingOperation) -> dict[str, Any]:
        try:
            movement = StockMovementPayload.model_validate_json(op.payload_json)
        except ValidationError as exc:
            first = exc.errors(include_url=False, include_input=False)[0]
            where = ".".join(str(part) for part in first["loc"])
            raise PayloadRefused(INVALID_PAYLOAD, f"{where}: {first['msg']}") from None
        variant = state.variant_for(movement.product_id, movement.sku)
        if variant is None:
            raise PayloadRefused(
                UNKNOWN_PRODUCT,
                f"product {movement.product_id} ({movement.sku}) is not a Medusa variant "
                "this till has seen",
            )
        payload: dict[str, Any] = {
            "variant_id": variant,
            "sku": movement.sku,
            "delta": movement.delta,
            "reason": movement.reason,
        }
        if movement.ref is not None:
            payload["ref"] = movement.ref
        return payload

    return translate
