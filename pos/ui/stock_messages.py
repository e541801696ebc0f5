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
        "stock_not_approved": QCoreApplication.translate(
            "Messages",
            "Not approved: a manager adjusts stock, or approves it. Nothing was recorded.",
        ),
    }
