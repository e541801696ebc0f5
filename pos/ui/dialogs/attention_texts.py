"""The attention list in the staff's words: what each item is, why it waits, how long.

Central's refusal codes (``sync.contract.operations``), the Medusa adapter's and the
client's own, each get a sentence saying what happened and what to do; an unknown code
gets a generic sentence with the server's own text. Owed calls reuse ``owed_texts``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pos.services.outbox_review import OwedCall
from pos.ui.dialogs import owed_texts
from pos.ui.dialogs.attention_refusals import FAILURES, fill, refusal, warning
from pos.ui.messages import user_message
from pos.ui.models.pickup_model import state_text
from pos.ui.money import format_money
from pos.ui.qt import QCoreApplication, QLocale

if TYPE_CHECKING:
    from pos.services.attention_items import AttentionItem


def kind(value: str) -> str:
    known = {
        "sale": QCoreApplication.translate("AttentionTexts", "Sale"),
        "stock_movement": QCoreApplication.translate("AttentionTexts", "Stock movement"),
        "pickup_transition": QCoreApplication.translate("AttentionTexts", "Pickup order"),
        "approval": QCoreApplication.translate("AttentionTexts", "Manager's approval"),
        "till_session_opened": QCoreApplication.translate("AttentionTexts", "Till opening"),
        "cash_movement": QCoreApplication.translate("AttentionTexts", "Cash in/out"),
        "till_session_closed": QCoreApplication.translate("AttentionTexts", "Z closure"),
        "sale_cancelled": QCoreApplication.translate("AttentionTexts", "Cancelled sale"),
        "drawer_opened": QCoreApplication.translate("AttentionTexts", "Drawer opened"),
        "chain_entry": QCoreApplication.translate("AttentionTexts", "Signed record entry"),
        "delivery_received": QCoreApplication.translate("AttentionTexts", "Delivery received"),
        "transfer_sent": QCoreApplication.translate("AttentionTexts", "Transfer to a store"),
        "stock_count": QCoreApplication.translate("AttentionTexts", "Stock count"),
        "transfer_difference": QCoreApplication.translate(
            "AttentionTexts", "Transfer received with a difference"
        ),
    }
    return known.get(value) or owed_texts.kind(value)


def state(value: str) -> str:
    return {
        "pending": QCoreApplication.translate("AttentionTexts", "Waiting to be sent"),
        "to_check": QCoreApplication.translate("AttentionTexts", "To check"),
        "set_aside": QCoreApplication.translate("AttentionTexts", "Set aside"),
        "warning": QCoreApplication.translate("AttentionTexts", "Warning"),
    }.get(value, value)


def what(item: AttentionItem) -> str:
    """``"Sale no. 1234 — €23.40"``, ``"Stock movement: −2 × Plain yoghurt"``…; by its
    kind alone when its payload could not be read."""
    if item.source == "owed" and item.kind not in ("loyalty", "coupon_release"):
        return _owed_what(item)
    try:
        return _what(item)
    except (KeyError, TypeError, ValueError):
        return kind(item.kind)


def _what(item: AttentionItem) -> str:
    f = item.facts
    k = item.kind
    if k == "sale":
        return fill(
            QCoreApplication.translate("AttentionTexts", "Sale no. %1 — %2"),
            f["ticket_no"],
            format_money(f["total_cents"]),
        )
    if k == "stock_movement":
        sign = "+" if f["delta"] > 0 else "−"
        return fill(
            QCoreApplication.translate("AttentionTexts", "Stock movement: %1%2 × %3"),
            sign,
            QLocale().toString(abs(f["delta"])),
            f["name"],
        )
    if k in ("delivery_received", "transfer_sent"):
        return fill(
            QCoreApplication.translate("AttentionTexts", "%1: %2 units (%3)"),
            kind(k),
            QLocale().toString(f["units"]),
            f["where"],
        )
    if k == "transfer_difference":
        return fill(
            QCoreApplication.translate("AttentionTexts", "Transfer to %1: sent %2, received %3"),
            f["where"], QLocale().toString(f["sent"]), QLocale().toString(f["received"]),
        )  # fmt: skip
    if k == "stock_count":
        return fill(
            QCoreApplication.translate("AttentionTexts", "Stock count: %1 articles (%2)"),
            QLocale().toString(f["lines"]),
            f["scope"],
        )
    if k == "pickup_transition":
        return fill(
            QCoreApplication.translate("AttentionTexts", "Pickup order %1 → %2"),
            f["order"],
            state_text(f["to_state"]),
        )
    if k == "approval":
        return fill(
            QCoreApplication.translate("AttentionTexts", "Approval by %1 for %2"),
            f["approved_by"],
            f["asked_by"],
        )
    if k == "cash_movement":
        text = (
            QCoreApplication.translate("AttentionTexts", "Cash in: %1 (%2)")
            if f["direction"] == "in"
            else QCoreApplication.translate("AttentionTexts", "Cash out: %1 (%2)")
        )
        return fill(text, format_money(f["amount_cents"]), f["name"])
    if k == "sale_cancelled":
        return fill(
            QCoreApplication.translate("AttentionTexts", "Cancelled sale — %1 (%2)"),
            format_money(f["total_cents"]),
            f["name"],
        )
    if k == "loyalty":
        if f["action"] == "redeem":
            text = QCoreApplication.translate("AttentionTexts", "Loyalty: %1 points to debit")
        else:
            text = QCoreApplication.translate("AttentionTexts", "Loyalty: %1 points to give back")
        return fill(text, f["points"])
    if k == "coupon_release":
        return fill(QCoreApplication.translate("AttentionTexts", "Coupon %1 to release"), f["code"])
    if "name" in f:
        return fill(QCoreApplication.translate("AttentionTexts", "%1 (%2)"), kind(k), f["name"])
    return kind(k)


def _owed_what(item: AttentionItem) -> str:
    code = item.facts.get("code", "")
    base = owed_texts.kind(item.kind)
    return f"{base} — {code}" if code and item.kind == "credit_note_reversal" else base


def reason(item: AttentionItem) -> str:
    """Why it waits, in the staff's language, with what to do."""
    if item.state == "warning":
        return warning(item.code, item.reason)
    if item.source == "owed":
        return owed_texts.reason(_as_owed(item))
    if item.source == "difference":
        return _difference_reason(item)
    if item.state == "pending":
        if not item.attempts:
            return QCoreApplication.translate(
                "AttentionTexts", "Waiting for the next sync: nothing to do."
            )
        failure = FAILURES.get(item.facts.get("failure", ""))
        if failure is not None:
            return fill(QCoreApplication.translate("AttentionTexts", failure), item.attempts)
        return fill(
            QCoreApplication.translate(
                "AttentionTexts", "Not sent yet — tries: %1. %2 It is sent again at each sync."
            ),
            item.attempts, item.reason,
        )  # fmt: skip
    return refusal(item.code, item.kind, item.reason)


