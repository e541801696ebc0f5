"""Refusals of a customer order paid at the till (issue 16), in the cashier's language."""

from __future__ import annotations

from pos.ui.qt import QCoreApplication


def customer_order_templates() -> dict[str, str]:
    return {
        "customer_order_already_paid": QCoreApplication.translate(
            "Messages", "Order %order is already paid: nothing to take here."
        ),
        "customer_order_in_sale": QCoreApplication.translate(
            "Messages", "Order %order is already in this sale."
        ),
        "customer_order_other_customer": QCoreApplication.translate(
            "Messages",
            "Another customer is attached to this sale: finish it, then take the order in a "
            "new sale.",
        ),
        "customer_order_fixed": QCoreApplication.translate(
            "Messages",
            "This line pays a customer order at the price ordered: void it to take the order "
            "out of the sale.",
        ),
        "customer_order_not_returnable": QCoreApplication.translate(
            "Messages",
            "This item paid a customer order: it was never handed over here. Take it back at "
            "the store that handed it over (or the web service for a delivery).",
        ),
    }
