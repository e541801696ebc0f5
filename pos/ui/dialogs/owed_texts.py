"""The undo calls owed to central (``pos.store.owed_calls``) in the manager's language:
what each is, why it is not settled and how long it has waited."""

from __future__ import annotations

from datetime import UTC, datetime

from hardware.receipt.formatting import local_time_text
from pos.services.outbox_review import (
    CLAIM_RELEASE,
    COUPON_RELEASE,
    CREDIT_NOTE_REVERSAL,
    CUSTOMER_CONSENT,
    CUSTOMER_CREATION,
    DEBIT_IN_USE,
    LOYALTY,
    UNREACHABLE,
    OwedCall,
)
from pos.ui.qt import QCoreApplication

# Central's codes for a till whose token it no longer accepts.
_NOT_AUTHORISED = frozenset({"unauthorized", "forbidden"})


def kind(value: str) -> str:
    return {
        CLAIM_RELEASE: QCoreApplication.translate("OwedCalls", "Return claim to release"),
        CREDIT_NOTE_REVERSAL: QCoreApplication.translate(
            "OwedCalls", "Credit note debit to give back"
        ),
        CUSTOMER_CREATION: QCoreApplication.translate(
            "OwedCalls", "Customer created here, to send to the central server"
        ),
        CUSTOMER_CONSENT: QCoreApplication.translate(
            "OwedCalls", "Marketing consent withdrawn, to send to the central server"
        ),
        COUPON_RELEASE: QCoreApplication.translate("OwedCalls", "Coupon to release"),
        LOYALTY: QCoreApplication.translate("OwedCalls", "Loyalty points to settle"),
    }.get(value, value)


def reason(call: OwedCall) -> str:
    """Why it is still owed; the server's own sentence for a refusal the till cannot name."""
    if call.last_code == UNREACHABLE:
        return QCoreApplication.translate(
            "OwedCalls",
            "The central server has not answered: it is sent again at each sync. If this "
            "lasts, check the till's network.",
        )
    if call.last_code == DEBIT_IN_USE:
        return QCoreApplication.translate(
            "OwedCalls",
            "Held back: a completed sale the central server accepted pays with this debit. "
            "Check the credit note's balance with the central server.",
        )
    if call.kind == CUSTOMER_CREATION and call.last_code == "customer_exists":
        return QCoreApplication.translate(
            "OwedCalls",
            "This email or phone number is already customer %1's at the central server: "
            "find that customer at the till and use that account.",
        ).replace("%1", call.code)
    if call.last_code in _NOT_AUTHORISED:
        return QCoreApplication.translate(
            "OwedCalls",
            "The central server no longer accepts this till: enrol it again, then it is "
            "sent at the next sync.",
        )
    if not call.last_code:
        return QCoreApplication.translate("OwedCalls", "Not sent yet: it is sent at the next sync.")
    return QCoreApplication.translate("OwedCalls", "Refused by the central server: %1").replace(
        "%1", call.last_error
    )


def since(call: OwedCall, now: datetime | None = None) -> str:
    """``"06/12/2026 14:02 (3 h)"``: when it was queued, and its age."""
    try:
        queued = datetime.fromisoformat(call.queued_at)
    except ValueError:
        return call.queued_at
    if queued.tzinfo is None:
        queued = queued.replace(tzinfo=UTC)
    minutes = max(0, int(((now or datetime.now(UTC)) - queued).total_seconds() // 60))
    if minutes < 60:
        age = QCoreApplication.translate("OwedCalls", "%1 min").replace("%1", str(minutes))
    elif minutes < 48 * 60:
        age = QCoreApplication.translate("OwedCalls", "%1 h").replace("%1", str(minutes // 60))
    else:
        age = QCoreApplication.translate("OwedCalls", "%1 days").replace(
            "%1", str(minutes // (24 * 60))
        )
    return f"{local_time_text(call.queued_at)} ({age})"