def _difference_reason(item: AttentionItem) -> str:
    """Each article that differs, then what to do."""
    parts = [
        fill(QCoreApplication.translate("AttentionTexts", "%1: sent %2, received %3, damaged %4"),
              name, QLocale().toString(sent), QLocale().toString(good), QLocale().toString(bad))
        for name, sent, good, bad in item.facts.get("lines", [])
    ]  # fmt: skip
    advice = QCoreApplication.translate(
        "AttentionTexts",
        "The other store did not receive what was sent. Call it to find the missing units "
        "(or agree on the damaged ones), then set this aside with a note saying what was "
        "agreed.",
    )
    return "; ".join(parts) + (". " if parts else "") + advice


def _as_owed(item: AttentionItem) -> OwedCall:
    key, _, code = item.key.partition(" ")
    return OwedCall(
        item.kind, key, code or item.facts.get("code", ""), item.since, item.attempts,
        item.code, item.reason,
    )  # fmt: skip


def age(iso: str, now: datetime | None = None) -> str:
    """``"3 h ago"``: how long it has waited."""
    try:
        since = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    minutes = max(0, int(((now or datetime.now(UTC)) - since).total_seconds() // 60))
    if minutes < 1:
        return QCoreApplication.translate("AttentionTexts", "just now")
    if minutes < 60:
        return fill(QCoreApplication.translate("AttentionTexts", "%1 min ago"), minutes)
    if minutes < 48 * 60:
        return fill(QCoreApplication.translate("AttentionTexts", "%1 h ago"), minutes // 60)
    return fill(QCoreApplication.translate("AttentionTexts", "%1 days ago"), minutes // (24 * 60))


def set_aside_line(item: AttentionItem) -> str:
    note = item.set_aside
    if note is None:
        return ""
    from hardware.receipt.formatting import local_time_text

    return fill(
        QCoreApplication.translate("AttentionTexts", "Set aside by %1 on %2: %3"),
        note.staff_name or note.staff_id, local_time_text(note.set_aside_at), note.note,
    )  # fmt: skip


def error(code: str, english: str, params: dict | None = None) -> str:
    """A refusal of the attention list's service, in the staff's language."""
    known = {
        "note_required": QCoreApplication.translate(
            "AttentionTexts", "Write a note saying why it is set aside: it is kept with it."
        ),
        "no_longer_open": QCoreApplication.translate(
            "AttentionTexts",
            "This operation was sent or set aside meanwhile: the list was read again.",
        ),
        "no_actor": QCoreApplication.translate(
            "AttentionTexts", "Sign in first: every act on this list is recorded in a name."
        ),
        "right_refused": QCoreApplication.translate(
            "AttentionTexts", "A manager must approve this: not approved, nothing changed."
        ),
    }
    return known.get(code) or user_message(code, english, params)
