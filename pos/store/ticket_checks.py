"""What the ticket chain must match elsewhere in the store, on top of its signatures.

``chains.walk`` proves each entry was signed by a trusted key over its predecessor. A
ticket entry also stands for a sale, so ``verify`` checks here that:

* each sale entry's body is the canonical record rebuilt from the sale's rows *now*
  (an edit of ``sales`` or its children after dropping the triggers);
* the seal in the sale's outbox row (what was, or will be, handed to the central server)
  is the entry itself: a chain re-signed consistently with the terminal's own key no
  longer matches the seals already written beside each sale;
* no outbox seal names a ticket entry the chain no longer has (the tail deleted, the
  counter reset: caught as long as the outbox rows stay);
* every sale has its entry (legacy journal or ticket chain), and each terminal's ticket
  numbers run 1..counter without a gap.

What stays undetectable locally: deleting the last sales with their entries, their
outbox rows and the counter leaves a shorter, self-consistent record. Only the central
witness (the last entry it received) or an archive already made can show it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from pos.domain.chain_entry import TICKET, ChainEntry
from pos.store import chains
from pos.store.legacy_journal import canonical_sale_bytes, sale_children
from pos.store.sale_codec import SALE_FIELDS
from pos.store.verification_report import Finding

_COLUMNS = "c.terminal_id, c.chain, c.seq, c.kind, c.ref, c.at, c.key_id, c.prev, c.body, c.sig"
# Each ticket entry with its sale row (NULL when gone) and the seal of its outbox row.
_ENTRIES = (
    f"SELECT {_COLUMNS}, s.id IS NOT NULL, "
    + ", ".join(f"s.{name}" for name in SALE_FIELDS)
    + ", CASE WHEN json_valid(o.payload) THEN json_extract(o.payload, '$.seal') END "
    "FROM chain_entries c LEFT JOIN sales s ON s.id = c.ref "
    "LEFT JOIN outbox o ON o.op_id = c.ref AND o.kind = 'sale' "
    "WHERE c.chain = 'ticket' AND c.seq < ? ORDER BY c.seq"
)
# Outbox seals whose entry is gone from the chain, lowest seq first.
_SEALS_WITHOUT_ENTRY = (
    "SELECT o.op_id, json_extract(o.payload, '$.seal.seq') AS seq FROM outbox o "
    "WHERE o.kind = 'sale' AND json_valid(o.payload) "
    "AND json_extract(o.payload, '$.seal.chain') = 'ticket' "
    "AND NOT EXISTS (SELECT 1 FROM chain_entries c WHERE c.chain = 'ticket' "
    "AND c.seq = json_extract(o.payload, '$.seal.seq') "
    "AND c.sig = json_extract(o.payload, '$.seal.sig')) ORDER BY seq LIMIT 1"
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

#: The ticket-chain entries whose body is a sale record: a sale, and a return or an
#: exchange (a sale record with returned lines, v3).
SALE_KINDS = ("sale", "return")


@dataclass(frozen=True, slots=True)
class TicketTally:
    """The sound sale entries before the first problem, and their sales' total."""

    entries: int
    total_cents: int
    problem: Finding | None


def check_entries(conn: sqlite3.Connection, until_seq: int | None) -> TicketTally:
    """Each ticket entry before ``until_seq`` (the walk's first break; None: all)
    against its sale's rows and its outbox seal. Stops at the first problem."""
    count, total = 0, 0
    for entry, sale, seal in _entries(conn, until_seq):
        problem = _check_one(conn, entry, sale, seal)
        if problem:
            return TicketTally(count, total, problem)
        count += 1
        total += sale[6] if sale and entry.kind in SALE_KINDS else 0
    return TicketTally(count, total, None)


def _entries(
    conn: sqlite3.Connection, until_seq: int | None
) -> Iterator[tuple[ChainEntry, tuple | None, str | None]]:
    cursor = conn.execute(_ENTRIES, (until_seq if until_seq is not None else 2**62,))
    try:
        for row in cursor:
            sale = row[11:-1] if row[10] else None
            yield ChainEntry(*row[:10]), sale, row[-1]
    finally:
        cursor.close()


def _check_one(
    conn: sqlite3.Connection, entry: ChainEntry, sale: tuple | None, seal: str | None
) -> Finding | None:
    where = f"Ticket entry {entry.seq} (sale {entry.ref})"
    ticket, terminal = (sale[2], sale[1]) if sale else (None, entry.terminal_id)

    def finding(code: str, what: str) -> Finding:
        return Finding(TICKET, entry.seq, code, f"{where}: {what}", ticket, terminal)

    if entry.kind not in SALE_KINDS:
        return None
    if sale is None:
        return finding("deleted", "the sale was deleted after it was signed.")
    try:
        body = canonical_sale_bytes(sale, *sale_children(conn, entry.ref)).decode("utf-8")
    except (TypeError, ValueError):  # a float or a foreign type written by hand
        body = None
    if body != entry.body:
        return finding("edited", "the sale's rows were altered after it was signed.")
    if seal is not None and _seal_of(seal) != chains.seal_fields(entry):
        return finding(
            "witness",
            "it differs from the seal written beside the sale for the central server: "
            "the chain was re-signed from here.",
        )
    return None


def _seal_of(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return text


def check_store(conn: sqlite3.Connection) -> Finding | None:
    """The checks over the whole store once the entries are sound: seals without their
    entry, sales without an entry, ticket numbers not running 1..counter."""
    return _seals_without_entry(conn) or _orphans(conn) or _ticket_runs(conn)


def _seals_without_entry(conn: sqlite3.Connection) -> Finding | None:
    row = conn.execute(_SEALS_WITHOUT_ENTRY).fetchone()
    if not row:
        return None
    sale_id, seq = row
    return Finding(
        TICKET,
        seq,
        "witness",
        f"Ticket entry {seq} (sale {sale_id}) is gone: its seal is still in the outbox for "
        "the central server, the chain no longer has it (entries deleted or rewritten).",
    )


def _orphans(conn: sqlite3.Connection) -> Finding | None:
    row = conn.execute(_ORPHAN).fetchone()
    if not row:
        return None
    terminal, ticket = row
    return Finding(
        TICKET,
        None,
        "unsigned_sale",
        f"Ticket {ticket} (terminal {terminal}) has no entry in the journal or the ticket chain.",
        ticket,
        terminal,
    )


def _ticket_runs(conn: sqlite3.Connection) -> Finding | None:
    """Each terminal's tickets must run 1..counter: catches a sale deleted with its entry."""
    counters = dict(conn.execute(_COUNTERS).fetchall())
    spans = {terminal: (count, top) for terminal, count, top in conn.execute(_TICKET_SPANS)}
    for terminal in sorted(counters.keys() | spans.keys()):
        count, top = spans.get(terminal, (0, 0))
        last = counters.get(terminal, 0)
        if top > last:
            return Finding(
                TICKET,
                None,
                "counter_reset",
                f"Ticket {top} (terminal {terminal}) is beyond the ticket counter ({last}): "
                "the counter was reset.",
                top,
                terminal,
            )
        if count != last:
            missing = _first_missing_ticket(conn, terminal)
            return Finding(
                TICKET,
                None,
                "ticket_gap",
                f"Ticket {missing} (terminal {terminal}) is missing: tickets must run from 1 "
                f"to {last} without a gap.",
                missing,
                terminal,
            )
    return None


def _first_missing_ticket(conn: sqlite3.Connection, terminal: str) -> int:
    expected = 1
    for (ticket_no,) in conn.execute(_TICKETS, (terminal,)):
        if ticket_no != expected:
            return expected
        expected += 1
    return expected
