"""Refusals of a promo code at the till, in the cashier's language (merged into
``pos.ui.messages``, which keeps one lookup for every code). Each says what to do next:
the customer keeps a code the till cannot take now."""

from __future__ import annotations

from pos.ui.qt import QCoreApplication


def coupon_templates() -> dict[str, str]:
    return {
        "coupon_unknown": QCoreApplication.translate(
            "Messages", "No promotion has this code: check it with the customer."
        ),
        "coupon_used": QCoreApplication.translate(
            "Messages",
            "This code has already been used, or another sale holds it: it cannot be used again.",
        ),
        "coupon_expired": QCoreApplication.translate("Messages", "This code's promotion is over."),
        "coupon_not_started": QCoreApplication.translate(
            "Messages", "This code's promotion has not started yet."
        ),
        "coupon_other_store": QCoreApplication.translate(
            "Messages", "This code is not valid in this store."
        ),
        "coupon_needs_central": QCoreApplication.translate(
            "Messages",
            "This code must be checked by the central server, which cannot be reached: "
            "try again once online.",
        ),
        "coupon_needs_reference_server": QCoreApplication.translate(
            "Messages", "Single-use codes are not available with this central platform."
        ),
        "coupon_already_applied": QCoreApplication.translate(
            "Messages",
            "This sale already has a code of this promotion: the customer keeps this one.",
        ),
        "coupon_empty": QCoreApplication.translate("Messages", "Type or scan the promo code."),
        "coupon_invalid": QCoreApplication.translate("Messages", "Type or scan the promo code."),
        "coupon_refused": QCoreApplication.translate(
            "Messages", "The central server refused this code: %reason"
        ),
    }
