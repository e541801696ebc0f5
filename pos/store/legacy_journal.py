"""The unsigned hash journal of earlier versions: closed, kept, and still checked.

Before issue 13 each completed sale got one entry here::

    hash = sha256(prev_hash + "\\n" + canonical sale record).hexdigest()

with ``prev_hash`` = 64 zeros for entry 1, and a perpetual grand total. Migration 15
closed the table (no new rows: sales are signed in the ticket chain, whose first entry
links to this journal's head as ``sha256:<hash>``). Its entries stay verified the way
they always were: each hash is recomputed from the sale's rows on disk now, and compared
with the hash the outbox handed to the central server (the witness of a rewritten tail).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from pos.store.sale_codec import (
    CHILD_QUERIES,
    SALE_FIELDS,
    Row,
    canonical_json,
    sale_record,
)

GENESIS_HASH = "0" * 64

_HEAD = "SELECT seq, prev_hash, hash, grand_total_cents FROM journal ORDER BY seq DESC LIMIT 1"
# Each entry with its sale row (NULL when deleted) and the hash the outbox row recorded
# for the central server (NULL when there is no such row).
_WALK = (
    "SELECT j.seq, j.sale_id, j.terminal_id, j.ticket_no, j.total_cents, "
    "j.grand_total_cents, j.prev_hash, j.hash, s.id IS NOT NULL, "
    + ", ".join(f"s.{name}" for name in SALE_FIELDS)
    + ", CASE WHEN json_valid(o.payload) THEN json_extract(o.payload, '$.journal.hash') END "
    "FROM journal j LEFT JOIN sales s ON s.id = j.sale_id "
    "LEFT JOIN outbox o ON o.op_id = j.sale_id AND o.kind = 'sale' ORDER BY j.seq"
)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    seq: int
    prev_hash: str
    hash: str
    grand_total_cents: int


@dataclass(frozen=True, slots=True)
class LegacyProblem:
    """The first problem of the legacy journal: where, a stable code, and a sentence."""

    seq: int
    code: str  # missing | edited | deleted | relinked | witness | grand_total
    reason: str
    ticket: int | None = None
    terminal: str | None = None


@dataclass(frozen=True, slots=True)
class LegacyReport:
    """Entries found sound (up to the first problem), their grand total, and the head
    the ticket chain must link to (None for a database that never had a journal)."""

    entries: int
    grand_total_cents: int
    first_seq: int | None
    last_seq: int | None
    problem: LegacyProblem | None


def canonical_sale_bytes(
    sale: Row,
    lines: Sequence[Row],
    tenders: Sequence[Row],
    vat: Sequence[Row],
    approvals: Sequence[Row] = (),
    promotions: Sequence[Row] = (),
    customer: Sequence[Row] = (),
    orders: Sequence[Row] = (),
) -> bytes:
    """The bytes a sale is sealed with, from its rows in ``sale_codec`` field order."""
    record = sale_record(sale, lines, tenders, vat, approvals, promotions, customer, orders)
    return canonical_json(record).encode("utf-8")


def chain_hash(prev_hash: str, canonical: bytes) -> str:
    """``sha256(prev_hash + "\\n" + canonical)`` as 64 lower-case hex digits."""
    return hashlib.sha256(prev_hash.encode("utf-8") + b"\n" + canonical).hexdigest()


def last_entry(conn: sqlite3.Connection) -> JournalEntry | None:
    """The journal's head: one indexed read (its primary key, from the end)."""
    row = conn.execute(_HEAD).fetchone()
    return JournalEntry(*row) if row else None


def sale_children(conn: sqlite3.Connection, sale_id: str) -> tuple[list[Row], ...]:
    """(lines, tenders, vat, approvals, promotions, customer, orders) rows of one sale, in the
    codec's order (``CHILD_QUERIES``)."""
    return tuple(conn.execute(sql, (sale_id,)).fetchall() for sql in CHILD_QUERIES)


