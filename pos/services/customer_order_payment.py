"""A customer order paid at this till (issue 16, the endless aisle's last step).

The order was placed through central (``other_stores``) for pickup at another store or
home delivery; the customer pays it here instead of at that store's desk or online.
``take`` puts it into the open sale like a web cart: its lines at central's prices with
central's promotions fixed on them, its customer attached, each line flagged with the
order (``CustomerOrderRef``: not editable, no stock taken at this store, the receipt
says where the goods are). The order is the one central answered when it was placed, so
this works offline too; central marks it paid when the sale is pushed, once, and refuses
a sale for an order paid meanwhile elsewhere (the sale is then on the attention list).

No Qt: runs on the till's worker thread with its checkout.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.basket import BasketLine
from pos.domain.errors import PosError
from pos.domain.rights import Right, require
from pos.domain.sale import CustomerOrderRef
from pos.services.checkout import Checkout, PricedItem
from pos.services.online_cart import line_promotions
from sync.contract.network import CustomerOrder


@dataclass(frozen=True, slots=True)
class TakenOrder:
    """A customer order now in the open sale."""

    order_id: str
    sale_id: str
    lines: tuple[BasketLine, ...]
    total_cents: int  # what central priced the order at


def take(checkout: Checkout, order: CustomerOrder) -> TakenOrder:
    """Put ``order`` into the open sale, its customer attached; PosError if it cannot
    be paid here (already paid, already in the sale, payments taken, another customer)."""
    require(checkout.actor, Right.SELL)
    if order.paid:
        raise PosError(
            f"Order {order.order_id} is already paid: nothing to take here.",
            code="customer_order_already_paid",
            order=label(order),
        )
    if checkout.payment.tenders:
        raise PosError(
            "Payments are already taken for this sale: remove them before adding an order.",
            code="payments_taken",
        )
    if any(
        line.customer_order is not None and line.customer_order.order_id == order.order_id
        for line in checkout.basket.active_lines()
    ):
        raise PosError(
            f"Order {order.order_id} is already in this sale.",
            code="customer_order_in_sale",
            order=label(order),
        )
    if checkout.customer_id not in (None, order.customer_id):
        raise PosError(
            "Another customer is attached to this sale: finish it, then take the order in a "
            "new sale.",
            code="customer_order_other_customer",
        )
    checkout.attach_customer(order.customer_id)  # the order is in their name
    ref = CustomerOrderRef(order.order_id, order.fulfilment, order.location_name, label(order))
    items = [
        PricedItem(x.product_id, x.quantity, x.unit_price_cents, line_promotions(x.promotions), ref)
        for x in order.lines
    ]
    lines = checkout.add_priced(items)
    return TakenOrder(order.order_id, checkout.sale_id, tuple(lines), order.total_cents)


def label(order: CustomerOrder) -> str:
    """What the receipt calls the order: its pickup code (what the customer shows at the
    desk), or for a delivery the first 8 characters of its id, upper case."""
    if order.pickup_code:
        return order.pickup_code
    return order.order_id.removeprefix("aisle-")[:8].upper()
