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
from pos.ui.messages import user_message
from pos.ui.models.pickup_model import state_text
from pos.ui.money import format_money
from pos.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

if TYPE_CHECKING:
    from pos.services.attention_items import AttentionItem

_CONTEXT = "AttentionTexts"

#: The records a Medusa without Comptoir's plugin (or with an older one) refuses.
_KEPT_BY_PLUGIN = frozenset(
    {"approval", "till_session_opened", "cash_movement", "till_session_closed",
     "sale_cancelled", "drawer_opened"}
)  # fmt: skip


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
        return _fill(
            QCoreApplication.translate("AttentionTexts", "Sale no. %1 — %2"),
            f["ticket_no"],
            format_money(f["total_cents"]),
        )
    if k == "stock_movement":
        sign = "+" if f["delta"] > 0 else "−"
        return _fill(
            QCoreApplication.translate("AttentionTexts", "Stock movement: %1%2 × %3"),
            sign,
            QLocale().toString(abs(f["delta"])),
            f["name"],
        )
    if k in ("delivery_received", "transfer_sent"):
        return _fill(
            QCoreApplication.translate("AttentionTexts", "%1: %2 units (%3)"),
            kind(k),
            QLocale().toString(f["units"]),
            f["where"],
        )
    if k == "transfer_difference":
        return _fill(
            QCoreApplication.translate("AttentionTexts", "Transfer to %1: sent %2, received %3"),
            f["where"], QLocale().toString(f["sent"]), QLocale().toString(f["received"]),
        )  # fmt: skip
    if k == "stock_count":
        return _fill(
            QCoreApplication.translate("AttentionTexts", "Stock count: %1 articles (%2)"),
            QLocale().toString(f["lines"]),
            f["scope"],
        )
    if k == "pickup_transition":
        return _fill(
            QCoreApplication.translate("AttentionTexts", "Pickup order %1 → %2"),
            f["order"],
            state_text(f["to_state"]),
        )
    if k == "approval":
        return _fill(
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
        return _fill(text, format_money(f["amount_cents"]), f["name"])
    if k == "sale_cancelled":
        return _fill(
            QCoreApplication.translate("AttentionTexts", "Cancelled sale — %1 (%2)"),
            format_money(f["total_cents"]),
            f["name"],
        )
    if k == "loyalty":
        if f["action"] == "redeem":
            text = QCoreApplication.translate("AttentionTexts", "Loyalty: %1 points to debit")
        else:
            text = QCoreApplication.translate("AttentionTexts", "Loyalty: %1 points to give back")
        return _fill(text, f["points"])
    if k == "coupon_release":
        return _fill(
            QCoreApplication.translate("AttentionTexts", "Coupon %1 to release"), f["code"]
        )
    if "name" in f:
        return _fill(QCoreApplication.translate("AttentionTexts", "%1 (%2)"), kind(k), f["name"])
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
        failure = _FAILURES.get(item.facts.get("failure", ""))
        if failure is not None:
            return _fill(QCoreApplication.translate("AttentionTexts", failure), item.attempts)
        return _fill(
            QCoreApplication.translate(
                "AttentionTexts", "Not sent yet — tries: %1. %2 It is sent again at each sync."
            ),
            item.attempts, item.reason,
        )  # fmt: skip
    return refusal(item.code, item.kind, item.reason)


def _difference_reason(item: AttentionItem) -> str:
    """Each article that differs, then what to do."""
    parts = [
        _fill(QCoreApplication.translate("AttentionTexts", "%1: sent %2, received %3, damaged %4"),
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


#: Why the last try of a waiting operation failed (``sync.engine.pusher``); it stays
#: queued and is sent again at each sync, whatever the failure.
_FAILURES = {
    "unavailable": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "Not sent yet — tries: %1. The central server cannot be reached (network or server "
        "down). It is sent again at each sync: nothing to do; if it lasts, check the network.",
    ),
    "not_authorised": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "Not sent yet — tries: %1. The central server no longer accepts this till: enrol it "
        "again; it is sent at the next sync.",
    ),
    "too_large": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "Not sent yet — tries: %1. The sending is too large for the server or a proxy: it is "
        "sent again in smaller batches; if it lasts, check the size limit.",
    ),
}


def refusal(code: str, op_kind: str, text: str) -> str:
    if code == "not_supported" and op_kind in _KEPT_BY_PLUGIN:
        return QCoreApplication.translate(
            "AttentionTexts",
            "This server does not keep these records yet: install or update Comptoir's "
            "plugin in Medusa. They stay recorded at the till; send them again then.",
        )
    if code == "not_supported" and op_kind == "stock_count":
        return QCoreApplication.translate(
            "AttentionTexts",
            "This server does not take stock counts: enter the counted figures in its own "
            "admin. The count stays recorded at the till.",
        )
    known = _REFUSALS.get(code)
    if known is not None:
        return QCoreApplication.translate(_CONTEXT, known)
    return _fill(
        QCoreApplication.translate("AttentionTexts", "Refused by the central server (%1): %2"),
        code or "?",
        text,
    )


