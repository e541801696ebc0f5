"""The sealed journal: a hash chain over completed sales, and the walk that checks it.

Each completed sale gets one entry, appended in the sale's own transaction::

    hash = sha256(prev_hash + "\\n" + canonical sale record).hexdigest()

with ``prev_hash`` = 64 zeros for entry 1, and a perpetual grand total (every sale
ever, never reset). The canonical record is rebuilt from the rows in ``sales``,
``sale_lines``, ``sale_tenders`` and ``sale_vat``, so ``verify`` compares the hash with
what is on disk *now*: an edit made after dropping the immutability triggers (the sqlite3
shell) shows up as the first entry whose rows no longer match.

A local rewrite of the whole chain tail would recompute consistently; the outbox row
written with each sale carries the hash handed to the central server, so ``verify`` also
compares against that witness, and the server can check the chain it received.

The triggers themselves are checked too: one missing or altered now, or one that an open
of the store found gone and restored (``pos.store.immutability``), is tampering even when
every entry still matches its sale.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from pos.domain.chain_entry import TICKET
from pos.domain.money import format_eur
from pos.store import chains, immutability
from pos.store.errors import translate_errors
from pos.store.sale_codec import (
    SALE_FIELDS,
    SELECT_APPROVALS,
    SELECT_LINES,
    SELECT_TENDERS,
    SELECT_VAT,
    Row,
    canonical_json,
    sale_record,
)

GENESIS_HASH = "0" * 64

_HEAD = "SELECT seq, prev_hash, hash, grand_total_cents FROM journal ORDER BY seq DESC LIMIT 1"
_INSERT_ENTRY = (
    "INSERT INTO journal (seq, sale_id, terminal_id, ticket_no, total_cents, "
    "grand_total_cents, prev_hash, hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# The walk: each entry with its sale row (NULL when deleted) and the hash the outbox
# row recorded for the central server (NULL when there is no such row).
_WALK = (
    "SELECT j.seq, j.sale_id, j.terminal_id, j.ticket_no, j.total_cents, "
    "j.grand_total_cents, j.prev_hash, j.hash, s.id IS NOT NULL, "
    + ", ".join(f"s.{name}" for name in SALE_FIELDS)
    + ", CASE WHEN json_valid(o.payload) THEN json_extract(o.payload, '$.journal.hash') END "
    "FROM journal j LEFT JOIN sales s ON s.id = j.sale_id "
    "LEFT JOIN outbox o ON o.op_id = j.sale_id AND o.kind = 'sale' ORDER BY j.seq"
)
_ORPHAN = (
    "SELECT s.terminal_id, s.ticket_no FROM sales s "
    "WHERE NOT EXISTS (SELECT 1 FROM journal j WHERE j.sale_id = s.id) "
    "AND NOT EXISTS (SELECT 1 FROM chain_entries c WHERE c.ref = s.id AND c.chain = 'ticket') "
    "ORDER BY s.completed_at, s.terminal_id, s.ticket_no LIMIT 1"
)
_TICKET_SPANS = "SELECT terminal_id, count(*), max(ticket_no) FROM sales GROUP BY terminal_id"
_COUNTERS = "SELECT terminal_id, last_ticket_no FROM ticket_counters"
_TICKETS = "SELECT ticket_no FROM sales WHERE terminal_id = ? ORDER BY ticket_no"


@dataclass(frozen=True, slots=True)
class JournalEntry:
    seq: int
    prev_hash: str
    hash: str
    grand_total_cents: int


@dataclass(frozen=True, slots=True)
class JournalReport:
    """The verdict of ``verify``. When not ok, ``entries`` and ``grand_total_cents`` cover
    the entries found sound before the first problem, which ``reason`` names."""

    ok: bool
    entries: int
    grand_total_cents: int
    first_bad_seq: int | None
    first_bad_ticket: int | None
    reason: str
    first_bad_terminal: str | None = None


# -- sealing ----------------------------------------------------------------------------


def canonical_sale_bytes(
    sale: Row,
    lines: Sequence[Row],
    tenders: Sequence[Row],
    vat: Sequence[Row],
    approvals: Sequence[Row] = (),
) -> bytes:
    """The bytes a sale is sealed with, from its rows in ``sale_codec`` field order."""
    return canonical_json(sale_record(sale, lines, tenders, vat, approvals)).encode("utf-8")


def chain_hash(prev_hash: str, canonical: bytes) -> str:
    """``sha256(prev_hash + "\\n" + canonical)`` as 64 lower-case hex digits."""
    return hashlib.sha256(prev_hash.encode("utf-8") + b"\n" + canonical).hexdigest()


def append(
    conn: sqlite3.Connection,
    sale_id: str,
    terminal_id: str,
    ticket_no: int,
    total_cents: int,
    canonical: bytes,
    *,
    created_at: str,
) -> JournalEntry:
    """Seal one sale after the last entry. Call inside the sale's write transaction, so
    the entry and the sale commit together and no other writer can slip in between."""
    if not conn.in_transaction:
        raise RuntimeError("journal.append must run inside the sale's write transaction")
    last = last_entry(conn)
    seq, prev_hash, grand = (
        (last.seq + 1, last.hash, last.grand_total_cents) if last else (1, GENESIS_HASH, 0)
    )
    entry = JournalEntry(seq, prev_hash, chain_hash(prev_hash, canonical), grand + total_cents)
    conn.execute(
        _INSERT_ENTRY,
        (
            seq,
            sale_id,
            terminal_id,
            ticket_no,
            total_cents,
            entry.grand_total_cents,
            prev_hash,
            entry.hash,
            created_at,
        ),
    )
    return entry


def last_entry(conn: sqlite3.Connection) -> JournalEntry | None:
    """The chain's head: one indexed read (the journal's primary key, from the end)."""
    row = conn.execute(_HEAD).fetchone()
    return JournalEntry(*row) if row else None


# -- verifying --------------------------------------------------------------------------


class _Broken(Exception):
    """The first problem found; carries what the report names."""

    def __init__(self, reason: str, seq: int | None, ticket: int | None, terminal: str | None):
        super().__init__(reason)
        self.reason, self.seq, self.ticket, self.terminal = reason, seq, ticket, terminal


@dataclass(slots=True)
class _Walk:
    entries: int = 0
    grand_total_cents: int = 0


def verify(conn: sqlite3.Connection) -> JournalReport:
    """Walk the journal in seq order, one entry at a time, on one consistent snapshot;
    then look for sales the journal does not cover. Names the first problem found."""
    walk = _Walk()
    with translate_errors(), _snapshot(conn):
        triggers = _trigger_tampering(conn)
        try:
            _check_entries(conn, walk)
            _check_ticket_chain(conn, walk)
            _check_orphans(conn)
            _check_ticket_runs(conn)
        except _Broken as broken:
            return JournalReport(
                False,
                walk.entries,
                walk.grand_total_cents,
                broken.seq,
                broken.ticket,
                f"{broken.reason} {triggers}".rstrip(),
                broken.terminal,
            )
    if triggers:
        return JournalReport(False, walk.entries, walk.grand_total_cents, None, None, triggers)
    reason = (
        f"The journal is intact: {walk.entries} entries, perpetual grand total "
        f"{format_eur(walk.grand_total_cents)}."
    )
    return JournalReport(True, walk.entries, walk.grand_total_cents, None, None, reason)


def _trigger_tampering(conn: sqlite3.Connection) -> str:
    """A sentence naming missing, altered or once-restored immutability triggers, or ''."""
    sentences = []
    missing, altered = immutability.findings(conn)
    if missing:
        sentences.append(f"The immutability triggers {', '.join(missing)} are missing.")
    if altered:
        sentences.append(f"The immutability triggers {', '.join(altered)} were altered.")
    for event in immutability.restorations(conn):
        text = event.sentence()
        sentences.append(f"Tampering: {text}.")
    return " ".join(sentences)


@contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """A read transaction, so the walk and the later checks see the same database."""
    owned = not conn.in_transaction
    if owned:
        conn.execute("BEGIN")
    try:
        yield
    finally:
        if owned and conn.in_transaction:
            conn.execute("ROLLBACK")


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

    def broken(self, what: str) -> _Broken:
        where = f"Entry {self.seq} (ticket {self.ticket}, terminal {self.terminal})"
        return _Broken(f"{where}: {what}", self.seq, self.ticket, self.terminal)


def _entries(conn: sqlite3.Connection) -> Iterator[_Entry]:
    cursor = conn.execute(_WALK)
    try:
        for row in cursor:
            yield _Entry.from_row(row)
    finally:
        cursor.close()


def _check_entries(conn: sqlite3.Connection, walk: _Walk) -> None:
    prev_seq, prev_hash = 0, GENESIS_HASH
    for entry in _entries(conn):
        _check_sequence(prev_seq, entry.seq)
        _check_link(entry, prev_hash)
        _check_seal(conn, entry)
        if entry.grand != walk.grand_total_cents + entry.total:
            raise _Broken(
                f"Entry {entry.seq}: the grand total does not add up.",
                entry.seq,
                entry.ticket,
                entry.terminal,
            )
        walk.entries += 1
        walk.grand_total_cents = entry.grand
        prev_seq, prev_hash = entry.seq, entry.hash


_SALE_ROW = "SELECT " + ", ".join(SALE_FIELDS) + " FROM sales WHERE id = ?"


def _check_ticket_chain(conn: sqlite3.Connection, walk: _Walk) -> None:
    """The signed ticket chain after the legacy journal: links, keys and signatures
    (``chains.walk``), then each entry's body against its sale's rows on disk now."""
    report = chains.walk(conn, TICKET)
    if report.problem is not None:
        raise _Broken(report.problem.reason, report.problem.seq, None, None)
    for entry in chains.entries(conn, TICKET):
        sale = conn.execute(_SALE_ROW, (entry.ref,)).fetchone()
        where = f"Ticket entry {entry.seq} (sale {entry.ref})"
        if sale is None:
            raise _Broken(
                f"{where}: the sale was deleted after it was signed.", entry.seq, None, None
            )
        try:
            body = canonical_sale_bytes(sale, *_sale_children(conn, entry.ref)).decode("utf-8")
        except (TypeError, ValueError):
            body = None
        if body != entry.body:
            raise _Broken(
                f"{where}: the sale's rows were altered after it was signed.",
                entry.seq,
                sale[2],
                sale[1],
            )
        walk.entries += 1
        walk.grand_total_cents += sale[6]


def _check_sequence(prev_seq: int, seq: int) -> None:
    if seq == prev_seq + 1:
        return
    first, last = prev_seq + 1, seq - 1
    if first == last:
        reason = f"Entry {first} is missing: the sequence jumps from {prev_seq} to {seq}."
    elif first <= last:
        reason = (
            f"Entries {first} to {last} are missing: the sequence jumps from {prev_seq} to {seq}."
        )
    else:  # cannot happen with an INTEGER PRIMARY KEY walked in order; kept for clarity
        reason = f"Entry {seq} is out of order after entry {prev_seq}."
    raise _Broken(reason, first, None, None)


def _check_link(entry: _Entry, expected: str) -> None:
    if entry.prev_hash == expected:
        return
    previous = "the genesis value" if entry.seq == 1 else f"entry {entry.seq - 1}"
    raise _Broken(
        f"Entry {entry.seq}: the chain is broken (prev_hash does not match {previous}).",
        entry.seq,
        entry.ticket,
        entry.terminal,
    )


def _check_seal(conn: sqlite3.Connection, entry: _Entry) -> None:
    """Recompute the entry's hash from the sale's rows on disk; compare it with the stored
    hash, then with the hash the outbox recorded for the central server (the witness)."""
    if entry.sale is None:
        raise entry.broken("the sale was deleted after it was sealed.")
    try:
        canonical = canonical_sale_bytes(entry.sale, *_sale_children(conn, entry.sale_id))
    except (TypeError, ValueError):  # a float or a foreign type written by hand
        raise entry.broken("the sale's rows were altered after it was sealed.") from None
    computed = chain_hash(entry.prev_hash, canonical)
    if computed != entry.hash:
        if entry.witness == computed:
            raise entry.broken("its recorded hash was altered (the sale still matches its seal).")
        raise entry.broken("the sale's rows were altered after it was sealed.")
    if entry.witness is not None and entry.witness != entry.hash:
        raise entry.broken(
            "its hash differs from the one recorded for the central server: "
            "the chain was rewritten from here."
        )
    sale = entry.sale
    if (sale[1], sale[2], sale[6]) != (entry.terminal, entry.ticket, entry.total):
        raise entry.broken("the entry no longer matches its sale (terminal, ticket or total).")


def _sale_children(conn: sqlite3.Connection, sale_id: str) -> tuple[list[Row], ...]:
    return tuple(
        conn.execute(sql, (sale_id,)).fetchall()
        for sql in (SELECT_LINES, SELECT_TENDERS, SELECT_VAT, SELECT_APPROVALS)
    )


def _check_orphans(conn: sqlite3.Connection) -> None:
    row = conn.execute(_ORPHAN).fetchone()
    if row:
        terminal, ticket = row
        raise _Broken(
            f"Ticket {ticket} (terminal {terminal}) has no journal entry.", None, ticket, terminal
        )


def _check_ticket_runs(conn: sqlite3.Connection) -> None:
    """Each terminal's tickets must run 1..counter: catches a sale deleted with its entry."""
    counters = dict(conn.execute(_COUNTERS).fetchall())
    spans = {terminal: (count, top) for terminal, count, top in conn.execute(_TICKET_SPANS)}
    for terminal in sorted(counters.keys() | spans.keys()):
        count, top = spans.get(terminal, (0, 0))
        last = counters.get(terminal, 0)
        if top > last:
            raise _Broken(
                f"Ticket {top} (terminal {terminal}) is beyond the ticket counter ({last}): "
                "the counter was reset.",
                None,
                top,
                terminal,
            )
        if count != last:
            missing = _first_missing_ticket(conn, terminal)
            raise _Broken(
                f"Ticket {missing} (terminal {terminal}) is missing: tickets must run from 1 "
                f"to {last} without a gap.",
                None,
                missing,
                terminal,
            )


def _first_missing_ticket(conn: sqlite3.Connection, terminal: str) -> int:
    expected = 1
    for (ticket_no,) in conn.execute(_TICKETS, (terminal,)):
        if ticket_no != expected:
            return expected
        expected += 1
    return expected
