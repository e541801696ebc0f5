"""Credit notes (avoirs): a balance kept centrally, issued by a return ticket's refund
tender, spent at any till or on the web shop by debits idempotent by their ``op_id``.

Online, a debit is checked and applied in one write transaction: never below zero, never
after expiry. A till sale's ``credit_note`` tender is the same debit (``<sale_id>:t<seq>``):
a till that debited online and then pushes the sale debits once; a till that took the
credit note offline debits at the push, and since the sale is a fiscal fact it is taken
even beyond the balance (down to zero) with the warning ``credit_note_overspent``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from sync.central import instants
from sync.central.db import Database, utc_now
from sync.central.errors import ApiError, not_found
from sync.central.origins import WEB_PAYMENT_PREFIX, sale_record
from sync.contract.codes import normalize_credit_note_code
from sync.contract.returns import (
    CREDIT_NOTE_EXPIRED,
    CREDIT_NOTE_OVERSPENT,
    CREDIT_NOTE_SPENT,
    CREDIT_NOTE_VALIDITY_DAYS,
    OP_ID_REUSED,
    CreditNoteDebit,
    CreditNoteRecord,
)
from sync.contract.sales import SaleRecord

_NOTE = (
    "SELECT code, issued_cents, balance_cents, issued_at, expires_at, issued_by "
    "FROM credit_notes WHERE code = ?"
)
_DEBIT = "SELECT amount_cents, channel FROM credit_note_debits WHERE op_id = ? AND code = ?"
_INSERT_DEBIT = (
    "INSERT INTO credit_note_debits (op_id, code, amount_cents, applied_cents, channel, at) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_DEBIT_ANY = "SELECT 1 FROM credit_note_debits WHERE op_id = ?"
_TAKE = "UPDATE credit_notes SET balance_cents = balance_cents - ? WHERE code = ?"


def _canonical(text: str) -> str:
    code = normalize_credit_note_code(text)
    if code is None:
        raise not_found("There is no credit note with this code.")
    return code


def _record(row: tuple, now: str) -> CreditNoteRecord:
    code, issued, balance, issued_at, expires_at, issued_by = row
    status = "spent" if balance == 0 else ("expired" if now >= expires_at else "active")
    return CreditNoteRecord(
        code=code, issued_cents=issued, balance_cents=balance, status=status,
        issued_at=issued_at, expires_at=expires_at, issued_by=issued_by,
    )  # fmt: skip


def _note(conn: sqlite3.Connection, code: str) -> tuple:
    row = conn.execute(_NOTE, (code,)).fetchone()
    if row is None:
        raise not_found("There is no credit note with this code.")
    return tuple(row)


def get(db: Database, text: str) -> CreditNoteRecord:
    code = _canonical(text)
    with db.read() as conn:
        return _record(_note(conn, code), utc_now())


def debit(db: Database, text: str, body: CreditNoteDebit) -> CreditNoteRecord:
    """Take ``amount_cents`` off the balance, once per ``op_id``; 409 when the balance is
    short (``credit_note_spent``) or the note expired, and nothing changes."""
    code, now = _canonical(text), utc_now()
    with db.write() as conn:
        row = _note(conn, code)
        _free_if_reversed(conn, body.op_id)
        done = conn.execute(_DEBIT, (body.op_id, code)).fetchone()
        if done is not None:
            if tuple(done) != (body.amount_cents, body.channel):
                raise ApiError(409, OP_ID_REUSED, f"Debit {body.op_id} was made with another body.")
            return _record(row, now)
        if conn.execute(_DEBIT_ANY, (body.op_id,)).fetchone():
            raise ApiError(409, OP_ID_REUSED, f"Debit {body.op_id} was made on another note.")
        balance, expires_at = row[2], row[4]
        if now >= expires_at and balance:
            raise ApiError(409, CREDIT_NOTE_EXPIRED, f"This credit note expired on {expires_at}.")
        if balance < body.amount_cents:
            raise ApiError(
                409,
                CREDIT_NOTE_SPENT,
                f"This credit note has {balance} cents left, {body.amount_cents} asked.",
            )
        conn.execute(_INSERT_DEBIT, (body.op_id, code, body.amount_cents, body.amount_cents,
                                     body.channel, now))  # fmt: skip
        conn.execute(_TAKE, (body.amount_cents, code))
        return _record(_note(conn, code), now)


def _free_if_reversed(conn: sqlite3.Connection, op_id: str) -> None:
    """A till's op id names a tender's place in its sale (``<sale_id>:t<seq>``), a web
    shop's its cart or order: once that debit was reversed (the tender removed, the note
    taken off the cart), the next debit under the same op id debits afresh, never a silent
    success that takes nothing. The reversed debit stays on record, renamed."""
    conn.execute(
        "UPDATE credit_note_debits SET op_id = op_id || '~reversed@' || reversed_at "
        "WHERE op_id = ? AND reversed_at IS NOT NULL",
        (op_id,),
    )


def reverse(db: Database, text: str, op_id: str) -> CreditNoteRecord:
    """Give a debit back (the sale it paid was abandoned); a second call changes nothing."""
    code, now = _canonical(text), utc_now()
    with db.write() as conn:
        _note(conn, code)
        row = conn.execute(
            "SELECT applied_cents, reversed_at FROM credit_note_debits WHERE op_id = ? "
            "AND code = ?",
            (op_id, code),
        ).fetchone()
        if row is None:
            raise not_found(f"This credit note has no debit {op_id!r}.")
        if row[1] is None:
            conn.execute(_TAKE, (-row[0], code))
            conn.execute(
                "UPDATE credit_note_debits SET reversed_at = ? WHERE op_id = ?", (now, op_id)
            )
        return _record(_note(conn, code), now)


# -- inside a push: a sale's tenders ------------------------------------------------------


def ingest(
    conn: sqlite3.Connection,
    store_id: str,
    sale: SaleRecord,
    pending: Mapping[str, SaleRecord],
    at: str,
) -> list[str]:
    """A pushed sale's tenders: a card refund is recorded against the original payment,
    a ``credit_note`` refund issues the note, a ``credit_note`` payment debits it."""
    warnings: list[str] = []
    for tender in sale.tenders:
        if tender.kind == "card" and tender.amount_cents < 0:
            origin = _card_origin(conn, sale, tender.reference, pending)
            conn.execute(
                "INSERT OR IGNORE INTO refunds (origin_id, kind, reference, amount_cents, "
                "reason, ref, at) VALUES (?, 'card', ?, ?, 'return', ?, ?)",
                (origin, tender.reference, -tender.amount_cents, f"{sale.id}:t{tender.seq}", at),
            )
        elif tender.kind == "credit_note" and tender.amount_cents < 0:
            _issue(conn, store_id, sale, tender.reference, -tender.amount_cents, at)
        elif (
            tender.kind == "credit_note"
            and tender.amount_cents > 0
            and not _debit_at_push(
                conn, sale, tender.seq, tender.reference, tender.amount_cents, at
            )
        ):
            warnings.append(CREDIT_NOTE_OVERSPENT)
    return sorted(set(warnings))


def _issue(
    conn: sqlite3.Connection, store_id: str, sale: SaleRecord, code: str, cents: int, at: str
) -> None:
    """Once per return ticket (``issued_by``); valid a year from the ticket."""
    try:
        issued_at = instants.normalize(sale.completed_at)
    except ValueError:
        issued_at = at
    expires_at = instants.later(issued_at, days=CREDIT_NOTE_VALIDITY_DAYS)
    conn.execute(
        "INSERT OR IGNORE INTO credit_notes (code, issued_cents, balance_cents, issued_at, "
        "expires_at, issued_by, store_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (normalize_credit_note_code(code) or code, cents, cents, issued_at, expires_at, sale.id,
         store_id),
    )  # fmt: skip


def _debit_at_push(
    conn: sqlite3.Connection, sale: SaleRecord, seq: int, text: str, cents: int, at: str
) -> bool:
    """The sale's debit, unless it was made online already; False when the balance (or an
    unknown or expired note) could not cover it: taken down to zero, flagged."""
    op_id = f"{sale.id}:t{seq}"
    _free_if_reversed(conn, op_id)  # that place's online debit was given back: spent offline
    if conn.execute(_DEBIT_ANY, (op_id,)).fetchone():
        return True
    code = normalize_credit_note_code(text) or text
    row = conn.execute(_NOTE, (code,)).fetchone()
    balance = int(row[2]) if row else 0
    applied = min(balance, cents)
    conn.execute(_INSERT_DEBIT, (op_id, code, cents, applied, "store", at))
    if applied:
        conn.execute(_TAKE, (applied, code))
    expired = row is not None and at >= row[4]
    return applied == cents and not expired


def _card_origin(
    conn: sqlite3.Connection, sale: SaleRecord, reference: str, pending: Mapping[str, SaleRecord]
) -> str:
    """The original sale (or web order) whose card payment ``reference`` names; else the
    first sale the ticket takes lines back from."""
    if reference.startswith(WEB_PAYMENT_PREFIX):
        return reference[len(WEB_PAYMENT_PREFIX) :]
    origins = list(
        dict.fromkeys(
            line.returned.origin_sale_id
            for line in sale.lines
            if line.returned is not None and line.returned.origin_line_no > 0
        )
    )
    for origin in origins:
        record = pending.get(origin)
        if record is None:
            found = sale_record(conn, origin)
            record = found[1] if found else None
        if record is not None and any(
            t.kind == "card" and t.reference == reference and t.amount_cents > 0
            for t in record.tenders
        ):
            return origin
    return origins[0] if origins else sale.id
