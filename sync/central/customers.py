"""Customers at central (issue 15): created by the tills with their consent, found by
phone, email, name or card, their consent withdrawn, erased by the operator, and their
history across channels (store tickets and web orders).

Creation is idempotent by the till's ``customer_id``: the body's hash is kept, so the same
body again gets the same answer and another body under that id a 409 ``conflict``. An
email or phone already held by an active customer is refused with ``customer_exists``
naming that customer. Every change bumps the customer's ``change_seq``, so the
``customers`` feed carries it (with ``marketing_consent``) to every till. An erased
customer keeps its row (past sales name it) with its personal fields blanked: it is
found by no search and has no history to show.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from contextlib import suppress

from pos.domain.customer_card import parse_card
from sync.central.db import Database, next_change_seqs, utc_now
from sync.central.errors import ApiError, conflict, not_found
from sync.contract.customers import (
    CUSTOMER_EXISTS,
    MAX_SEARCH_RESULTS,
    CustomerCreate,
    CustomerHistory,
    CustomerRecord,
    CustomerSearchResult,
    HistoryEntry,
    normalise_email,
    normalise_phone,
)

#: The index expressions of customers.sql, repeated (SQLite matches them as written).
EMAIL_KEY = "lower(email)"
PHONE_KEY = (
    "substr(replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '.', ''), "
    "'-', ''), '(', ''), ')', ''), '/', ''), '+', ''), -9)"
)
_TOP = "\U0010ffff"

#: Central's search, each one range of an index of customers.sql (``search``).
BY_ID = "SELECT id FROM customers WHERE id = ? AND active = 1"
BY_PHONE = f"SELECT id FROM customers WHERE {PHONE_KEY} = ? AND active = 1 LIMIT ?"
BY_EMAIL = f"SELECT id FROM customers WHERE {EMAIL_KEY} = ? AND active = 1 LIMIT ?"
EMAIL_STARTS = (
    f"SELECT id FROM customers WHERE {EMAIL_KEY} >= ?1 AND {EMAIL_KEY} < ?1 || ?2 "
    f"AND active = 1 ORDER BY {EMAIL_KEY} LIMIT ?3"
)
NAME_STARTS = (
    "SELECT id FROM customers WHERE name >= ?1 COLLATE NOCASE "
    "AND name < ?1 || ?2 COLLATE NOCASE AND active = 1 ORDER BY name COLLATE NOCASE LIMIT ?3"
)
_DIGITS = re.compile(r"\D")

_RECORD = (
    "SELECT c.id, c.name, c.email, c.phone, c.loyalty_points, "
    "coalesce(p.marketing_consent, 0), p.consent_at, p.consent_source, c.active, c.change_seq "
    "FROM customers AS c LEFT JOIN customer_profiles AS p ON p.customer_id = c.id "
)

#: The ``customers`` feed (sync/central/feeds.py): the customer and its marketing choice.
FEED_QUERY = (
    "SELECT c.change_seq, CAST(json_object('id', c.id, 'name', c.name, 'email', c.email, "
    "'phone', c.phone, 'loyalty_points', c.loyalty_points, "
    "'active', json(CASE c.active WHEN 1 THEN 'true' ELSE 'false' END), "
    "'version', c.change_seq, 'marketing_consent', "
    "json(CASE p.marketing_consent WHEN 1 THEN 'true' ELSE 'false' END)) AS BLOB) "
    "FROM customers AS c LEFT JOIN customer_profiles AS p ON p.customer_id = c.id "
    "WHERE c.change_seq > ? ORDER BY c.change_seq LIMIT ?"
)


def _record(row: tuple) -> CustomerRecord:
    return CustomerRecord(
        id=row[0], name=row[1], email=row[2], phone=row[3], loyalty_points=row[4],
        marketing_consent=bool(row[5]), consent_at=row[6], consent_source=row[7],
        active=bool(row[8]), version=row[9],
    )  # fmt: skip


def _read(conn: sqlite3.Connection, customer_id: str) -> CustomerRecord | None:
    row = conn.execute(_RECORD + "WHERE c.id = ?", (customer_id,)).fetchone()
    return None if row is None else _record(row)


def _active(conn: sqlite3.Connection, customer_id: str) -> CustomerRecord:
    found = _read(conn, customer_id)
    if found is None or not found.active:
        raise not_found(f"There is no customer {customer_id!r}.")
    return found


def phone_digits(phone: str) -> str:
    """A number's key: its last nine digits (``PHONE_KEY`` in Python)."""
    return _DIGITS.sub("", phone)[-9:]


def holder(conn: sqlite3.Connection, email: str | None, phone: str | None) -> str | None:
    """The active customer who already has this email or phone, if any."""
    for expression, key in ((EMAIL_KEY, email), (PHONE_KEY, phone and phone_digits(phone))):
        if key:
            row = conn.execute(
                f"SELECT id FROM customers WHERE {expression} = ? AND active = 1 "
                "ORDER BY id LIMIT 1",
                (key,),
            ).fetchone()
            if row is not None:
                return str(row[0])
    return None


