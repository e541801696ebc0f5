"""Undo calls the till owes central that a manager must see (schemas 19 and 20).

A return claim release (``claim_releases``), a credit note reversal
(``credit_note_reversals``), a customer created here or a consent choice made offline
(``customer_outbox``, schema 25) stays queued until central answers. Most are sent at the
next round; one central refused with a lasting reason, or one still waiting after
``STUCK_ATTEMPTS`` tries or ``STUCK_AFTER`` (central away for hours, or a till whose
token was withdrawn), is listed with the till's other "Operations to check" and counts
in the status bar. Nothing is removed from here but by central's answer.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pos.store import set_asides
from pos.store.credit_note_reversals import UNREACHABLE
from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.sale_codec import utc_now

CLAIM_RELEASE = "claim_release"
CREDIT_NOTE_REVERSAL = "credit_note_reversal"
CUSTOMER_CREATION = "customer_creation"  # schema 25: a customer created here, not yet central's
CUSTOMER_CONSENT = "customer_consent"  # schema 25: a consent choice made offline
COUPON_RELEASE = "coupon_release"  # schema 24: a single-use coupon to give back
LOYALTY = "loyalty"  # schema 27: points to debit (redeem) or give back (reverse)

#: Failed attempts after which a call still unanswered is shown (a round each).
STUCK_ATTEMPTS = 5
#: Time after which a call still queued is shown, however few attempts were made.
STUCK_AFTER = timedelta(hours=2)

_ALL = (
    "SELECT 'claim_release', return_id, '', queued_at, attempts, coalesce(last_code, ''), "
    "coalesce(last_error, '') FROM claim_releases "
    "UNION ALL "
    "SELECT 'credit_note_reversal', op_id, code, queued_at, attempts, "
    "coalesce(last_code, ''), coalesce(last_error, '') FROM credit_note_reversals "
    "UNION ALL "
    "SELECT 'customer_creation', customer_id, coalesce(existing_id, ''), queued_at, attempts, "
    "coalesce(last_code, ''), coalesce(last_error, '') FROM customer_creations "
    "UNION ALL "
    "SELECT 'customer_consent', customer_id, '', queued_at, attempts, "
    "coalesce(last_code, ''), coalesce(last_error, '') FROM customer_consents "
    "UNION ALL "
    "SELECT 'coupon_release', sale_id, code, queued_at, attempts, coalesce(last_code, ''), "
    "coalesce(last_error, '') FROM coupon_releases "
    "UNION ALL "
    "SELECT 'loyalty', op_id, action || ':' || points, queued_at, attempts, "
    "coalesce(last_code, ''), coalesce(last_error, '') FROM loyalty_owed "
    "ORDER BY 4, 2"
)
#: "Send again" after a fix: the refusal is forgotten, the next round sends it.
_RENEW = {
    CLAIM_RELEASE: "UPDATE claim_releases SET last_code = NULL, last_error = NULL "
    "WHERE return_id = ?1",
    CREDIT_NOTE_REVERSAL: "UPDATE credit_note_reversals SET last_code = NULL, "
    "last_error = NULL WHERE op_id = ?1",
    CUSTOMER_CREATION: "UPDATE customer_creations SET last_code = NULL, last_error = NULL, "
    "existing_id = NULL WHERE customer_id = ?1",
    CUSTOMER_CONSENT: "UPDATE customer_consents SET last_code = NULL, last_error = NULL "
    "WHERE customer_id = ?1",
    COUPON_RELEASE: "UPDATE coupon_releases SET last_code = NULL, last_error = NULL "
    "WHERE sale_id = ?1 AND code = ?2",
    LOYALTY: "UPDATE loyalty_owed SET last_code = NULL, last_error = NULL, refused_at = NULL "
    "WHERE op_id = ?1",
}


@dataclass(frozen=True, slots=True)
class OwedCall:
    """``kind``: one of the constants above; ``key``: the claim's id, the debit's op id,
    the customer's id, the coupon's sale id or the loyalty call's op id; ``code``: the
    credit note's, the existing customer central named (``customer_exists``), the
    coupon's code, or ``action:points`` for loyalty; ``last_code``:
    central's last refusal code (``UNREACHABLE``: no answer; '' not tried yet)."""

    kind: str
    key: str
    code: str
    queued_at: str
    attempts: int
    last_code: str
    last_error: str

    @property
    def ident(self) -> str:
        """Names the call among its kind's (a coupon is owed per sale and code)."""
        return f"{self.key} {self.code}" if self.kind == COUPON_RELEASE else self.key

    @property
    def refused(self) -> bool:
        """Central answered with a refusal: sending it again alone will not help."""
        return self.last_code not in ("", UNREACHABLE)

    def needs_attention(self, now: datetime) -> bool:
        if self.refused or self.attempts >= STUCK_ATTEMPTS:
            return True
        try:
            queued = datetime.fromisoformat(self.queued_at)
        except ValueError:
            return True  # an unreadable date: show it rather than hide it
        if queued.tzinfo is None:
            queued = queued.replace(tzinfo=UTC)
        return now - queued >= STUCK_AFTER


def queued(conn: sqlite3.Connection) -> list[OwedCall]:
    """Every call still owed, oldest first."""
    with translate_errors():
        return [OwedCall(*row) for row in conn.execute(_ALL)]


def needing_attention(conn: sqlite3.Connection, now: str | None = None) -> list[OwedCall]:
    """The calls a manager must see, oldest first (not those set aside with a note)."""
    moment = datetime.fromisoformat(now or utc_now())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    seen = set_asides.open_set_asides(conn)
    return [
        call
        for call in queued(conn)
        if call.needs_attention(moment) and (call.kind, call.ident) not in seen
    ]


def renew(
    conn: sqlite3.Connection, call: OwedCall, *, by: str = "", now: str | None = None
) -> bool:
    """Forget central's last refusal so the next round sends the call again (after a
    fix); a set-aside note on it is closed. True if the call was still owed."""
    stamp = now or utc_now()
    key, _, code = call.ident.partition(" ")
    with write_transaction(conn), translate_errors():
        changed = conn.execute(_RENEW[call.kind], (key, code) if code else (key,)).rowcount
        set_asides.close(conn, call.kind, call.ident, by, stamp)
    return bool(changed)
