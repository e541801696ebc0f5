"""Click-and-collect orders in Medusa, and moving them through the desk's states.

Medusa has no "preparing" or "ready", no expiry and no partial hand-over: an order is
pending until fulfilled, delivered and completed, or canceled. The contract's forward-only
states (``sync.contract.pickups``) map onto it so:

=============  ===============================================================  ========
state          in Medusa                                                         stock
=============  ===============================================================  ========
received       pending, no ``metadata.comptoir_pickup_state``                    reserved
preparing      ``metadata.comptoir_pickup_state = "preparing"``                  reserved
ready          ``metadata.comptoir_pickup_state = "ready"``                      reserved
collected      a fulfillment at our location (consumes the reservation), marked  taken
               delivered; payments captured; order completed
cancelled      order canceled (releases the reservations)                        released
=============  ===============================================================  ========

``partially_collected`` and ``expired`` are never produced here: Medusa alone cannot hand
over part of an order through a pickup (a desk asking for it is refused) and does not
expire orders. Where Comptoir's plugin is installed, the moves are its own
(``plugin_pickups.py``, rules in ``NOTES.md``): it writes the same metadata keys, plus
these two states, the picked and handed-over counts, and a random pickup code.

The order's ``version`` is ``metadata.comptoir_version`` (1 when absent), raised by one
with each desk move; a cancellation or completion made on Medusa's side counts one more,
so a desk that saw an older state is refused (``conflict``).

Every move reads the order first: a move to the state it is already in does nothing
(a retried move is harmless); a move the machine does not have is refused
(``CentralRejected(code="illegal_transition")``). Each step of "collected" is checked
before it is done, so a move cut by a dropped connection finishes on the next try.
"""

from __future__ import annotations

import contextlib
import hashlib
from datetime import timedelta
from typing import Any

from sync.contract.codes import CODE_ALPHABET, pickup_qr_text
from sync.contract.pickups import PICKUP_HOLD_DAYS, PICKUP_TRANSITIONS
from sync.medusa.http import MedusaHttp
from sync.medusa.timestamps import iso, parse
from sync.ports import CentralRejected

STATE_KEY = "comptoir_pickup_state"
VERSION_KEY = "comptoir_version"
ORDER_FIELDS = (
    "id,status,created_at,updated_at,metadata,email,payment_status,total,"
    "shipping_methods.shipping_option_id,"
    "shipping_address.first_name,shipping_address.last_name,shipping_address.phone,"
    "fulfillments.id,fulfillments.location_id,fulfillments.delivered_at,"
    "fulfillments.canceled_at"
)
DETAIL_FIELDS = (
    ORDER_FIELDS + ",*items,items.tax_lines.rate,"
    "payment_collections.payments.id,payment_collections.payments.captured_at,"
    "payment_collections.payments.canceled_at"
)


def is_pickup_at(order: dict[str, Any], options: tuple[str, ...]) -> bool:
    methods = order.get("shipping_methods") or []
    return any(method.get("shipping_option_id") in options for method in methods)


def live_fulfillments(order: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in order.get("fulfillments") or [] if not f.get("canceled_at")]


def pickup_state(order: dict[str, Any]) -> str:
    marked = (order.get("metadata") or {}).get(STATE_KEY)
    if marked in ("expired", "partially_collected"):  # only Comptoir's plugin makes these
        return str(marked)
    if order.get("status") == "canceled":
        return "cancelled"
    fulfillments = live_fulfillments(order)
    if order.get("status") == "completed" or any(f.get("delivered_at") for f in fulfillments):
        return "collected"
    marked = (order.get("metadata") or {}).get(STATE_KEY)
    return marked if marked in ("preparing", "ready") else "received"


def pickup_version(order: dict[str, Any]) -> int:
    metadata = order.get("metadata") or {}
    recorded = metadata.get(VERSION_KEY)
    version = recorded if isinstance(recorded, int) and recorded >= 1 else 1
    state = pickup_state(order)
    if state in ("cancelled", "collected") and metadata.get(STATE_KEY) != state:
        version += 1  # moved on Medusa's side (a cancellation online, an admin's completion)
    return version


def pickup_code(order: dict[str, Any]) -> str:
    """``metadata.comptoir_pickup_code`` when Comptoir's plugin (a random code given at
    placement) or the web shop set one, else 40 bits of the order id's SHA-256 in the
    contract's alphabet (the shop can compute the same: only without the plugin)."""
    given = (order.get("metadata") or {}).get("comptoir_pickup_code")
    if isinstance(given, str) and len(given) == 9:
        return given
    number = int.from_bytes(hashlib.sha256(order["id"].encode()).digest()[:5], "big")
    symbols = "".join(CODE_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(8)))
    return f"{symbols[:4]}-{symbols[4:]}"


def pickup_qr(order: dict[str, Any]) -> str:
    return pickup_qr_text(order["id"], pickup_code(order))


def expires_at(created_at: str, ready_at: object = None) -> str:
    """Held from placement, or from being made ready when later (as the plugin's expiry)."""
    start = parse(created_at)
    if isinstance(ready_at, str):
        with contextlib.suppress(ValueError):
            start = max(start, parse(ready_at))
    return iso(start + timedelta(days=PICKUP_HOLD_DAYS))


