"""The coupon ledger (issue 15): codes checked, single-use codes reserved for one sale,
consumed by its push, released when the till gives them back, free again after the hold.

Every reservation is checked and written inside one write transaction (the server has
one writer), so of two tills reserving the same code at once exactly one wins and the
other is told ``coupon_used``. Idempotent by sale: the same sale asking again gets the
same answer (a retry after a timeout), even once its push consumed the code.

A promotion's terms (window, active, stores, shared ``coupon_code``,
``single_use_codes``) are read from central's ``promotions`` table: its ``rule`` JSON
(contract v2) when the table has one; a table without it knows no shared codes nor store
scope, and every promotion may then have issued codes.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pos.domain.promotions.fields import granted_coupon
from pos.domain.promotions.model import normalise_code
from sync.central import instants
from sync.central.db import Database, utc_now
from sync.central.errors import ApiError, conflict, not_found
from sync.contract.coupons import (
    COUPON_ALREADY_APPLIED,
    COUPON_EXPIRED,
    COUPON_NOT_STARTED,
    COUPON_OTHER_STORE,
    COUPON_UNKNOWN,
    COUPON_USED,
    CouponIssueRequest,
    CouponIssueResult,
    CouponRelease,
    CouponReservation,
    CouponReservationRequest,
    normalise_coupon,
)
from sync.contract.till_acts import SaleCancelledPayload

#: How long a reservation no push consumed holds its code (``--coupon-hold-hours``).
COUPON_HOLD_HOURS = 24.0
#: Issued codes: Crockford's base32 (no I, L, O, U: nothing to misread), 10 symbols = 50 bits.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RANDOM_LENGTH = 10


@dataclass(frozen=True, slots=True)
class Terms:
    """What a coupon's promotion allows: when, where, and which codes."""

    promotion_id: int
    name: str
    starts_at: str
    ends_at: str
    active: bool
    rule: dict[str, Any] = field(default_factory=dict)

    def refusal(self, store_id: str, now: str) -> ApiError | None:
        """Why this promotion's code cannot be used now in ``store_id`` (None: it can)."""
        moment = instants.parse(now)
        if not self.active or moment >= _instant(self.ends_at, datetime.max):
            return ApiError(409, COUPON_EXPIRED, f"The coupon's promotion {self.name!r} is over.")
        if moment < _instant(self.starts_at, datetime.min):
            return ApiError(
                409, COUPON_NOT_STARTED,
                f"The coupon's promotion {self.name!r} starts on {self.starts_at}.",
            )  # fmt: skip
        stores = self.rule.get("stores") or []
        web_only = "store" not in (self.rule.get("channels") or ["store"])
        if web_only or (stores and store_id not in stores):
            return ApiError(
                409, COUPON_OTHER_STORE,
                f"The coupon's promotion {self.name!r} is not for store {store_id}.",
            )  # fmt: skip
        return None


def _instant(text: str | None, default: datetime) -> datetime:
    if not text:
        return default.replace(tzinfo=UTC)
    return instants.parse(text)


def _unknown(code: str) -> ApiError:
    return ApiError(404, COUPON_UNKNOWN, f"No promotion has the coupon code {code!r}.")


# -- reading promotions ------------------------------------------------------------------


def _has_rule(conn: sqlite3.Connection) -> bool:
    return any(row[1] == "rule" for row in conn.execute("PRAGMA table_info(promotions)"))


def _select(conn: sqlite3.Connection) -> str:
    rule = "rule" if _has_rule(conn) else "'{}'"
    return f"SELECT id, name, starts_at, ends_at, active, {rule} FROM promotions"


def _terms(row: tuple[Any, ...]) -> Terms:
    pid, name, starts_at, ends_at, active, rule = row
    return Terms(int(pid), str(name), starts_at or "", ends_at or "", bool(active),
                 json.loads(rule or "{}"))  # fmt: skip


def promotion_terms(conn: sqlite3.Connection, promotion_id: int) -> Terms | None:
    row = conn.execute(f"{_select(conn)} WHERE id = ?", (promotion_id,)).fetchone()
    return None if row is None else _terms(row)


