"""``verify``: the whole fiscal record walked on one snapshot, the first bad entry of each
chain named with why.

In order: the legacy hash journal (``legacy_journal``), then every signed chain
(``chains.walk``: sequence, links, trusted keys, signatures), with on top:

* the ticket chain's own checks (``ticket_checks``: bodies against the sales' rows,
  outbox seals, sales without entries, ticket numbers 1..counter) and its link to the
  legacy journal's head;
* a clock going back inside a chain: a problem, or a warning when the event chain holds
  a ``clock_back``/``clock_changed`` event recorded on the new clock before the entry;
* store-wide: immutability triggers dropped, altered or restored at an open
  (``immutability``), and a root key other than the one central acknowledged (the
  ``registered_key_id`` setting, written at enrolment): the chains were rebuilt with a
  key central never registered.

Pure reading: recording the run itself (the JET's ``verification_run``) is the caller's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from itertools import islice

from pos.domain.chain_entry import CHAINS, EVENT, TICKET, ChainEntry
from pos.store import chains, immutability, legacy_journal, ticket_checks
from pos.store.errors import translate_errors
from pos.store.verification_report import (
    LEGACY,
    STORE,
    ChainSummary,
    Finding,
    JournalReport,
)

#: The setting where the till keeps the key id central acknowledged at enrolment.
REGISTERED_KEY_SETTING = "registered_key_id"
#: JET kinds that explain a clock going back inside a chain.
CLOCK_EVENTS = ("clock_back", "clock_changed")
_AT = "SELECT seq, at FROM chain_entries WHERE chain = ? AND seq < ? ORDER BY seq"
_CLOCK_EVENT = (
    "SELECT 1 FROM chain_entries WHERE chain = 'event' AND kind IN (?, ?) "
    "AND at <= ? AND at < ? LIMIT 1"
)
_SETTING = "SELECT value FROM settings WHERE key = ?"
#: At most this many explained clock changes are listed per chain.
MAX_WARNINGS = 20


def verify(conn: sqlite3.Connection) -> JournalReport:
    """Walk the legacy journal and every chain on one consistent snapshot."""
    with translate_errors(), _snapshot(conn):
        legacy = legacy_journal.walk(conn)
        summaries = [_legacy_summary(legacy)]
        grand = legacy.grand_total_cents
        for chain in CHAINS:
            summary, total = _chain_summary(conn, chain)
            summaries.append(summary)
            grand += total
        store = [*_trigger_findings(conn), *_key_findings(conn)]
    return JournalReport(tuple(summaries), tuple(store), grand)


@contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """A read transaction, so every check sees the same database."""
    owned = not conn.in_transaction
    if owned:
        conn.execute("BEGIN")
    try:
        yield
    finally:
        if owned and conn.in_transaction:
            conn.execute("ROLLBACK")


def _legacy_summary(report: legacy_journal.LegacyReport) -> ChainSummary:
    problem = report.problem
    finding = (
        Finding(LEGACY, problem.seq, problem.code, problem.reason, problem.ticket, problem.terminal)
        if problem
        else None
    )
    return ChainSummary(LEGACY, report.entries, report.first_seq, report.last_seq, finding)


def _chain_summary(conn: sqlite3.Connection, chain: str) -> tuple[ChainSummary, int]:
    """One chain's summary and, for tickets, the total of its sound sales."""
    walked = chains.walk(conn, chain)
    problem = _refine(conn, walked.problem) if walked.problem else None
    entries, total = walked.entries, 0
    if chain == TICKET:
        tally = ticket_checks.check_entries(conn, problem.seq if problem else None)
        if tally.problem:
            problem, entries = tally.problem, tally.entries
        total = tally.total_cents
        if problem is None:
            problem = ticket_checks.check_store(conn)
    clock_problem, warnings = _clock(conn, chain, problem.seq if problem else None)
    if clock_problem and (problem is None or (problem.seq or 0) > (clock_problem.seq or 0)):
        problem = clock_problem
        entries = min(entries, _entries_before(walked, clock_problem.seq))
    last = walked.first_seq + entries - 1 if walked.first_seq is not None and entries else None
    first = walked.first_seq if entries else None
    return ChainSummary(chain, entries, first, last, problem, warnings), total


def _entries_before(walked: chains.ChainReport, seq: int | None) -> int:
    if seq is None or walked.first_seq is None:
        return walked.entries
    return max(0, seq - walked.first_seq)


