"""Bearer tokens: per-terminal tokens kept hashed, and the web and operator tokens.

A terminal token is 32 random bytes; the database keeps only its SHA-256, so a copy of the
database enrols nobody. Lookups go by that hash and the stored value is still compared in
constant time; the web and operator tokens are compared in constant time too.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from starlette.requests import Request

from sync.central.db import Database, utc_now
from sync.central.errors import ApiError, not_found
from sync.contract.enrolment import EnrolmentRequest, EnrolmentResponse


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
    """Issue a new token for the terminal, revoking its previous one in the same write."""
    token = secrets.token_urlsafe(32)
    with db.write() as conn:
        row = conn.execute(
            "SELECT name, enrolment_code_hash FROM stores WHERE id = ?", (request.store_id,)
        ).fetchone()
        presented = token_hash(request.enrolment_code)
        if row is None or not hmac.compare_digest(row[1], presented):
            # One answer for an unknown store and a wrong code: no store enumeration.
            raise ApiError(401, "unauthorized", "Unknown store or wrong enrolment code.")
        conn.execute(
            "INSERT INTO terminals (store_id, terminal_id, token_hash, enrolled_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (store_id, terminal_id) DO UPDATE SET "
            "token_hash = excluded.token_hash, enrolled_at = excluded.enrolled_at",
            (request.store_id, request.terminal_id, token_hash(token), utc_now()),
        )
    return EnrolmentResponse(
        store_id=request.store_id,
        store_name=row[0],
        terminal_id=request.terminal_id,
        token=token,
    )


def require_store(db: Database, store_id: str) -> None:
    with db.read() as conn:
        if conn.execute("SELECT 1 FROM stores WHERE id = ?", (store_id,)).fetchone() is None:
            raise not_found(f"There is no store {store_id!r}.")