def shared_terms(conn: sqlite3.Connection, code: str) -> list[Terms]:
    """The promotions whose shared ``coupon_code`` is ``code`` (normalised), by id."""
    if not _has_rule(conn):
        return []
    rows = conn.execute(f"{_select(conn)} WHERE rule LIKE '%coupon_code%' ORDER BY id")
    found = [_terms(row) for row in rows]
    return [
        t for t in found if code and normalise_coupon(str(t.rule.get("coupon_code", ""))) == code
    ]


# -- reserving and releasing ---------------------------------------------------------------


def reserve(
    db: Database, store_id: str, body: CouponReservationRequest, hold_hours: float
) -> CouponReservation:
    """Check ``body.code`` for this store now and, single-use, reserve it for the sale."""
    code, now = normalise_coupon(body.code), utc_now()
    with db.write() as conn:
        row = conn.execute(
            "SELECT promotion_id, state, sale_id, reserved_at FROM coupon_codes WHERE code = ?",
            (code,),
        ).fetchone()
        if row is None:
            return _shared(conn, code, store_id, now)  # or coupon_unknown
        promotion_id, state, holder, reserved_at = row
        terms = promotion_terms(conn, int(promotion_id))
        if terms is None:
            raise _unknown(code)
        if holder == body.sale_id and state in ("reserved", "consumed"):
            return _reservation(code, terms, holder, reserved_at, hold_hours)  # a retry
        stale = state == "reserved" and reserved_at < instants.later(now, hours=-hold_hours)
        if state == "consumed" or (state == "reserved" and not stale):
            raise ApiError(409, COUPON_USED, f"The coupon {code} has been used already.")
        refusal = terms.refusal(store_id, now)
        if refusal is not None:
            raise refusal
        _one_per_promotion(conn, terms.promotion_id, body.sale_id)
        conn.execute(
            "UPDATE coupon_codes SET state = 'reserved', sale_id = ?, store_id = ?, "
            "reserved_at = ? WHERE code = ?",
            (body.sale_id, store_id, now, code),
        )
    return _reservation(code, terms, body.sale_id, now, hold_hours)


def _one_per_promotion(conn: sqlite3.Connection, promotion_id: int, sale_id: str) -> None:
    """The engine applies a promotion once per sale: a second code of it for the same
    sale would be spent for nothing, so it is refused (the customer keeps it)."""
    held = conn.execute(
        "SELECT code FROM coupon_codes WHERE sale_id = ? AND promotion_id = ? "
        "AND state IN ('reserved', 'consumed')",
        (sale_id, promotion_id),
    ).fetchone()
    if held is not None:
        raise ApiError(
            409, COUPON_ALREADY_APPLIED,
            f"This sale has a code of this promotion already ({held[0]}): one is enough.",
        )  # fmt: skip


def _reservation(
    code: str, terms: Terms, sale_id: str, reserved_at: str, hold_hours: float
) -> CouponReservation:
    return CouponReservation(
        code=code, promotion_id=terms.promotion_id, promotion_name=terms.name,
        token=granted_coupon(terms.promotion_id), single_use=True, reserved_for=sale_id,
        expires_at=instants.later(reserved_at, hours=hold_hours),
    )  # fmt: skip


def _shared(conn: sqlite3.Connection, code: str, store_id: str, now: str) -> CouponReservation:
    """A shared code: checked, never reserved. The first of its promotions usable here
    answers; when none is, the first one's refusal does."""
    candidates = shared_terms(conn, code)
    if not candidates:
        raise _unknown(code)
    for terms in candidates:
        if terms.refusal(store_id, now) is None:
            token = normalise_code(str(terms.rule["coupon_code"]))
            return CouponReservation(
                code=code, promotion_id=terms.promotion_id, promotion_name=terms.name,
                token=token, single_use=False, reserved_for=None, expires_at=None,
            )  # fmt: skip
    raise candidates[0].refusal(store_id, now)  # type: ignore[misc]  # not None: just seen


