"""Refusals in the cashier's language.

The domain, the store and the barcode parser refuse with a stable ``code``, an English
message and ``params``. Here each code a cashier meets at the till gets a translated
sentence; an unknown code falls back to the English message rather than to nothing.
"""

from __future__ import annotations

from typing import Any

from pos.ui.money import format_money
from pos.ui.qt import QCoreApplication


def _templates() -> dict[str, str]:
    return {
        "unknown_barcode": QCoreApplication.translate(
            "Messages", "Unknown code %value: this product is not in the catalog."
        ),
        "bad_check_digit": QCoreApplication.translate(
            "Messages", "Misread code %raw (check digit should be %expected): scan again."
        ),
        "bad_length": QCoreApplication.translate(
            "Messages", "This code has a length no product code has: scan again."
        ),
        "not_digits": QCoreApplication.translate(
            "Messages", "This code is not a product barcode: scan again."
        ),
        "bad_characters": QCoreApplication.translate(
            "Messages", "This reference has characters no product uses: scan again."
        ),
        "empty": QCoreApplication.translate("Messages", "Nothing was scanned: scan again."),
        "trade_unit": QCoreApplication.translate(
            "Messages", "This is a carton code: scan one item of the carton."
        ),
        "needs_weight": QCoreApplication.translate(
            "Messages", "This product is sold by weight: weigh it and scan the label."
        ),
        "label_mismatch": QCoreApplication.translate(
            "Messages", "This scale label does not match the product."
        ),
        "unknown_product": QCoreApplication.translate(
            "Messages", "This product is no longer in the catalog."
        ),
        "empty_basket": QCoreApplication.translate(
            "Messages", "The basket is empty: scan an item first."
        ),
        "not_paid": QCoreApplication.translate(
            "Messages", "The sale is not fully paid yet: %remaining still due."
        ),
        "already_paid": QCoreApplication.translate("Messages", "This sale is already paid."),
        "payments_taken": QCoreApplication.translate(
            "Messages", "Payments are already taken: remove them before changing the sale."
        ),
        "tender_exceeds_due": QCoreApplication.translate(
            "Messages", "A card or voucher cannot exceed what is due."
        ),
        "quantity_not_positive": QCoreApplication.translate(
            "Messages", "A quantity must be at least 1."
        ),
        "quantity_not_integer": QCoreApplication.translate(
            "Messages", "A quantity must be a whole number."
        ),
        "quantity_too_large": QCoreApplication.translate(
            "Messages", "This quantity is more than one line can hold: check it."
        ),
        "quantity_fixed_by_label": QCoreApplication.translate(
            "Messages", "This item's price comes from its label: scan each one."
        ),
        "amount_too_large": QCoreApplication.translate(
            "Messages", "This amount is over the till's limit: check the quantities."
        ),
        "discount_too_large": QCoreApplication.translate(
            "Messages", "The discount is more than the amount it applies to."
        ),
        "discount_out_of_range": QCoreApplication.translate(
            "Messages", "A discount must be between 0 and 100 %."
        ),
        "line_voided": QCoreApplication.translate("Messages", "This line is voided."),
        "no_such_line": QCoreApplication.translate(
            "Messages", "Select a line of the basket first."
        ),
        "parked_gone": QCoreApplication.translate(
            "Messages", "This parked sale was already resumed on another till."
        ),
        "sale_open": QCoreApplication.translate(
            "Messages", "Finish or park the current sale before resuming another."
        ),
        "not_ready": QCoreApplication.translate(
            "Messages", "The till is still opening: wait a moment."
        ),
        "store_locked": QCoreApplication.translate(
            "Messages", "The store database is busy: try again in a moment."
        ),
        "store_read_only": QCoreApplication.translate(
            "Messages", "The store database is read-only: call support."
        ),
        "store_full": QCoreApplication.translate(
            "Messages", "The disk is full: the sale is kept open, call support."
        ),
        "store_corrupted": QCoreApplication.translate(
            "Messages", "The store database is damaged: call support, do not delete it."
        ),
        "offline": QCoreApplication.translate(
            "Messages", "The printer cannot be reached: check it is on and connected, then Retry."
        ),
        "paper_out": QCoreApplication.translate(
            "Messages", "The printer is out of paper: load a roll, then Retry."
        ),
        "cover_open": QCoreApplication.translate(
            "Messages", "The printer cover is open: close it, then Retry."
        ),
        "timeout": QCoreApplication.translate(
            "Messages", "The printer did not answer in time: check it, then Retry."
        ),
        "nothing_to_reprint": QCoreApplication.translate(
            "Messages", "No sale to reprint yet on this till."
        ),
    }


def user_message(code: str, english: str, params: dict[str, Any] | None = None) -> str:
    template = _templates().get(code)
    if template is None:
        return english
    for key, value in (params or {}).items():
        shown = format_money(value) if key == "remaining" and isinstance(value, int) else value
        template = template.replace(f"%{key}", str(shown))
    return template
