"""Refusals of the stock screen, in the staff's language (merged into ``pos.ui.messages``,
which keeps one lookup for every code). Each says that nothing was recorded and what to do."""

from __future__ import annotations

from pos.ui.qt import QCoreApplication


def stock_templates() -> dict[str, str]:
    return {
        "adjust_no_reason": QCoreApplication.translate(
            "Messages",
            "Choose why the stock changes (damaged, stolen, found…): nothing was recorded.",
        ),
        "adjust_bad_reason": QCoreApplication.translate(
            "Messages", "This is not a reason for an adjustment: nothing was recorded."
        ),
        "adjust_bad_quantity": QCoreApplication.translate(
            "Messages",
            "Type a quantity above zero (the reason says whether it comes in or goes out): "
            "nothing was recorded.",
        ),
        "adjust_absurd_quantity": QCoreApplication.translate(
            "Messages",
            "%quantity is too many for an adjustment (at most %limit): count the shelf "
            "instead. Nothing was recorded.",
        ),
        "stock_unknown_product": QCoreApplication.translate(
            "Messages", "This article is not in this till's catalog: sync the till, then retry."
        ),
        "stock_not_ready": QCoreApplication.translate(
            "Messages", "The stock screen is still opening: try again in a moment."
        ),
        "stock_not_signed_in": QCoreApplication.translate(
            "Messages", "Sign in first (F1): an adjustment is recorded in someone's name."
        ),
        "count_bad_quantity": QCoreApplication.translate(
            "Messages", "Type the quantity found as a whole number: nothing was recorded."
        ),
        "count_negative": QCoreApplication.translate(
            "Messages",
            "A count cannot be negative: type what the shelf holds (0 if it is empty). "
            "Nothing was recorded.",
        ),
        "count_absurd": QCoreApplication.translate(
            "Messages",
            "%quantity is not a plausible count (at most %limit): check the figure. "
            "Nothing was recorded.",
        ),
        "count_other_department": QCoreApplication.translate(
            "Messages",
            "%name is not in the department being counted: nothing was recorded. Count it "
            "with its own department.",
        ),
        "count_unknown_department": QCoreApplication.translate(
            "Messages", "No department %label in this till's catalog: choose one from the list."
        ),
        "count_no_label": QCoreApplication.translate(
            "Messages", "Name the shelf being counted (for example “Aisle 3, bay B”)."
        ),
        "count_under_way": QCoreApplication.translate(
            "Messages", "A count is already under way at this till: finish or abandon it first."
        ),
        "count_not_found": QCoreApplication.translate(
            "Messages", "No article matches “%text”: scan its barcode or type its SKU."
        ),
        "count_ambiguous": QCoreApplication.translate(
            "Messages", "Several articles match “%text”: scan its barcode or type its SKU."
        ),
        "count_empty": QCoreApplication.translate(
            "Messages", "Nothing was counted: scan an article and type what the shelf holds."
        ),
        "count_closed": QCoreApplication.translate(
            "Messages", "This count is already closed: nothing was applied twice."
        ),
        "count_not_approved": QCoreApplication.translate(
            "Messages",
            "Not approved: a manager approves a count before it changes the stock. The count "
            "is kept: ask a manager.",
        ),
        "stock_not_approved": QCoreApplication.translate(
            "Messages",
            "Not approved: a manager adjusts stock, or approves it. Nothing was recorded.",
        ),
    }
