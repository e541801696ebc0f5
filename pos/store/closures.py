"""Fiscal closures as entries of the ``closure`` chain: the figures they seal, read here.

A closure's figures come from the ticket chain joined to the sales it signs: a day from
its session's tickets, a month from the run of tickets after the previous month's last
one up to the month's end. Walking the ticket chain by sequence (its primary key) keeps a
period contiguous even when the clock went back, and leaves out training tickets (their
own chain). Callers own the transaction: a closure is appended inside the write
transaction of the act it seals (``chains.append``), and the ``closure_once`` index
(schema 16) refuses a second closure of one period.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from pos.domain.chain_entry import CLOSURE, ChainEntry
from pos.domain.closures import PeriodTotals, VatRow
from pos.store import chains
from pos.store.errors import translate_errors
from pos.store.sale_codec import canonical_json
from pos.store.signing_key import SigningKey

_TICKETS_AFTER = (
    "SELECT count(*), coalesce(sum(s.total_cents), 0), coalesce(sum(abs(s.total_cents)), 0), "
    "min(c.seq), max(c.seq) FROM chain_entries c JOIN sales s ON s.id = c.ref "
    "WHERE c.chain = 'ticket' AND c.seq > ? AND c.seq <= ?"
)
_VAT_AFTER = (
    "SELECT v.vat_bp, sum(v.base_cents), sum(v.vat_cents), sum(v.total_cents) "
    "FROM chain_entries c JOIN sale_vat v ON v.sale_id = c.ref "
    "WHERE c.chain = 'ticket' AND c.seq > ? AND c.seq <= ? GROUP BY v.vat_bp"
)
_LAST_BEFORE = "SELECT max(seq) FROM chain_entries WHERE chain = 'ticket' AND seq > ? AND at < ?"
_SESSION_TICKETS = (
    "SELECT count(*), coalesce(sum(s.total_cents), 0), coalesce(sum(abs(s.total_cents)), 0), "
    "min(c.seq), max(c.seq) FROM sales s "
    "JOIN chain_entries c ON c.ref = s.id AND c.chain = 'ticket' WHERE s.session_id = ?"
)
_SESSION_VAT = (
    "SELECT v.vat_bp, sum(v.base_cents), sum(v.vat_cents), sum(v.total_cents) "
    "FROM sales s JOIN chain_entries c ON c.ref = s.id AND c.chain = 'ticket' "
    "JOIN sale_vat v ON v.sale_id = s.id WHERE s.session_id = ? GROUP BY v.vat_bp"
)
_TICKET_HEAD = "SELECT max(seq) FROM chain_entries WHERE chain = 'ticket'"
_LAST_OF_KIND = (
    "SELECT seq, body FROM chain_entries WHERE chain = 'closure' AND kind = ? "
    "ORDER BY seq DESC LIMIT 1"
)
_OF_PERIOD = "SELECT seq, body FROM chain_entries WHERE chain = 'closure' AND kind = ? AND ref = ?"
_OF_KIND = "SELECT seq, body FROM chain_entries WHERE chain = 'closure' AND kind = ? ORDER BY seq"
_FIRST_AT = (
    "SELECT min(at) FROM (SELECT at FROM (SELECT at FROM chain_entries WHERE chain = 'ticket' "
    "ORDER BY seq LIMIT 1) UNION ALL SELECT at FROM (SELECT at FROM chain_entries "
    "WHERE chain = 'closure' ORDER BY seq LIMIT 1))"
)
_LIST = (
    "SELECT seq, kind, ref, at, body, sig FROM chain_entries WHERE chain = 'closure' "
    "ORDER BY seq DESC LIMIT ?"
)


def _totals(counts: tuple[Any, ...], vat: list[tuple[Any, ...]], after_seq: int) -> PeriodTotals:
    tickets, total, total_abs, first, last = counts
    if not tickets:
        return PeriodTotals(after_seq + 1, after_seq, 0, (), 0, 0)
    rows = tuple(VatRow(*row) for row in sorted(vat, reverse=True))
    return PeriodTotals(first, last, tickets, rows, total, total_abs)


def tickets_between(conn: sqlite3.Connection, after_seq: int, last_seq: int) -> PeriodTotals:
    """The tickets ``after_seq < seq <= last_seq`` of the ticket chain, added up."""
    key = (after_seq, last_seq)
    with translate_errors():
        counts = conn.execute(_TICKETS_AFTER, key).fetchone()
        vat = conn.execute(_VAT_AFTER, key).fetchall()
    return _totals(counts, vat, after_seq)


def last_ticket_before(conn: sqlite3.Connection, after_seq: int, end_at: str) -> int:
    """The last ticket seq after ``after_seq`` made before ``end_at`` (``after_seq`` if
    none): where a period that ends at ``end_at`` stops in the ticket chain."""
    with translate_errors():
        found = conn.execute(_LAST_BEFORE, (after_seq, end_at)).fetchone()[0]
    return after_seq if found is None else found


def session_tickets(conn: sqlite3.Connection, session_id: str) -> PeriodTotals:
    """A till session's signed tickets, added up (a day closure's figures)."""
    with translate_errors():
        counts = conn.execute(_SESSION_TICKETS, (session_id,)).fetchone()
        vat = conn.execute(_SESSION_VAT, (session_id,)).fetchall()
        head = conn.execute(_TICKET_HEAD).fetchone()[0] or 0
    return _totals(counts, vat, head)


def last(conn: sqlite3.Connection, kind: str) -> tuple[int, dict[str, Any]] | None:
    """The latest closure of this type: (its seq, its body)."""
    with translate_errors():
        row = conn.execute(_LAST_OF_KIND, (kind,)).fetchone()
    return (row[0], json.loads(row[1])) if row else None


def of_period(conn: sqlite3.Connection, kind: str, ref: str) -> tuple[int, dict[str, Any]] | None:
    with translate_errors():
        row = conn.execute(_OF_PERIOD, (kind, ref)).fetchone()
    return (row[0], json.loads(row[1])) if row else None


def of_kind(conn: sqlite3.Connection, kind: str) -> list[tuple[int, dict[str, Any]]]:
    with translate_errors():
        rows = conn.execute(_OF_KIND, (kind,)).fetchall()
    return [(seq, json.loads(body)) for seq, body in rows]


def first_activity_at(conn: sqlite3.Connection) -> str | None:
    """When the terminal's fiscal life began: its first ticket or closure, if any."""
    with translate_errors():
        return conn.execute(_FIRST_AT).fetchone()[0]


def recent(conn: sqlite3.Connection, limit: int = 200) -> list[ChainEntry]:
    """The latest closures, newest first (for the manager's list)."""
    with translate_errors():
        rows = conn.execute(_LIST, (limit,)).fetchall()
    return [
        ChainEntry("", CLOSURE, seq, kind, ref, at, "", "", body, sig)
        for seq, kind, ref, at, body, sig in rows
    ]


def seal(
    conn: sqlite3.Connection,
    key: SigningKey,
    body: dict[str, Any],
    *,
    terminal_id: str,
    at: str,
    ref: str,
) -> ChainEntry:
    """Append the closure to the chain, inside the caller's write transaction."""
    return chains.append(
        conn,
        key,
        chain=CLOSURE,
        kind=body["type"],
        body=canonical_json(body),
        terminal_id=terminal_id,
        at=at,
        ref=ref,
    )
