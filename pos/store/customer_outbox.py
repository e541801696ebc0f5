"""Customers created at this till, waiting for central (schema 25, ``customer_creations``).

``create`` writes the customer's row (searchable at once: ``customer_index``) and queues
its creation in ONE transaction, so a customer the till shows is a customer central will
be told about, even after a crash. The sync engine sends each queued creation
(``sync.engine.customer_creations``) until central answers: created (the row goes), or
refused. A refusal is kept with its code, never dropped: ``customer_exists`` (the email or
phone is another customer's, ``existing_id``) is not sent again, and shows on the
manager's "Operations to check" (``owed_calls``) until someone decides (``withdraw``).
Not the outbox: a customer is no sale, it has no place in the journal's sequence and
must never wait behind a refused one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from pos.store import customer_index
from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.sale_codec import utc_now

#: Central's refusal that no resending will change: the manager decides.
CUSTOMER_EXISTS = "customer_exists"
MAX_ERROR_CHARS = 1000

_INSERT_CUSTOMER = (
    "INSERT INTO customers (id, name, email, phone, loyalty_points, active, version, "
    "updated_at, marketing_consent) VALUES (?, ?, ?, ?, 0, 1, 0, ?, ?)"
)


@dataclass(frozen=True, slots=True)
class LocalCustomer:
    """What the till writes of a customer it creates (the body's fields)."""

    customer_id: str
    name: str
    email: str
    phone: str
    marketing_consent: bool


@dataclass(frozen=True, slots=True)
class QueuedCreation:
    customer_id: str
    body: str
    queued_at: str
    attempts: int
    last_code: str
    last_error: str
    existing_id: str


def create(
    conn: sqlite3.Connection, customer: LocalCustomer, body: str, *, now: str | None = None
) -> None:
    """Write the customer and queue ``body`` (its creation) together. An id already in the
    store raises ``sqlite3.IntegrityError`` (translated): ids are made fresh by the caller."""
    stamp = now or utc_now()
    c = customer
    with write_transaction(conn):
        conn.execute(
            _INSERT_CUSTOMER,
            (c.customer_id, c.name, c.email, c.phone, stamp, int(c.marketing_consent)),
        )
        customer_index.index(conn, [(c.customer_id, c.name, c.email, c.phone, True)])
        conn.execute(
            "INSERT INTO customer_creations (customer_id, body, queued_at) VALUES (?, ?, ?)",
            (c.customer_id, body, stamp),
        )


def due(conn: sqlite3.Connection, limit: int = 100) -> list[tuple[str, str]]:
    """``(customer_id, body)`` of the creations still to send, oldest first (not those
    central refused as ``customer_exists``: sending them again changes nothing)."""
    with translate_errors():
        return [
            (row[0], row[1])
            for row in conn.execute(
                "SELECT customer_id, body FROM customer_creations "
                "WHERE coalesce(last_code, '') <> ? ORDER BY queued_at, customer_id LIMIT ?",
                (CUSTOMER_EXISTS, limit),
            )
        ]


def created(conn: sqlite3.Connection, customer_id: str, central_id: str = "") -> None:
    """Central holds the customer: nothing more to send. A platform that makes its own
    ids (Medusa) answers with ``central_id``: the local row takes it, so the feed's row
    and the till's are one (one the feed already brought: the local copy is retired)."""
    with write_transaction(conn):
        conn.execute("DELETE FROM customer_creations WHERE customer_id = ?", (customer_id,))
        if not central_id or central_id == customer_id:
            return
        if conn.execute("SELECT 1 FROM customers WHERE id = ?", (central_id,)).fetchone():
            conn.execute("UPDATE customers SET active = 0 WHERE id = ?", (customer_id,))
            return
        conn.execute("UPDATE customers SET id = ? WHERE id = ?", (central_id, customer_id))
        row = conn.execute(
            "SELECT id, name, email, phone, active FROM customers WHERE id = ?", (central_id,)
        ).fetchone()
        customer_index.index(conn, [(row[0], row[1], row[2], row[3], bool(row[4]))])


def failed(
    conn: sqlite3.Connection, customer_id: str, error: str, code: str, existing_id: str = ""
) -> None:
    """Count a failed attempt and keep why; the creation stays queued."""
    with translate_errors():
        conn.execute(
            "UPDATE customer_creations SET attempts = attempts + 1, last_error = ?, "
            "last_code = ?, existing_id = nullif(?, '') WHERE customer_id = ?",
            (error[:MAX_ERROR_CHARS], code, existing_id, customer_id),
        )


def queued(conn: sqlite3.Connection) -> list[QueuedCreation]:
    """Every creation still queued, oldest first."""
    with translate_errors():
        rows = conn.execute(
            "SELECT customer_id, body, queued_at, attempts, coalesce(last_code, ''), "
            "coalesce(last_error, ''), coalesce(existing_id, '') FROM customer_creations "
            "ORDER BY queued_at, customer_id"
        ).fetchall()
    return [QueuedCreation(*row) for row in rows]


def withdraw(conn: sqlite3.Connection, customer_id: str) -> bool:
    """The manager's decision on a refused creation (the customer is the existing one):
    the queued creation goes and the local customer is retired (kept inactive, its
    personal fields blanked by the store's triggers). True if there was one."""
    with write_transaction(conn):
        gone = conn.execute(
            "DELETE FROM customer_creations WHERE customer_id = ?", (customer_id,)
        ).rowcount
        if gone:
            conn.execute("UPDATE customers SET active = 0 WHERE id = ?", (customer_id,))
    return bool(gone)


# -- consent changes made offline (``customer_consents``) ------------------------------


def set_consent(conn: sqlite3.Connection, customer_id: str, consent: bool) -> None:
    """The customer's marketing choice in this till, inside the caller's transaction.
    Any update of a customer drops their search keys (migration 0021's trigger, for the
    feed to write them again): written again here, or a customer who withdrew their
    consent could no longer be found at this till."""
    conn.execute(
        "UPDATE customers SET marketing_consent = ? WHERE id = ?", (int(consent), customer_id)
    )
    row = conn.execute(
        "SELECT id, name, email, phone, active FROM customers WHERE id = ?", (customer_id,)
    ).fetchone()
    if row is not None:
        customer_index.index(conn, [(row[0], row[1], row[2], row[3], bool(row[4]))])


def queue_consent(
    conn: sqlite3.Connection, customer_id: str, consent: bool, *, now: str | None = None
) -> None:
    """The customer's choice, in this till at once and queued for central (the latest
    choice replaces one still queued), in one transaction."""
    with write_transaction(conn):
        set_consent(conn, customer_id, consent)
        conn.execute(
            "INSERT INTO customer_consents (customer_id, marketing_consent, queued_at) "
            "VALUES (?1, ?2, ?3) ON CONFLICT (customer_id) DO UPDATE SET "
            "marketing_consent = ?2, queued_at = ?3, attempts = 0, last_code = NULL, "
            "last_error = NULL",
            (customer_id, int(consent), now or utc_now()),
        )


def consents_due(conn: sqlite3.Connection, limit: int = 100) -> list[tuple[str, bool]]:
    """``(customer_id, consent)`` still to send, oldest first."""
    with translate_errors():
        rows = conn.execute(
            "SELECT customer_id, marketing_consent FROM customer_consents "
            "ORDER BY queued_at, customer_id LIMIT ?",
            (limit,),
        ).fetchall()
    return [(str(row[0]), bool(row[1])) for row in rows]


def consent_sent(conn: sqlite3.Connection, customer_id: str, consent: bool) -> None:
    """Central recorded ``consent`` (a newer choice queued meanwhile stays)."""
    with translate_errors():
        conn.execute(
            "DELETE FROM customer_consents WHERE customer_id = ? AND marketing_consent = ?",
            (customer_id, int(consent)),
        )


def consent_failed(conn: sqlite3.Connection, customer_id: str, error: str, code: str) -> None:
    with translate_errors():
        conn.execute(
            "UPDATE customer_consents SET attempts = attempts + 1, last_error = ?, "
            "last_code = ? WHERE customer_id = ?",
            (error[:MAX_ERROR_CHARS], code, customer_id),
        )