def counts(order: dict[str, Any], key: str) -> dict[str, int] | None:
    """Per line item id: picked (``comptoir_picked``) or handed over (``comptoir_collected``)
    as the plugin recorded them; None when it did not."""
    found = (order.get("metadata") or {}).get(key)
    if not isinstance(found, dict):
        return None
    return {k: v for k, v in found.items() if isinstance(v, int) and not isinstance(v, bool)}


class PickupDesk:
    """Moves of this store's pickup orders (see the module docstring)."""

    def __init__(self, http: MedusaHttp, location_id: str, options: tuple[str, ...]) -> None:
        self.http, self.location_id, self.options = http, location_id, options

    def order(self, order_id: str) -> dict[str, Any]:
        try:
            order = self.http.admin(
                "GET", f"/admin/orders/{order_id}", params={"fields": DETAIL_FIELDS}
            )["order"]
        except CentralRejected as exc:
            if exc.http_status == 404:
                raise CentralRejected(
                    f"There is no order {order_id} in Medusa.", code="not_found", http_status=404
                ) from None
            raise
        self.check_here(order)
        return order

    def check_here(self, order: dict[str, Any]) -> None:
        if not is_pickup_at(order, self.options):
            raise CentralRejected(
                f"Order {order.get('id')} is not collected at this store.", code="not_found"
            )

    def move(
        self,
        order_id: str,
        to_state: str,
        op_id: str,
        *,
        from_state: str | None = None,
        expected_version: int | None = None,
    ) -> str:
        """Move ``order_id`` to ``to_state``; returns its state afterwards. With
        ``from_state``/``expected_version`` (a pushed transition), an order that moved
        since the desk saw it is refused with ``conflict``."""
        order = self.order(order_id)
        current = pickup_state(order)
        if current == to_state:
            done_by = (order.get("metadata") or {}).get("comptoir_op")
            if from_state is not None and current in ("preparing", "ready") and done_by != op_id:
                raise CentralRejected(
                    f"Order {order_id} was already made {current} by another move.",
                    code="conflict",
                )
            if to_state == "collected":
                self._finish(order)  # a move cut short: finish its remaining steps
            return current
        if (from_state is not None and current != from_state) or (
            expected_version is not None and pickup_version(order) != expected_version
        ):
            raise CentralRejected(
                f"Order {order_id} is {current} (version {pickup_version(order)}), no longer "
                f"{from_state or current} as the desk saw it.",
                code="conflict",
            )
        if to_state not in PICKUP_TRANSITIONS.get(current, frozenset()) or to_state == "expired":
            raise CentralRejected(
                f"Order {order_id} cannot go from {current} to {to_state}.",
                code="illegal_transition",
            )
        if to_state == "partially_collected":
            raise CentralRejected(
                "Medusa cannot hand over part of a pickup order: hand it all over, or cancel "
                "it and sell the rest at the till.",
                code="illegal_transition",
            )
        if to_state == "cancelled":
            self.http.admin("POST", f"/admin/orders/{order_id}/cancel", body={})
        elif to_state == "collected":
            order = self.hand_over(order)
        self._mark(order, to_state, op_id)
        return to_state

    def _mark(self, order: dict[str, Any], state: str, op_id: str) -> None:
        metadata = {
            **(order.get("metadata") or {}),
            STATE_KEY: state,
            VERSION_KEY: pickup_version(order) + 1,
            "comptoir_op": op_id,
        }
        try:
            self.http.admin(
                "POST",
                f"/admin/orders/{order['id']}",
                body={"metadata": metadata},
                params={"fields": "id"},
            )
        except CentralRejected:
            if state not in ("cancelled", "collected"):
                raise  # a closed order may refuse edits: its version still moves by one

    def hand_over(self, order: dict[str, Any]) -> dict[str, Any]:
        """Fulfil at our location (consuming the reservation), then finish."""
        order_id = order["id"]
        if not live_fulfillments(order):
            items = [
                {"id": item["id"], "quantity": item["quantity"]}
                for item in order.get("items") or []
                if item.get("quantity")
            ]
            order = self.http.admin(
                "POST",
                f"/admin/orders/{order_id}/fulfillments",
                body={"items": items, "location_id": self.location_id},
                params={"fields": DETAIL_FIELDS},
            )["order"]
        self._finish(order)
        return order

    def _finish(self, order: dict[str, Any]) -> None:
        order_id = order["id"]
        for fulfillment in live_fulfillments(order):
            if not fulfillment.get("delivered_at"):
                self.http.admin(
                    "POST",
                    f"/admin/orders/{order_id}/fulfillments/{fulfillment['id']}/mark-as-delivered",
                    body={},
                    params={"fields": "id"},
                )
        for collection in order.get("payment_collections") or []:
            for payment in collection.get("payments") or []:
                if not payment.get("captured_at") and not payment.get("canceled_at"):
                    self.http.admin("POST", f"/admin/payments/{payment['id']}/capture", body={})
        if order.get("status") != "completed":
            self.http.admin(
                "POST", f"/admin/orders/{order_id}/complete", body={}, params={"fields": "id"}
            )
