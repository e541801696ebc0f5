"""Refusals of the price acts and the meal-voucher cap, in the cashier's language
(merged into ``pos.ui.messages``, which keeps one lookup for every code)."""

from __future__ import annotations

from pos.ui.qt import QCoreApplication

#: Params shown as money, by code.
MONEY_PARAMS = {
    "meal_voucher_cap": frozenset({"cap_cents", "left_cents"}),
    "price_absurd": frozenset({"limit_cents"}),
}


def price_templates() -> dict[str, str]:
    return {
        "meal_voucher_cap": QCoreApplication.translate(
            "Messages",
            "Meal vouchers are capped at %cap_cents per sale: %left_cents left for this sale. "
            "Take the rest another way.",
        ),
        "meal_voucher_reference": QCoreApplication.translate(
            "Messages",
            "A meal voucher's reference has at most %max letters, digits, spaces, dots, "
            "slashes or hyphens: check it, or leave it empty.",
        ),
        "price_not_positive": QCoreApplication.translate(
            "Messages", "A new price must be more than 0,00 €: to give an item away, discount it."
        ),
        "price_absurd": QCoreApplication.translate(
            "Messages", "This price is far above the catalogue's (at most %limit_cents): check it."
        ),
        "price_reason_missing": QCoreApplication.translate(
            "Messages", "Choose why the price changes."
        ),
        "price_note_missing": QCoreApplication.translate(
            "Messages", "Say in a few words why the price changes."
        ),
        "price_fixed_by_label": QCoreApplication.translate(
            "Messages", "This item's price comes from its label: it cannot be changed here."
        ),
    }