def release(db: Database, store_id: str, sale_id: str, code: str) -> CouponRelease:
    """Give back ``code`` if this store's sale ``sale_id`` holds it; anything else is a
    harmless no-op (a retry, a code never reserved, another sale's)."""
    code = normalise_coupon(code)
    with db.write() as conn:
        row = conn.execute(
            "SELECT state FROM coupon_codes WHERE code = ? AND sale_id = ? AND store_id = ?",
            (code, sale_id, store_id),
        ).fetchone()
        if row is None:
            return CouponRelease(code=code, sale_id=sale_id, status="not_reserved")
        if row[0] == "consumed":
            return CouponRelease(code=code, sale_id=sale_id, status="consumed")
        conn.execute(
            "UPDATE coupon_codes SET state = 'free', sale_id = NULL, store_id = NULL, "
            "reserved_at = NULL WHERE code = ?",
            (code,),
        )
    return CouponRelease(code=code, sale_id=sale_id, status="released")


def consume(conn: sqlite3.Connection, sale_id: str, at: str) -> None:
    """A pushed sale makes its reservations permanent (in the push's transaction). A
    reservation taken over after its hold by another sale is that sale's now."""
    conn.execute(
        "UPDATE coupon_codes SET state = 'consumed', consumed_at = ? "
        "WHERE sale_id = ? AND state = 'reserved'",
        (at, sale_id),
    )


def release_cancelled(conn: sqlite3.Connection, store_id: str, payload: object) -> None:
    """A pushed ``sale_cancelled`` frees what its sale held (in the push's transaction),
    should the till's own release never come (a crash, a lost answer)."""
    if isinstance(payload, SaleCancelledPayload):
        conn.execute(
            "UPDATE coupon_codes SET state = 'free', sale_id = NULL, store_id = NULL, "
            "reserved_at = NULL WHERE sale_id = ? AND store_id = ? AND state = 'reserved'",
            (payload.sale_id, store_id),
        )


# -- issuing ---------------------------------------------------------------------------------


def issue(db: Database, promotion_id: int, body: CouponIssueRequest) -> CouponIssueResult:
    """The operator's codes for a single-use promotion: ``count`` random ones, or those
    given (issued again harmlessly when already this promotion's)."""
    now = utc_now()
    with db.write() as conn:
        terms = promotion_terms(conn, promotion_id)
        if terms is None:
            raise not_found(f"There is no promotion {promotion_id}.")
        if _has_rule(conn) and not terms.rule.get("single_use_codes"):
            raise conflict(
                f"Promotion {promotion_id} has no single-use codes: set single_use_codes "
                "on it first (a shared coupon_code needs no issuing)."
            )
        if body.codes is not None:
            codes = [normalise_coupon(code) for code in body.codes]
            _check_owners(conn, promotion_id, codes)
        else:
            codes = _random_codes(conn, body.count or 0)
        conn.executemany(
            "INSERT OR IGNORE INTO coupon_codes (code, promotion_id, issued_at, state) "
            "VALUES (?, ?, ?, 'free')",
            [(code, promotion_id, now) for code in codes],
        )
    return CouponIssueResult(promotion_id=promotion_id, codes=list(dict.fromkeys(codes)))


def _check_owners(conn: sqlite3.Connection, promotion_id: int, codes: list[str]) -> None:
    for code in codes:
        row = conn.execute(
            "SELECT promotion_id FROM coupon_codes WHERE code = ?", (code,)
        ).fetchone()
        if row is not None and int(row[0]) != promotion_id:
            raise conflict(f"The code {code} is promotion {row[0]}'s already.")
        if shared_terms(conn, code):
            raise conflict(f"The code {code} is a promotion's shared coupon code.")


def _random_codes(conn: sqlite3.Connection, count: int) -> list[str]:
    codes: set[str] = set()
    while len(codes) < count:
        code = "".join(secrets.choice(_ALPHABET) for _ in range(_RANDOM_LENGTH))
        if conn.execute("SELECT 1 FROM coupon_codes WHERE code = ?", (code,)).fetchone() is None:
            codes.add(code)
    return sorted(codes)