class _Entry(NamedTuple):
    """One journal row as walked, with its sale row (None if gone) and outbox witness."""

    seq: int
    sale_id: str
    terminal: str
    ticket: int
    total: int
    grand: int
    prev_hash: str
    hash: str
    sale: Row | None
    witness: str | None

    @classmethod
    def from_row(cls, row: Row) -> _Entry:
        sale = row[9:-1] if row[8] else None
        return cls(*row[:8], sale, row[-1])

    def problem(self, code: str, what: str) -> LegacyProblem:
        where = f"Entry {self.seq} (ticket {self.ticket}, terminal {self.terminal})"
        return LegacyProblem(self.seq, code, f"{where}: {what}", self.ticket, self.terminal)


def _entries(conn: sqlite3.Connection) -> Iterator[_Entry]:
    cursor = conn.execute(_WALK)
    try:
        for row in cursor:
            yield _Entry.from_row(row)
    finally:
        cursor.close()


def walk(conn: sqlite3.Connection) -> LegacyReport:
    """Walk the journal in seq order; stop at the first problem. Run it inside a read
    transaction so it sees the same database as the checks after it."""
    count, grand, first, prev_seq, prev_hash = 0, 0, None, 0, GENESIS_HASH
    for entry in _entries(conn):
        problem = (
            _sequence(prev_seq, entry.seq)
            or _link(entry, prev_hash)
            or _seal(conn, entry)
            or _grand_total(entry, grand)
        )
        if problem:
            return LegacyReport(count, grand, first, prev_seq or None, problem)
        count, grand = count + 1, entry.grand
        first = entry.seq if first is None else first
        prev_seq, prev_hash = entry.seq, entry.hash
    return LegacyReport(count, grand, first, prev_seq or None, None)


def _sequence(prev_seq: int, seq: int) -> LegacyProblem | None:
    if seq == prev_seq + 1:
        return None
    first, last = prev_seq + 1, seq - 1
    if first == last:
        reason = f"Entry {first} is missing: the sequence jumps from {prev_seq} to {seq}."
    else:
        reason = (
            f"Entries {first} to {last} are missing: the sequence jumps from {prev_seq} to {seq}."
        )
    return LegacyProblem(first, "missing", reason)


def _link(entry: _Entry, expected: str) -> LegacyProblem | None:
    if entry.prev_hash == expected:
        return None
    previous = "the genesis value" if entry.seq == 1 else f"entry {entry.seq - 1}"
    return LegacyProblem(
        entry.seq,
        "relinked",
        f"Entry {entry.seq}: the chain is broken (prev_hash does not match {previous}).",
        entry.ticket,
        entry.terminal,
    )


def _seal(conn: sqlite3.Connection, entry: _Entry) -> LegacyProblem | None:
    """Recompute the entry's hash from the sale's rows on disk; compare it with the stored
    hash, then with the hash the outbox recorded for the central server (the witness)."""
    if entry.sale is None:
        return entry.problem("deleted", "the sale was deleted after it was sealed.")
    try:
        canonical = canonical_sale_bytes(entry.sale, *sale_children(conn, entry.sale_id))
    except (TypeError, ValueError):  # a float or a foreign type written by hand
        return entry.problem("edited", "the sale's rows were altered after it was sealed.")
    computed = chain_hash(entry.prev_hash, canonical)
    if computed != entry.hash:
        if entry.witness == computed:
            return entry.problem(
                "edited", "its recorded hash was altered (the sale still matches its seal)."
            )
        return entry.problem("edited", "the sale's rows were altered after it was sealed.")
    if entry.witness is not None and entry.witness != entry.hash:
        return entry.problem(
            "witness",
            "its hash differs from the one recorded for the central server: "
            "the chain was rewritten from here.",
        )
    sale = entry.sale
    if (sale[1], sale[2], sale[6]) != (entry.terminal, entry.ticket, entry.total):
        return entry.problem(
            "edited", "the entry no longer matches its sale (terminal, ticket or total)."
        )
    return None


def _grand_total(entry: _Entry, grand: int) -> LegacyProblem | None:
    if entry.grand == grand + entry.total:
        return None
    return LegacyProblem(
        entry.seq,
        "grand_total",
        f"Entry {entry.seq}: the grand total does not add up.",
        entry.ticket,
        entry.terminal,
    )
