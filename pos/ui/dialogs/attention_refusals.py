"""Why an operation of the attention list waits or was refused, in the staff's words.

Central's refusal codes (``sync.contract.operations``), the Medusa adapter's and the
client's own, its warnings on accepted operations and the reasons a send failed: each
gets a sentence saying what happened and what to do; an unknown code a generic sentence
with the server's own text. (Split from ``attention_texts``; the same translation context.)
"""

from __future__ import annotations

from pos.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "AttentionTexts"

#: The records a Medusa without Comptoir's plugin (or with an older one) refuses.
_KEPT_BY_PLUGIN = frozenset(
    {"approval", "till_session_opened", "cash_movement", "till_session_closed",
     "sale_cancelled", "drawer_opened"}
)  # fmt: skip


#: Why the last try of a waiting operation failed (``sync.engine.pusher``); it stays
#: queued and is sent again at each sync, whatever the failure.
FAILURES = {
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
    return fill(
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


def fill(template: str, *values: object) -> str:
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