_REFUSALS = {
    "op_id_reused": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The central server already holds another operation with this number: call support "
        "before sending it again.",
    ),
    "invalid_payload": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The central server could not read this operation (its content does not match what it"
        " expects): call support; set it aside with a note meanwhile.",
    ),
    "unknown_kind": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The central server does not know this kind of operation: update it (or Comptoir's "
        "plugin), then send again.",
    ),
    "unknown_product": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The central server does not know this article: have it created in the central "
        "catalog, then send again.",
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The central server does not know this order in this store: check it in the back "
        "office, then send again or set it aside.",
    ),
    "conflict": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The order changed at the central server meanwhile (another desk or the web shop): "
        "check it at the pickup desk, then set this one aside.",
    ),
    "illegal_transition": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The central server refused this change of the order's state (it is already further "
        "along): check it at the pickup desk.",
    ),
    "invalid_lines": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The quantities picked or handed over do not fit the order: check it at the pickup desk.",
    ),
    "wrong_terminal": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "This operation names another till than the one enrolled: check the till's enrolment,"
        " then send again.",
    ),
    "approver_lacks_right": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The server refused this approval: the person who gave it is not a manager or "
        "administrator of this store in its staff list.",
    ),
    "customer_order_paid": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "This sale paid a customer order that was already paid (online, at the pickup desk or"
        " by another sale): the customer paid twice. Refund them, then set this sale aside "
        "with a note.",
    ),
    "customer_order_unknown": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "This sale paid a customer order the central server does not know: call support; "
        "the sale stays recorded at the till.",
    ),
    "customer_order_closed": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "This sale paid a customer order cancelled or expired meanwhile: refund the customer"
        " or place the order again, then set this sale aside with a note.",
    ),
    "implausible_quantity": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The quantity is beyond what a till may move in one go: check it; set it aside with a"
        " note if it was a mistake.",
    ),
    "unsendable": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "This server cannot take this operation as it stands (checked before sending): set it"
        " aside with a note, or call support.",
    ),
    "not_supported": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "This server does not take this kind of operation: it stays recorded at the till.",
    ),
    "wrong_store": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "This delivery is for another store: it was not received here. Call the sender; set "
        "it aside with a note.",
    ),
    "already_received": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "This delivery was already received (at another till?): nothing was counted twice. "
        "Set it aside with a note.",
    ),
    "unknown_store": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The central server knows no such store to send to: nothing left its stock. Set it "
        "aside with a note and count the goods again.",
    ),
    "unknown_delivery": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The central server does not know this delivery: check the delivery note with head "
        "office, then send again or set it aside.",
    ),
    "set_aside": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "Set aside by a person before it was sent: send it again when ready.",
    ),
}


def warning(code: str, text: str) -> str:
    """Central's flag on an operation it accepted; its own text for a code not known here."""
    known = _WARNINGS.get(code)
    return QCoreApplication.translate("AttentionTexts", known) if known else text


_WARNINGS = {
    "chain_break": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The central server found a break in this till's journal at this sale "
        "(an entry missing or out of order).",
    ),
    "chain_rewrite": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "The central server already holds another journal entry with this number.",
    ),
    "hash_mismatch": QT_TRANSLATE_NOOP(
        "AttentionTexts", "The central server computed another journal hash for this sale."
    ),
    "bad_signature": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "This entry's signature does not match its content: it was changed after "
        "the till signed it.",
    ),
    "unknown_key": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "This entry is signed with a key central never registered for this till: "
        "its record may have been rebuilt.",
    ),
    "medusa_total_differs": QT_TRANSLATE_NOOP(
        "AttentionTexts", "Medusa priced this sale at another total than the till charged."
    ),
    "stock_corrected": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "Medusa had less stock than this sale took: its stock level was raised by "
        "the shortfall before the sale was recorded.",
    ),
    "unpaid_handover": QT_TRANSLATE_NOOP(
        "AttentionTexts",
        "This order was handed over without being paid online nor at the till: check its payment.",
    ),
}


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
        return _fill(QCoreApplication.translate("AttentionTexts", "%1 min ago"), minutes)
    if minutes < 48 * 60:
        return _fill(QCoreApplication.translate("AttentionTexts", "%1 h ago"), minutes // 60)
    return _fill(QCoreApplication.translate("AttentionTexts", "%1 days ago"), minutes // (24 * 60))


def set_aside_line(item: AttentionItem) -> str:
    note = item.set_aside
    if note is None:
        return ""
    from hardware.receipt.formatting import local_time_text

    return _fill(
        QCoreApplication.translate("AttentionTexts", "Set aside by %1 on %2: %3"),
        note.staff_name or note.staff_id, local_time_text(note.set_aside_at), note.note,
    )  # fmt: skip


def _fill(template: str, *values: object) -> str:
    """``%1``… replaced in one pass, so a value holding ``%2`` is left as it is."""
    out, i = [], 0
    while i < len(template):
        if template[i] == "%" and i + 1 < len(template) and template[i + 1].isdigit():
            out.append(str(values[int(template[i + 1]) - 1]))
            i += 2
        else:
            out.append(template[i])
            i += 1
    return "".join(out)


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
