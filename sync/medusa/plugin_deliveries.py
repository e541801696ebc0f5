"""Deliveries and transfers as Medusa can take them (issue 16, item 3): stock movements
at this store's location through the plugin's path (``plugin_movements``), each article
once (``<op>.p<product id>``).

* ``delivery_received``: each article's received units raise the level (reason
  ``receipt``, ref the delivery); damaged units are not stocked, as on central. Medusa
  has no expected deliveries: the expected lists and the differences stay at the till
  (its receipt's operation and history); Medusa sees only what went on the shelf.
* ``transfer_sent``: each article's units lower the level at once (reason ``transfer``,
  ref the transfer). Medusa has no transfer between locations a receiving till could
  see: the goods arrive at the other store as a delivery received there without a list
  (its own ``delivery_received``), and nothing in Medusa ties the two.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sync.contract.deliveries import DeliveryReceivedPayload, TransferSentPayload
from sync.medusa.plugin_counts import STOCK_COUNT, count_movements
from sync.medusa.plugin_movements import Splitter
from sync.ports import OutgoingOperation

DELIVERY_RECEIVED = "delivery_received"
TRANSFER_SENT = "transfer_sent"


def receipt_movements(op: OutgoingOperation) -> list[OutgoingOperation]:
    receipt = DeliveryReceivedPayload.model_validate_json(op.payload_json)
    units = _per_article((x.product_id, x.sku, x.received) for x in receipt.lines)
    ref = receipt.delivery_id
    return _movements(op, units, "receipt", ref, receipt.staff_id, receipt.at)


def transfer_movements(op: OutgoingOperation) -> list[OutgoingOperation]:
    transfer = TransferSentPayload.model_validate_json(op.payload_json)
    units = _per_article((x.product_id, x.sku, -x.quantity) for x in transfer.lines)
    ref = transfer.transfer_id
    return _movements(op, units, "transfer", ref, transfer.staff_id, transfer.at)


def _per_article(lines) -> dict[tuple[int, str], int]:
    """An article listed twice moves once, by its total (one op id per article)."""
    units: dict[tuple[int, str], int] = defaultdict(int)
    for product_id, sku, delta in lines:
        units[product_id, sku] += delta
    return units


def _movements(
    op: OutgoingOperation,
    units: dict[tuple[int, str], int],
    reason: str,
    ref: str,
    staff_id: str,
    at: str,
) -> list[OutgoingOperation]:
    moves = []
    for (product_id, sku), delta in units.items():
        if delta:
            payload = {"product_id": product_id, "sku": sku, "delta": delta, "reason": reason,
                       "ref": ref[:128], "staff_id": staff_id, "at": at}  # fmt: skip
            moves.append(OutgoingOperation(f"{op.op_id}.p{product_id}", op.seq,
                                           "stock_movement", json.dumps(payload)))  # fmt: skip
    return moves


#: The operations Medusa takes as their articles' movements (``MedusaBackend.push``).
AS_MOVEMENTS: dict[str, Splitter] = {
    STOCK_COUNT: count_movements,
    DELIVERY_RECEIVED: receipt_movements,
    TRANSFER_SENT: transfer_movements,
}
