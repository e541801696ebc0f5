"""A sale made at the till, recorded once in Medusa as a completed order of the POS channel.

Medusa has no idempotency key, but completing the same cart again (even concurrently)
returns the same order. So one sale is one cart, and the cart's id, written to the
adapter's state (``state.py``) before anything else happens to the cart, is the sale's
idempotency key. The steps, each resumable after a dropped connection or a crash:

1. create a cart in the POS sales channel and region, one line per sale line (variant,
   quantity), the sale's identity and figures in ``metadata``, no e-mail (so no guest
   customer is made: the till's customers are its own business); record its id;
2. add this store's pickup shipping option and a payment session with the system provider
   (skipped when the cart already has them);
3. complete the cart -> the order (this reserves the stock at our location); record its id;
4. hand it over: fulfil at our location (consuming the reservation: the stock goes down
   once, here), mark delivered, capture the payment, complete the order
   (``PickupDesk.hand_over``: each step checked before it is done).

What Medusa cannot hold is kept in metadata, and said in the outcome's warnings:

* the till's prices: a store cart takes Medusa's prices, not ours (no custom unit price on
  the store API). The order keeps ours in ``metadata`` (lines' and ticket's cents, tenders,
  journal seal); when Medusa's total differs, the outcome warns ``medusa_total_differs``;
* goods sold by weight: Medusa quantities are whole (1.5 is rounded up to 2); such a line
  goes as one unit with its grams in the line's metadata (warning ``weight_as_unit``);
* a hand-over step Medusa refuses after the order exists: the sale is recorded all the
  same (``accepted``, warning ``not_handed_over``; the stock stays reserved there);
* stock Medusa believes missing: the goods were sold, so the location's stocked quantity is
  raised by the shortfall first (warning ``stock_corrected``), then the sale recorded.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from typing import Any

from pydantic import ValidationError

from sync.contract import INVALID_PAYLOAD, OP_ID_REUSED, UNKNOWN_PRODUCT, SalePayload
from sync.medusa.http import MedusaHttp
from sync.medusa.money import BadAmount, field_cents
from sync.medusa.pickups import DETAIL_FIELDS, PickupDesk
from sync.medusa.settings import MedusaSettings
from sync.medusa.state import AdapterState
from sync.ports import CentralRejected, NotAuthorised, OperationOutcome, OutgoingOperation

log = logging.getLogger(__name__)

STOCK_CORRECTED = "stock_corrected"
TOTAL_DIFFERS = "medusa_total_differs"
WEIGHT_AS_UNIT = "weight_as_unit"
NOT_HANDED_OVER = "not_handed_over"
_CART_STATE_FIELDS = (
    "id,completed_at,shipping_methods.id,payment_collection.id,"
    "payment_collection.payment_sessions.id"
)


class SaleRejected(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


class SalePusher:
    def __init__(
        self,
        http: MedusaHttp,
        settings: MedusaSettings,
        state: AdapterState,
        desk: PickupDesk,
        pickup_option_id: str,
        address: dict[str, Any],
    ) -> None:
        self.http, self.settings, self.state, self.desk = http, settings, state, desk
        self.pickup_option_id, self.address = pickup_option_id, address

    def push(self, op: OutgoingOperation) -> OperationOutcome:
        """The outcome of one ``sale``; ``CentralUnavailable`` leaves it to be sent again."""
        digest = hashlib.sha256(op.payload_json.encode()).hexdigest()
        record = self.state.sale_push(op.op_id)
        if record is not None and record.payload_sha256 != digest:
            return _rejected(op, OP_ID_REUSED, "This sale id was already sent with other content.")
        if record is not None and record.done:
            return OperationOutcome(op.op_id, "duplicate")
        try:
            payload = SalePayload.model_validate_json(op.payload_json)
            warnings = self._record(op.op_id, digest, payload, record)
        except ValidationError as exc:
            first = exc.errors(include_url=False, include_input=False)[0]
            where = ".".join(str(part) for part in first["loc"])
            return _rejected(op, INVALID_PAYLOAD, f"{where}: {first['msg']}")
        except SaleRejected as exc:
            return _rejected(op, exc.code, exc.reason)
        except NotAuthorised:
            raise
        except CentralRejected as exc:  # Medusa refused a step: final for this sale
            return _rejected(op, exc.code or "rejected", exc.message)
        self.state.record_sale_push(op.op_id, digest, done=True)
        return OperationOutcome(op.op_id, "accepted", warnings=tuple(warnings))

    # -- the steps --------------------------------------------------------------------

    def _record(self, op_id: str, digest: str, payload: SalePayload, record: Any) -> list[str]:
        warnings: list[str] = []
        lines = self._lines(payload, warnings)
        cart_id = record.cart_id if record is not None else None
        order_id = record.order_id if record is not None else None
        if record is None:
            self.state.record_sale_push(op_id, digest)
        order: dict[str, Any] | None = None
        if order_id is None:
            fresh = cart_id is None
            if fresh:
                cart_id = self._open_cart(payload, lines, warnings)
                self.state.record_sale_push(op_id, digest, cart_id=cart_id)
            order = self._complete(cart_id, lines, warnings, fresh=fresh)
            order_id = str(order["id"])
            self.state.record_sale_push(op_id, digest, order_id=order_id)
        try:
            if order is None or not order.get("items"):
                order = self.desk.order(order_id)
            else:
                self.desk.check_here(order)
            self.desk.hand_over(order)
        except NotAuthorised:
            raise
        except CentralRejected as exc:  # the sale is recorded; its hand-over is not
            log.warning("Medusa order %s recorded, not handed over: %s", order_id, exc.message)
            warnings.append(NOT_HANDED_OVER)
        try:
            if order is None or field_cents(order, "total") != payload.sale.total_cents:
                warnings.append(TOTAL_DIFFERS)
        except BadAmount:
            warnings.append(TOTAL_DIFFERS)
        return list(dict.fromkeys(warnings))

    def _lines(self, payload: SalePayload, warnings: list[str]) -> list[dict[str, Any]]:
        lines = []
        for line in payload.sale.lines:
            variant = self.state.variant_for(line.product_id, line.sku)
            if variant is None:
                raise SaleRejected(
                    UNKNOWN_PRODUCT,
                    f"line {line.line_no}: product {line.product_id} ({line.sku}) is not a "
                    "Medusa variant this till has seen",
                )
            metadata: dict[str, Any] = {
                "comptoir_line_no": line.line_no,
                "comptoir_unit_price_cents": line.unit_price_cents,
                "comptoir_total_cents": line.total_cents,
                "comptoir_vat_bp": line.vat_bp,
            }
            quantity = line.quantity
            if line.sold_by == "weight":
                metadata["comptoir_grams"] = line.quantity
                quantity = 1
                warnings.append(WEIGHT_AS_UNIT)
            lines.append({"variant_id": variant, "quantity": quantity, "metadata": metadata})
        return lines

    def _open_cart(
        self, payload: SalePayload, lines: list[dict[str, Any]], warnings: list[str]
    ) -> str:
        sale = payload.sale
        body = {
            "region_id": self.settings.region_id,
            "sales_channel_id": self.settings.sales_channel_id,
            "items": lines,
            "shipping_address": self.address,
            "metadata": {
                "comptoir_sale_id": sale.id,
                "comptoir_terminal_id": sale.terminal_id,
                "comptoir_ticket_no": sale.ticket_no,
                "comptoir_completed_at": sale.completed_at,
                "comptoir_total_cents": sale.total_cents,
                "comptoir_tenders": [t.model_dump() for t in sale.tenders],
                **_seal_metadata(payload),
            },
        }
        try:
            cart = self.http.store("POST", "/store/carts", body=body, params={"fields": "id"})
        except CentralRejected as exc:
            if not _is_stock_refusal(exc.message):
                raise
            self._cover_shortfall(lines, warnings)
            cart = self.http.store("POST", "/store/carts", body=body, params={"fields": "id"})
        return str(cart["cart"]["id"])

    def _complete(
        self, cart_id: str, lines: list[dict[str, Any]], warnings: list[str], *, fresh: bool
    ) -> dict[str, Any]:
        """The order of a completed cart (its detail fields, for the hand-over)."""
        if fresh:
            self._prepare({"id": cart_id})
        else:
            cart = self.http.store(
                "GET", f"/store/carts/{cart_id}", params={"fields": _CART_STATE_FIELDS}
            )["cart"]
            if not cart.get("completed_at"):
                self._prepare(cart)
        for attempt in range(2):
            try:
                done = self.http.store(
                    "POST", f"/store/carts/{cart_id}/complete", params={"fields": DETAIL_FIELDS}
                )
            except CentralRejected as exc:  # 400 not_allowed: "Not enough stock ..."
                done = {"type": "cart", "error": {"message": exc.message}}
            if done.get("type") == "order":
                return dict(done["order"])
            message = str((done.get("error") or {}).get("message") or done)
            if attempt == 0 and _is_stock_refusal(message):
                self._cover_shortfall(lines, warnings)
                continue
            raise SaleRejected("not_completed", f"Medusa did not complete the sale: {message}")
        raise AssertionError("unreachable")

    def _prepare(self, cart: dict[str, Any]) -> None:
        cart_id = cart["id"]
        if not cart.get("shipping_methods"):
            self.http.store(
                "POST",
                f"/store/carts/{cart_id}/shipping-methods",
                body={"option_id": self.pickup_option_id},
                params={"fields": "id"},
            )
        collection = cart.get("payment_collection")
        if not collection:
            collection = self.http.store(
                "POST", "/store/payment-collections", body={"cart_id": cart_id}
            )["payment_collection"]
        if not collection.get("payment_sessions"):
            self.http.store(
                "POST",
                f"/store/payment-collections/{collection['id']}/payment-sessions",
                body={"provider_id": self.settings.payment_provider_id},
                params={"fields": "id"},
            )

    def _cover_shortfall(self, lines: list[dict[str, Any]], warnings: list[str]) -> None:
        """Raise our location's stock where Medusa lacks what was physically sold."""
        wanted = Counter[str]()
        for line in lines:
            wanted[line["variant_id"]] += line["quantity"]
        location = self.settings.stock_location_id
        for variant_id, quantity in wanted.items():
            found = self.http.admin(
                "GET",
                "/admin/product-variants",
                params={
                    "id": variant_id,
                    "fields": "id,manage_inventory,inventory_items.inventory_item_id",
                },
            )["variants"]
            variant = found[0] if found else {}
            if not variant.get("manage_inventory"):
                continue
            for link in variant.get("inventory_items") or []:
                item_id = link["inventory_item_id"]
                levels = self.http.admin(
                    "GET",
                    f"/admin/inventory-items/{item_id}/location-levels",
                    params={"location_id": location},
                )["inventory_levels"]
                level = next((lv for lv in levels if lv["location_id"] == location), None)
                if level is None:
                    self.http.admin(
                        "POST",
                        f"/admin/inventory-items/{item_id}/location-levels",
                        body={"location_id": location, "stocked_quantity": quantity},
                    )
                    warnings.append(STOCK_CORRECTED)
                    continue
                short = quantity - (level["stocked_quantity"] - level["reserved_quantity"])
                if short > 0:
                    self.http.admin(
                        "POST",
                        f"/admin/inventory-items/{item_id}/location-levels/{location}",
                        body={"stocked_quantity": level["stocked_quantity"] + short},
                    )
                    warnings.append(STOCK_CORRECTED)


def _rejected(op: OutgoingOperation, code: str, reason: str) -> OperationOutcome:
    return OperationOutcome(op.op_id, "rejected", code=code, reason=reason[:2000])


def _is_stock_refusal(message: str) -> bool:
    text = message.lower()
    return "inventory" in text or "stock" in text


def payload_text(payload: dict[str, Any]) -> str:
    """A payload as the outbox stores it (canonical JSON), for tests and benchmarks."""
    return json.dumps(payload, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def _seal_metadata(payload: SalePayload) -> dict[str, object]:
    """The sale's signed ticket entry (or an older till's hash seal) kept on the order."""
    if payload.seal is not None:
        return {"comptoir_seal": payload.seal.model_dump()}
    return {"comptoir_journal": payload.journal.model_dump() if payload.journal else None}
