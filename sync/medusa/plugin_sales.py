"""A till ``sale`` as the payload of Comptoir's Medusa plugin.

The plugin records the sale as an order exactly as the till sold it (its workflow is
``sync/medusa/plugin/src/workflows/record-sale``); the adapter's part is only to name each
line's Medusa variant, which the till knows by its own integer product id
(``AdapterState``). The record is otherwise sent as sealed: the plugin keeps its
figures on the order as the fiscal record.
"""

from __future__ import annotations

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
        # As sealed: an optional field absent from the record stays absent (not null).
        sale = payload.sale.model_dump(mode="json", exclude_unset=True)
        for line in sale["lines"]:
            variant = state.variant_for(line["product_id"], line["sku"])
            if variant is None:
                raise PayloadRefused(
                    UNKNOWN_PRODUCT,
                    f"line {line['line_no']}: product {line['product_id']} ({line['sku']}) is "
                    "not a Medusa variant this till has seen",
                )
            line["variant_id"] = variant
            del line["product_id"], line["barcode"]
        if payload.seal is not None:
            return {"sale": sale, "seal": payload.seal.model_dump(mode="json")}
        return {"sale": sale, "journal": payload.journal.model_dump(mode="json")}  # type: ignore[union-attr]

    return translate
