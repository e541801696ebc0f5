"""Customer refusals and notices in the cashier's language (merged into
``pos.ui.messages``, which keeps one lookup for every code)."""

from __future__ import annotations

from pos.ui.qt import QCoreApplication


def customer_templates() -> dict[str, str]:
    return {
        "customer_invalid": QCoreApplication.translate(
            "Messages",
            "This customer cannot be created: check the name, the email and the phone "
            "number (one of them is enough).",
        ),
        "customer_exists": QCoreApplication.translate(
            "Messages", "This email or phone number is already another customer's."
        ),
        "customer_unknown": QCoreApplication.translate(
            "Messages", "This customer is not known at this till: search again or sync first."
        ),
        "customer_erased": QCoreApplication.translate(
            "Messages",
            "This customer's account was closed: it cannot be attached to a sale.",
        ),
        "customer_erased_detached": QCoreApplication.translate(
            "Messages",
            "The customer of this sale has closed their account since: the sale goes on "
            "without a customer.",
        ),
        "customer_erased_kept": QCoreApplication.translate(
            "Messages",
            "The customer of this sale has closed their account since: remove the "
            "payments, then detach the customer.",
        ),
        "card_misread": QCoreApplication.translate(
            "Messages", "This customer card cannot be read: scan it again."
        ),
    }