def _refine(conn: sqlite3.Connection, found: chains.Break) -> Finding:
    """Name a break more precisely from its neighbours: an entry the next one links
    over was inserted; one whose signature the next entry (or its outbox seal) still
    vouches for had its content edited; otherwise its signature is bad."""
    seq, code, reason = found.seq, found.code, found.reason
    if code not in ("edited", "reordered", "unknown_key"):
        return Finding(found.chain, seq, code, reason)
    before, entry, after = _neighbours(conn, found.chain, seq)
    where = f"{found.chain.capitalize()} entry {seq}"
    if entry is not None and after is not None:
        if after.sig == entry.prev:
            return Finding(
                found.chain, seq, "reordered", f"{where}: it was swapped with entry {seq + 1}."
            )
        if before is not None and after.prev == before.sig:
            return Finding(
                found.chain,
                seq,
                "inserted",
                f"{where}: it was inserted (entry {seq + 1} links over it to entry {seq - 1}).",
            )
    if code != "edited" or entry is None:
        return Finding(found.chain, seq, code, reason)
    if (after is not None and after.prev == entry.sig) or _sealed_sig(conn, entry) == entry.sig:
        return Finding(
            found.chain,
            seq,
            "edited",
            f"{where}: its content was edited after signing (its signature is the original).",
        )
    return Finding(
        found.chain,
        seq,
        "bad_signature",
        f"{where}: its signature does not verify (a forged or damaged signature).",
    )


def _neighbours(
    conn: sqlite3.Connection, chain: str, seq: int
) -> tuple[ChainEntry | None, ChainEntry | None, ChainEntry | None]:
    found = {e.seq: e for e in islice(chains.entries(conn, chain, from_seq=max(1, seq - 1)), 3)}
    return found.get(seq - 1), found.get(seq), found.get(seq + 1)


def _sealed_sig(conn: sqlite3.Connection, entry: ChainEntry) -> str | None:
    """The signature the sale's outbox seal recorded for a ticket entry, if any."""
    if entry.chain != TICKET or not entry.ref:
        return None
    row = conn.execute(
        "SELECT json_extract(payload, '$.seal.sig') FROM outbox "
        "WHERE op_id = ? AND kind = 'sale' AND json_valid(payload)",
        (entry.ref,),
    ).fetchone()
    return row[0] if row else None


def _clock(
    conn: sqlite3.Connection, chain: str, until_seq: int | None
) -> tuple[Finding | None, tuple[Finding, ...]]:
    """The first unexplained clock going back in the chain (before ``until_seq``), and
    the explained ones as warnings."""
    warnings: list[Finding] = []
    last_at, last_moment = "", None
    for seq, at in conn.execute(_AT, (chain, until_seq if until_seq is not None else 2**62)):
        moment = _moment(at)
        if last_moment is not None and moment is not None and moment < last_moment:
            where = f"{chain.capitalize()} entry {seq}"
            what = f"the clock went back (at {at}, after {last_at})"
            if chain != EVENT and _explained(conn, at, last_at):
                if len(warnings) < MAX_WARNINGS:
                    reason = f"{where}: {what}; the event journal records the clock change."
                    warnings.append(Finding(chain, seq, "clock_back", reason, warning=True))
            else:
                reason = f"{where}: {what}, and no clock change explains it."
                return Finding(chain, seq, "clock_back", reason), tuple(warnings)
        if moment is not None:
            last_at, last_moment = at, moment
    return None, tuple(warnings)


def _explained(conn: sqlite3.Connection, at: str, previous_at: str) -> bool:
    """A clock event recorded on the new clock: at or before this entry, before the last."""
    return conn.execute(_CLOCK_EVENT, (*CLOCK_EVENTS, at, previous_at)).fetchone() is not None


def _moment(at: str) -> datetime | None:
    try:
        return datetime.fromisoformat(at)
    except ValueError:
        return None


def _trigger_findings(conn: sqlite3.Connection) -> list[Finding]:
    """Missing, altered or once-restored immutability triggers."""
    found = []
    missing, altered = immutability.findings(conn)
    if missing:
        reason = f"The immutability triggers {', '.join(missing)} are missing."
        found.append(Finding(STORE, None, "triggers", reason))
    if altered:
        reason = f"The immutability triggers {', '.join(altered)} were altered."
        found.append(Finding(STORE, None, "triggers", reason))
    for event in immutability.restorations(conn):
        found.append(Finding(STORE, None, "triggers", f"Tampering: {event.sentence()}."))
    return found


def _key_findings(conn: sqlite3.Connection) -> list[Finding]:
    """The root key against the key id central acknowledged, when the till has one."""
    row = conn.execute(_SETTING, (REGISTERED_KEY_SETTING,)).fetchone()
    registered = row[0] if row else ""
    if not registered:
        return []
    roots = [record.key_id for record in chains.keys(conn) if not record.introduced_by]
    if not roots or roots[0] == registered:
        return []
    return [
        Finding(
            STORE,
            None,
            "unregistered_key",
            f"The chains were rebuilt with a key central never registered: the terminal's "
            f"root key is {roots[0]}, central registered {registered}.",
        )
    ]
