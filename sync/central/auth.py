"""Bearer tokens: per-terminal tokens kept hashed, and the web and operator tokens.

A terminal token is 32 random bytes; the database keeps only its SHA-256, so a copy of the
database enrols nobody. Lookups go by that hash and the stored value is still compared in
constant time; the web and operator tokens are compared in constant time too.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import secrets
import sqlite3
import time
from dataclasses import dataclass

from starlette.requests import Request

from sync.central import terminal_keys
from sync.central.db import Database, utc_now
from sync.central.errors import ApiError, not_found
from sync.contract.admin import EnrolmentAttempt, EnrolmentAttempts
from sync.contract.enrolment import EnrolmentRequest, EnrolmentResponse

log = logging.getLogger("comptoir.central.enrolment")

#: Wrong enrolment codes allowed per store within ``THROTTLE_WINDOW_S``; beyond, every
#: attempt for that store (a right code too) is 429 until the window has moved on.
MAX_WRONG_CODES = 5
THROTTLE_WINDOW_S = 60.0
_RECORD = (
    "INSERT INTO enrolment_attempts (store_id, terminal_id, at, at_s, outcome) "
    "VALUES (?, ?, ?, ?, ?)"
)
#: The audit keeps the latest attempts and none older than this: a flood of guesses
#: (random store ids are throttled one by one) must not fill the disk.
KEEP_ATTEMPTS = 100_000
KEEP_ATTEMPTS_DAYS = 90
_WRONG_IN_WINDOW = (
    "SELECT count(*), min(at_s) FROM enrolment_attempts "
    "WHERE store_id = ? AND outcome = 'wrong_code' AND at_s > ?"
)


@dataclass(frozen=True, slots=True)
class Terminal:
    store_id: str
    terminal_id: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "A bearer token is required.")
    return token.strip()


def check_secret(request: Request, expected: str | None, what: str) -> None:
    """The web channel's or the operator's token; 401 when absent, wrong or not configured."""
    token = bearer(request)
    if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
        raise ApiError(401, "unauthorized", f"This is not the {what} token.")


def terminal(db: Database, request: Request, store_id: str, terminal_id: str | None) -> Terminal:
    """The terminal the token belongs to; 403 if it is another store's (or terminal's)."""
    digest = token_hash(bearer(request))
    with db.read() as conn:
        row = conn.execute(
            "SELECT store_id, terminal_id, token_hash FROM terminals WHERE token_hash = ?",
            (digest,),
        ).fetchone()
    if row is None or not hmac.compare_digest(row[2], digest):
        raise ApiError(401, "unauthorized", "This token is unknown or was revoked: enrol again.")
    owner = Terminal(row[0], row[1])
    if owner.store_id != store_id or (terminal_id is not None and owner.terminal_id != terminal_id):
        raise ApiError(
            403,
            "forbidden_store",
            f"This token belongs to terminal {owner.terminal_id!r} of store {owner.store_id!r}.",
        )
    return owner


def enrol(db: Database, request: EnrolmentRequest) -> EnrolmentResponse:
    """Issue a new token for the terminal, revoking its previous one in the same write.

    Throttled per store: after ``MAX_WRONG_CODES`` wrong codes within the window, every
    attempt is 429 with Retry-After, checked before the code. Each attempt is recorded
    (committed even when refused) and logged. The terminal's signing keys are registered
    with the token, in the same write (``terminal_keys``)."""
    token = secrets.token_urlsafe(32)
    keys = terminal_keys.lineage(request)
    registered = ""
    now = time.time()
    with db.write() as conn:
        wrong, oldest = conn.execute(
            _WRONG_IN_WINDOW, (request.store_id, now - THROTTLE_WINDOW_S)
        ).fetchone()
        if wrong >= MAX_WRONG_CODES:
            outcome, row = "throttled", None
        else:
            row = conn.execute(
                "SELECT name, enrolment_code_hash FROM stores WHERE id = ?", (request.store_id,)
            ).fetchone()
            presented = token_hash(request.enrolment_code)
            right = row is not None and hmac.compare_digest(row[1], presented)
            outcome = "accepted" if right else "wrong_code"
        cursor = conn.execute(
            _RECORD, (request.store_id, request.terminal_id, utc_now(), now, outcome)
        )
        _prune(conn, cursor.lastrowid or 0, now)
        if outcome == "accepted":
            _issue(conn, request, token)
            registered = terminal_keys.register(
                conn, request.store_id, request.terminal_id, keys, utc_now()
            )
    log.log(
        logging.INFO if outcome == "accepted" else logging.WARNING,
        "enrolment %s: store %r terminal %r", outcome, request.store_id, request.terminal_id,
    )  # fmt: skip
    if outcome == "throttled":
        retry = max(1, math.ceil(oldest + THROTTLE_WINDOW_S - now))
        raise ApiError(
            429,
            "too_many_attempts",
            f"Too many wrong enrolment codes for this store: try again in {retry} s.",
            {"Retry-After": str(retry)},
        )
    if row is None or outcome != "accepted":
        # One answer for an unknown store and a wrong code: no store enumeration.
        raise ApiError(401, "unauthorized", "Unknown store or wrong enrolment code.")
    return EnrolmentResponse(
        store_id=request.store_id,
        store_name=row[0],
        terminal_id=request.terminal_id,
        token=token,
        registered_key_id=registered,
    )


def _prune(conn: sqlite3.Connection, newest_id: int, now: float) -> None:
    """Both by the primary key, so each attempt costs the same however big the audit."""
    conn.execute("DELETE FROM enrolment_attempts WHERE id <= ?", (newest_id - KEEP_ATTEMPTS,))
    conn.execute(
        "DELETE FROM enrolment_attempts WHERE id IN "
        "(SELECT id FROM enrolment_attempts ORDER BY id LIMIT 1000) AND at_s < ?",
        (now - KEEP_ATTEMPTS_DAYS * 86400,),
    )


def _issue(conn: sqlite3.Connection, request: EnrolmentRequest, token: str) -> None:
    conn.execute(
        "INSERT INTO terminals (store_id, terminal_id, token_hash, enrolled_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (store_id, terminal_id) DO UPDATE SET "
        "token_hash = excluded.token_hash, enrolled_at = excluded.enrolled_at",
        (request.store_id, request.terminal_id, token_hash(token), utc_now()),
    )


def attempts(db: Database) -> EnrolmentAttempts:
    """The latest 500 enrolment attempts, newest first (the operator's audit)."""
    with db.read() as conn:
        rows = conn.execute(
            "SELECT store_id, terminal_id, at, outcome FROM enrolment_attempts "
            "ORDER BY id DESC LIMIT 500"
        ).fetchall()
    fields = ("store_id", "terminal_id", "at", "outcome")
    return EnrolmentAttempts(
        attempts=[EnrolmentAttempt(**dict(zip(fields, row, strict=True))) for row in rows]
    )


def require_store(db: Database, store_id: str) -> None:
    with db.read() as conn:
        if conn.execute("SELECT 1 FROM stores WHERE id = ?", (store_id,)).fetchone() is None:
            raise not_found(f"There is no store {store_id!r}.")
