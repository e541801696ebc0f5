"""A till ``sale`` as the payload of Comptoir's Medusa plugin.

The plugin records the sale as an order exactly as the till sold it (its workflow is
``sync/medusa/plugin/src/workflows/record-sale``); the adapter's part is only to name each
line's Medusa variant, which the till knows by its own integer product id
(``AdapterState``). The record is otherwise sent as sealed, with its seal (the signed
ticket entry): the plugin keeps its figures and the seal on the order as the fiscal
record, and checks the signature over the record (``plugin_chains.py``).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from sync.contract import INVALID_PAYLOAD, UNKNOWN_PRODUCT, SalePayload
from sync.medusa.plugin_push import PayloadRefused
from sync.medusa.state import AdapterState
from sync.ports import OutgoingOperation


def sale_translator(state: AdapterState):
    """The ``Translator`` of ``sale`` operations, reading variants from ``state``."""

    def translate(op: OutgoingOperation) -> dict[str, Any]:
        try:
            payload = SalePayload.model_validate_json(op.payload_json)
        except ValidationError as exc:
            first = exc.errors(include_url=False, include_input=False)[0]
            where = ".".join(str(part) for part in first["loc"])
            raise PayloadRefused(INVALID_PAYLOAD, f"{where}: {first['msg']}") from None
        # As sealed, from the payload's own text: the plugin rebuilds the signed body
        # from this record (minus the variant ids added here), so not one byte may move.
        raw: dict[str, Any] = json.loads(op.payload_json)
        sale: dict[str, Any] = raw["sale"]
        for line in sale["lines"]:
            variant = state.variant_for(line["product_id"], line["sku"])
            if variant is None:
                raise PayloadRefused(
                    UNKNOWN_PRODUCT,
                    f"line {line['line_no']}: product {line['product_id']} ({line['sku']}) is "
                    "not a Medusa variant this till has seen",
                )
            line["variant_id"] = variant
        if payload.seal is not None:
            return {"sale": sale, "seal": raw["seal"]}
        return {"sale": sale, "journal": raw["journal"]}

    return translate