def create(db: Database, store_id: str, body: CustomerCreate) -> CustomerRecord:
    """Create the till's customer, or answer again for the same body (see module doc)."""
    request = hashlib.sha256(body.model_dump_json().encode("utf-8")).hexdigest()
    with db.write() as conn:
        known = conn.execute(
            "SELECT request FROM customer_profiles WHERE customer_id = ?", (body.customer_id,)
        ).fetchone()
        existing = _read(conn, body.customer_id)
        if existing is not None:
            if known is not None and known[0] == request:
                return existing
            raise conflict(f"Customer {body.customer_id!r} exists with other details.")
        other = holder(conn, body.email, body.phone)
        if other is not None:
            raise ApiError(
                409, CUSTOMER_EXISTS,
                f"This email or phone number is already customer {other!r}'s.",
                details={"customer_id": other},
            )  # fmt: skip
        now = utc_now()
        conn.execute(
            "INSERT INTO customers (id, name, email, phone, loyalty_points, active, change_seq) "
            "VALUES (?, ?, ?, ?, 0, 1, ?)",
            (body.customer_id, body.name, body.email or "", body.phone or "",
             next_change_seqs(conn, 1)),
        )  # fmt: skip
        conn.execute(
            "INSERT INTO customer_profiles (customer_id, marketing_consent, consent_at, "
            "consent_source, request, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (body.customer_id, int(body.marketing_consent), now, f"store:{store_id}", request,
             now),
        )  # fmt: skip
        return _active(conn, body.customer_id)


def set_consent(db: Database, store_id: str, customer_id: str, consent: bool) -> CustomerRecord:
    """Record the customer's marketing choice now, from this store (idempotent in effect)."""
    with db.write() as conn:
        _active(conn, customer_id)
        now = utc_now()
        conn.execute(
            "INSERT INTO customer_profiles (customer_id, marketing_consent, consent_at, "
            "consent_source, created_at) VALUES (?1, ?2, ?3, ?4, ?3) "
            "ON CONFLICT (customer_id) DO UPDATE SET marketing_consent = ?2, consent_at = ?3, "
            "consent_source = ?4",
            (customer_id, int(consent), now, f"store:{store_id}"),
        )
        conn.execute(
            "UPDATE customers SET change_seq = ? WHERE id = ?",
            (next_change_seqs(conn, 1), customer_id),
        )
        return _active(conn, customer_id)


def erase(db: Database, customer_id: str) -> CustomerRecord:
    """The operator's GDPR erasure: personal fields blanked, consent gone, the row kept
    inactive (its balance and past sales stay as figures). Idempotent."""
    with db.write() as conn:
        found = _read(conn, customer_id)
        if found is None:
            raise not_found(f"There is no customer {customer_id!r}.")
        if found.active:
            conn.execute(
                "UPDATE customers SET name = '', email = '', phone = '', active = 0, "
                "change_seq = ? WHERE id = ?",
                (next_change_seqs(conn, 1), customer_id),
            )
            conn.execute(
                "UPDATE customer_profiles SET marketing_consent = 0, consent_at = ? "
                "WHERE customer_id = ?",
                (utc_now(), customer_id),
            )
        return _read(conn, customer_id)  # type: ignore[return-value]


def search(db: Database, text: str) -> CustomerSearchResult:
    """At most 20 active customers for a typed or scanned text, best first: the card or
    id, the phone, the email, the name from its start, then emails starting with it."""
    text = text.strip()[:200]
    ranked: dict[str, int] = {}
    if not text:
        return CustomerSearchResult(customers=[])

    def keep(sql: str, args: tuple, rank: int) -> None:
        for (customer_id,) in conn.execute(sql, args):
            ranked.setdefault(customer_id, rank)

    limit = MAX_SEARCH_RESULTS
    with db.read() as conn:
        for candidate in dict.fromkeys((parse_card(text), text)):
            if candidate:
                keep(BY_ID, (candidate,), 0)
        with suppress(ValueError):
            keep(BY_PHONE, (phone_digits(normalise_phone(text)), limit), 1)
        if not any(ch.isspace() for ch in text):
            with suppress(ValueError):
                keep(BY_EMAIL, (normalise_email(text), limit), 2)
            keep(EMAIL_STARTS, (text.lower(), _TOP, limit), 4)
        keep(NAME_STARTS, (text, _TOP, limit), 3)
        chosen = sorted(ranked, key=lambda customer_id: ranked[customer_id])[:limit]
        found = [_read(conn, customer_id) for customer_id in chosen]
    return CustomerSearchResult(customers=[record for record in found if record is not None])


_TICKETS = (
    "SELECT s.store_id, s.completed_at, s.ticket_no, s.total_cents, e.points FROM sales AS s "
    "LEFT JOIN loyalty_entries AS e ON e.op_id = json_extract(s.sale_json, '$.id') "
    "WHERE json_extract(s.sale_json, '$.customer_id') = ? "
    "ORDER BY s.completed_at DESC, s.id DESC LIMIT ?"
)
_ORDERS = (
    "SELECT p.code, p.state, json_extract(p.item, '$.created_at') AS at, "
    "coalesce(json_extract(p.item, '$.collected_total_cents'), "
    "json_extract(p.item, '$.total_cents')) "
    "FROM loyalty_orders AS o JOIN pickups AS p ON p.id = o.order_id "
    "WHERE o.customer_id = ? ORDER BY at DESC LIMIT ?"
)


def history(db: Database, customer_id: str, limit: int) -> CustomerHistory:
    """The customer's last ``limit`` purchases in store and online, newest first."""
    with db.read() as conn:
        _active(conn, customer_id)
        tickets = conn.execute(_TICKETS, (customer_id, limit)).fetchall()
        entries = [
            HistoryEntry(
                kind="ticket", store_id=store, at=at, ticket_no=no, total_cents=total, points=points
            )
            for store, at, no, total, points in tickets
        ]
        entries += [
            HistoryEntry(kind="web_order", code=code, state=state, at=at, total_cents=total)
            for code, state, at, total in conn.execute(_ORDERS, (customer_id, limit))
        ]
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return CustomerHistory(customer_id=customer_id, entries=entries[:limit])
