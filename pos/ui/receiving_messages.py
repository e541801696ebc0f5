"""Refusals of receiving and transfers, in the staff's language (merged into
``pos.ui.messages``). Each says what was kept and what to do."""

from __future__ import annotations

from pos.ui.qt import QCoreApplication


def receiving_templates() -> dict[str, str]:
    return {
        "delivery_unknown": QCoreApplication.translate(
            "Messages",
            "No delivery %delivery is expected at this store: check the delivery note, or "
            "sync the till if it was announced just now.",
        ),
        "delivery_other_store": QCoreApplication.translate(
            "Messages",
            "Delivery %delivery is for another store (%store): do not receive it here; call "
            "the sender. Nothing was recorded.",
        ),
        "delivery_already_received": QCoreApplication.translate(
            "Messages", "This delivery was already received: nothing was counted twice."
        ),
        "receiving_unknown_article": QCoreApplication.translate(
            "Messages",
            "No article %code_text in this till's catalog: set it aside and tell the manager. "
            "The rest of the count is kept.",
        ),
        "receiving_bad_quantity": QCoreApplication.translate(
            "Messages",
            "%quantity is not a quantity to count: type a whole number from 1 to %most. The "
            "count so far is kept.",
        ),
        "receiving_nothing_counted": QCoreApplication.translate(
            "Messages",
            "Nothing was counted on this delivery: scan what arrived, or leave it for later.",
        ),
        "receiving_not_on_sheet": QCoreApplication.translate(
            "Messages", "This article is not on the sheet: scan it first."
        ),
        "transfer_unknown_store": QCoreApplication.translate(
            "Messages",
            "%store is not a store this till knows: choose one from the list. Nothing left "
            "the stock.",
        ),
        "transfer_empty": QCoreApplication.translate(
            "Messages", "Scan the articles to send first: nothing left the stock."
        ),
        "transfer_not_approved": QCoreApplication.translate(
            "Messages",
            "Not approved: a manager sends goods to another store, or approves it. Nothing "
            "left the stock.",
        ),
    }
