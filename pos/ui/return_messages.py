"""Refusals of returns, refunds and credit notes, in the cashier's language (merged into
``pos.ui.messages``, which keeps one lookup for every code)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pos.ui.money import format_money
from pos.ui.qt import QCoreApplication

STORE_TIME = ZoneInfo("Europe/Paris")


def sale_day(completed_at: str, pattern: str = "%d/%m/%Y") -> str:
    """A sale's ISO UTC moment as its receipt shows it, in the store's time."""
    if not completed_at:
        return ""
    moment = datetime.fromisoformat(completed_at.replace("Z", "+00:00"))
    return moment.astimezone(STORE_TIME).strftime(pattern)


def describe_return(act: str, facts: dict[str, Any]) -> str | None:
    """A return act a manager approves, in a few words (None: not a return act)."""
    if act in ("return_find", "return_choose"):
        return (
            QCoreApplication.translate(
                "ApprovalDialog", "Return of %1, sold on %2: older than %3 days"
            )
            .replace("%1", facts.get("ticket", ""))
            .replace("%2", sale_day(facts.get("sold_at", "")))
            .replace("%3", str(facts.get("days", "")))
        )
    if act == "return_without_receipt":
        return (
            QCoreApplication.translate("ApprovalDialog", "Return without receipt: %1 × “%2” at %3")
            .replace("%1", str(facts.get("quantity", "")))
            .replace("%2", facts.get("product", ""))
            .replace("%3", format_money(facts.get("price_cents", 0)))
        )
    if act == "refund_and_complete":
        if facts.get("cash_cents"):
            return QCoreApplication.translate(
                "ApprovalDialog", "Refund %1 in cash, above the cash refund limit"
            ).replace("%1", format_money(facts["cash_cents"]))
        return QCoreApplication.translate("ApprovalDialog", "Refund %1").replace(
            "%1", format_money(-facts.get("total_cents", 0))
        )
    return None


# Params shown as money, by code (``above_returnable``'s ``remaining`` is a count).
MONEY_PARAMS = {
    "offline_return_limit": frozenset({"limit_cents"}),
    "above_returnable": frozenset[str](),
    "credit_note_balance": frozenset({"balance_cents"}),
    "offline_credit_note_limit": frozenset({"limit_cents"}),
}


def return_templates() -> dict[str, str]:
    return {
        "not_a_sale_code": QCoreApplication.translate(
            "Messages",
            "This is not a receipt, ticket number or web order of this shop: scan the "
            "receipt's code, or type the ticket number.",
        ),
        "not_found": QCoreApplication.translate(
            "Messages",
            "No sale of this shop has this code or number: check it, or find the sale by its "
            "date and amount.",
        ),
        "not_handed_over": QCoreApplication.translate(
            "Messages",
            "This web order has not been delivered or collected yet: it cannot be returned.",
        ),
        "already_returned": QCoreApplication.translate(
            "Messages", "Everything on this ticket has already been returned."
        ),
        "above_returnable": QCoreApplication.translate(
            "Messages", "Only %remaining of this line can still be returned."
        ),
        "return_quantity": QCoreApplication.translate(
            "Messages", "The quantity to return must be at least 1."
        ),
        "weighed_whole": QCoreApplication.translate(
            "Messages", "A weighed article is returned whole."
        ),
        "return_window": QCoreApplication.translate(
            "Messages", "This ticket is older than the return window: a manager must approve."
        ),
        "not_returnable": QCoreApplication.translate(
            "Messages",
            "Another till or channel has already taken this back: nothing was refunded.",
        ),
        "offline_unknown_sale": QCoreApplication.translate(
            "Messages",
            "This sale was not made at this till and the central server cannot confirm the "
            "return now: try again once online.",
        ),
        "offline_return_limit": QCoreApplication.translate(
            "Messages",
            "Offline, a return may give back at most %limit_cents: try again once online.",
        ),
        "origin_not_found": QCoreApplication.translate("Messages", "Find the original sale first."),
        "no_such_origin_line": QCoreApplication.translate(
            "Messages", "The original ticket has no such line."
        ),
        "nothing_to_refund": QCoreApplication.translate(
            "Messages", "This ticket gives no money back."
        ),
        "refund_above_tender": QCoreApplication.translate(
            "Messages",
            "A card can only be refunded what it paid, less earlier refunds: give the rest "
            "another way.",
        ),
        "not_a_credit_note": QCoreApplication.translate(
            "Messages", "This is not a valid credit note code: check it and type it again."
        ),
        "credit_note_balance": QCoreApplication.translate(
            "Messages", "This credit note has only %balance_cents left: lower the amount."
        ),
        "credit_note_spent": QCoreApplication.translate(
            "Messages", "This credit note has already been spent in full."
        ),
        "credit_note_expired": QCoreApplication.translate(
            "Messages", "This credit note has expired: it can no longer be spent."
        ),
        "credit_note_unknown": QCoreApplication.translate(
            "Messages", "No credit note of this shop has this code: check it and type it again."
        ),
        "credit_note_after": QCoreApplication.translate(
            "Messages", "Remove the credit note paid after this payment first."
        ),
        "offline_credit_note_limit": QCoreApplication.translate(
            "Messages",
            "Offline, a credit note pays at most %limit_cents: take the rest another way, or "
            "try again once online.",
        ),
        "credit_note_reversal_pending": QCoreApplication.translate(
            "Messages",
            "A credit note removed from this sale could not be given back yet: pay this part "
            "another way, or ask a manager to check the operations.",
        ),
        "training_no_returns": QCoreApplication.translate(
            "Messages", "Returns are not practised in training mode."
        ),
    }
