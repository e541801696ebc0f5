"""The terminal's signed chains: appending an entry, reading them, walking them.

Every entry is appended inside the write transaction of the act it records (the sale,
the reprint, the closure, the event), so the act and its entry commit together or not
at all, and no other writer slips in between the head read and the insert. The entry is
signed with the terminal's key (``signing_key``) over ``ChainEntry.signed_bytes``, which
includes the previous entry's signature: rewriting, dropping, reordering or inserting
an entry needs the key.

The ticket chain continues the unsigned hash journal of earlier versions: its first
signed entry takes the next sequence number and links to that journal's head hash
(``sha256:<hash>``), so the old entries stay verified by their hashes and anchored here.

``walk`` is the generic check of one chain (sequence, links, keys, signatures); what an
entry's body must match elsewhere in the store (a ticket's sale rows) is checked by the
chain's owner on top of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from pos.domain.chain_entry import (
    CHAINS,
    GENESIS,
    LEGACY_PREFIX,
    TICKET,
    ChainEntry,
    key_introduction_bytes,
    verify_bytes,
    verify_entry,
)
from pos.store.outbox import enqueue_json
from pos.store.sale_codec import canonical_json
from pos.store.signing_key import SigningKey

_COLUMNS = "terminal_id, chain, seq, kind, ref, at, key_id, prev, body, sig"
_HEAD = "SELECT seq, sig, at FROM chain_entries WHERE chain = ? ORDER BY seq DESC LIMIT 1"
_LEGACY_HEAD = "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"
#: The outbox kind that carries an entry of a chain other than tickets to the central
#: witness (a ticket entry rides on its sale's own ``sale`` operation).
PUSH_KIND = "chain_entry"
_INSERT = f"INSERT INTO chain_entries ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_ENTRIES = f"SELECT {_COLUMNS} FROM chain_entries WHERE chain = ? AND seq >= ? ORDER BY seq"
_BY_REF = f"SELECT {_COLUMNS} FROM chain_entries WHERE ref = ? AND chain = ? ORDER BY seq"
_KEYS = (
    "SELECT key_id, public_pem, created_at, introduced_by, introduction FROM terminal_keys "
    "ORDER BY created_at, key_id"
)
_RECORD_KEY = (
    "INSERT OR IGNORE INTO terminal_keys (key_id, public_pem, created_at, introduced_by, "
    "introduction) VALUES (?, ?, ?, ?, ?)"
)


@dataclass(frozen=True, slots=True)
class Head:
    """A chain's last entry: what the next one links to."""

    seq: int
    sig: str
    at: str


def head(conn: sqlite3.Connection, chain: str) -> Head | None:
    row = conn.execute(_HEAD, (chain,)).fetchone()
    return Head(*row) if row else None


def genesis(conn: sqlite3.Connection, chain: str) -> tuple[int, str]:
    """(seq, prev) of a chain's first signed entry: 1 and GENESIS, except for a ticket
    chain that continues the legacy journal (its next seq and ``sha256:`` head hash)."""
    if chain == TICKET:
        legacy = conn.execute(_LEGACY_HEAD).fetchone()
        if legacy:
            return legacy[0] + 1, f"{LEGACY_PREFIX}{legacy[1]}"
    return 1, GENESIS


def append(
    conn: sqlite3.Connection,
    key: SigningKey,
    *,
    chain: str,
    kind: str,
    body: str,
    terminal_id: str,
    at: str,
    ref: str = "",
    push: bool = True,
) -> ChainEntry:
    """Sign and append one entry after the chain's head. Call inside the write
    transaction of the act the entry records. ``body`` must be canonical JSON.

    Entries of every chain but tickets are also queued for the central witness
    (``push``; op id ``chain:<terminal>:<chain>:<seq>``), in the same transaction."""
    if not conn.in_transaction:
        raise RuntimeError("chains.append must run inside the act's write transaction")
    if chain not in CHAINS:
        raise ValueError(f"unknown chain {chain!r}")
    record_key(conn, key, at)
    last = head(conn, chain)
    seq, prev = (last.seq + 1, last.sig) if last else genesis(conn, chain)
    entry = ChainEntry(terminal_id, chain, seq, kind, ref, at, key.key_id, prev, body)
    entry = entry.signed(key.sign(entry.signed_bytes()))
    conn.execute(_INSERT, _row(entry))
    if push and chain != TICKET:
        op_id = f"chain:{terminal_id}:{chain}:{seq}"
        enqueue_json(conn, op_id, PUSH_KIND, push_payload(entry), now=at)
    return entry


def seal_fields(entry: ChainEntry) -> dict[str, object]:
    """Every field of the entry but its body: a sale's seal in its outbox payload."""
    return {
        "at": entry.at,
        "chain": entry.chain,
        "key_id": entry.key_id,
        "kind": entry.kind,
        "prev": entry.prev,
        "ref": entry.ref,
        "seq": entry.seq,
        "sig": entry.sig,
        "terminal_id": entry.terminal_id,
    }


def push_payload(entry: ChainEntry) -> str:
    """``{"entry": {...}}`` in canonical JSON: every field the signature covers, and it."""
    return canonical_json({"entry": {**seal_fields(entry), "body": entry.body}}, checked=False)


def _row(entry: ChainEntry) -> tuple[object, ...]:
    return (
        entry.terminal_id,
        entry.chain,
        entry.seq,
        entry.kind,
        entry.ref,
        entry.at,
        entry.key_id,
        entry.prev,
        entry.body,
        entry.sig,
    )


# -- keys ---------------------------------------------------------------------------------


def record_key(conn: sqlite3.Connection, key: SigningKey, at: str) -> None:
    """Make sure the key is listed (as a root when nothing introduced it)."""
    conn.execute(_RECORD_KEY, (key.key_id, key.public_pem, at, "", ""))


def introduce_key(conn: sqlite3.Connection, old: SigningKey, new: SigningKey, at: str) -> None:
    """The old key hands the chains over to the new one (at enrolment): the new key is
    listed with the old key's signature over it. Call inside a write transaction."""
    record_key(conn, old, at)
    introduction = old.sign(key_introduction_bytes(new.key_id, new.public_pem))
    conn.execute(_RECORD_KEY, (new.key_id, new.public_pem, at, old.key_id, introduction))


@dataclass(frozen=True, slots=True)
class KeyRecord:
    key_id: str
    public_pem: str
    created_at: str
    introduced_by: str
    introduction: str


def keys(conn: sqlite3.Connection) -> list[KeyRecord]:
    return [KeyRecord(*row) for row in conn.execute(_KEYS)]


def keys_in_order(conn: sqlite3.Connection) -> list[KeyRecord]:
    """Every key, each after the key that introduced it (roots by creation time first):
    two keys listed in the same millisecond still come parent first."""
    pending, ordered = keys(conn), []
    while pending:
        done = {record.key_id for record in ordered}
        ready = [r for r in pending if not r.introduced_by or r.introduced_by in done]
        ready = ready or pending[:1]  # an introducer never listed: its child, as is
        ordered.extend(ready)
        pending = [r for r in pending if r not in ready]
    return ordered


def trusted_keys(conn: sqlite3.Connection) -> tuple[dict[str, str], dict[str, str]]:
    """(trusted key_id → PEM, untrusted key_id → why). The first root is trusted (it is
    the one registered at enrolment); every later key must be introduced by a trusted key
    whose signature over it verifies."""
    trusted: dict[str, str] = {}
    untrusted: dict[str, str] = {}
    for record in keys_in_order(conn):
        if not record.introduced_by:
            if not trusted and not untrusted:
                trusted[record.key_id] = record.public_pem
            else:
                untrusted[record.key_id] = "no earlier key of this terminal introduced it"
            continue
        parent = trusted.get(record.introduced_by)
        data = key_introduction_bytes(record.key_id, record.public_pem)
        if parent is None:
            untrusted[record.key_id] = f"it was introduced by an unknown key {record.introduced_by}"
        elif not verify_bytes(parent, data, record.introduction):
            untrusted[record.key_id] = "its introduction by the previous key does not verify"
        else:
            trusted[record.key_id] = record.public_pem
    return trusted, untrusted


# -- reading and walking --------------------------------------------------------------------


def entries(conn: sqlite3.Connection, chain: str, *, from_seq: int = 1) -> Iterator[ChainEntry]:
    """The chain's entries in sequence order, streamed (a chain may hold millions)."""
    cursor = conn.execute(_ENTRIES, (chain, from_seq))
    try:
        for row in cursor:
            yield ChainEntry(*row)
    finally:
        cursor.close()


def by_ref(conn: sqlite3.Connection, ref: str, chain: str) -> list[ChainEntry]:
    return [ChainEntry(*row) for row in conn.execute(_BY_REF, (ref, chain))]


@dataclass(frozen=True, slots=True)
class Break:
    """The first problem of a chain: where, a stable code, and a sentence."""

    chain: str
    seq: int
    code: str  # missing | reordered | edited | bad_signature | unknown_key | legacy_link
    reason: str


@dataclass(frozen=True, slots=True)
class ChainReport:
    chain: str
    entries: int
    first_seq: int | None
    last_seq: int | None
    problem: Break | None


def walk(conn: sqlite3.Connection, chain: str) -> ChainReport:
    """Check one chain entry by entry: sequence without gaps from its genesis, each link
    to the previous signature, each key trusted, each signature valid. Stops at the first
    problem. Run it inside a read transaction for one consistent snapshot."""
    trusted, untrusted = trusted_keys(conn)
    count, first, last_seq, last_sig = 0, None, None, ""
    for entry in entries(conn, chain):
        problem = _check(conn, entry, last_seq, last_sig, trusted, untrusted)
        if problem:
            return ChainReport(chain, count, first, last_seq, problem)
        count += 1
        first = entry.seq if first is None else first
        last_seq, last_sig = entry.seq, entry.sig
    return ChainReport(chain, count, first, last_seq, None)


def _check(
    conn: sqlite3.Connection,
    entry: ChainEntry,
    last_seq: int | None,
    last_sig: str,
    trusted: dict[str, str],
    untrusted: dict[str, str],
) -> Break | None:
    where = f"{entry.chain.capitalize()} entry {entry.seq}"
    if last_seq is None:
        start, prev = genesis(conn, entry.chain)
        if entry.seq != start:
            return _missing(entry, start - 1, start)
        if entry.prev != prev:
            code = "legacy_link" if prev.startswith(LEGACY_PREFIX) else "reordered"
            return Break(entry.chain, entry.seq, code, f"{where}: it does not start the chain.")
    elif entry.seq != last_seq + 1:
        return _missing(entry, last_seq, last_seq + 1)
    elif entry.prev != last_sig:
        # A sound signature over a wrong link: the entry was moved or slipped in here.
        return Break(
            entry.chain,
            entry.seq,
            "reordered",
            f"{where}: it does not follow entry {last_seq} (moved, inserted or reordered).",
        )
    if entry.key_id in untrusted:
        why = untrusted[entry.key_id]
        return Break(
            entry.chain,
            entry.seq,
            "unknown_key",
            f"{where}: signed by key {entry.key_id}, but {why}.",
        )
    pem = trusted.get(entry.key_id)
    if pem is None:
        return Break(
            entry.chain,
            entry.seq,
            "unknown_key",
            f"{where}: signed by key {entry.key_id}, which this terminal never registered.",
        )
    if not verify_entry(pem, entry):
        return Break(
            entry.chain,
            entry.seq,
            "edited",
            f"{where}: its signature does not match its content (edited after signing).",
        )
    return None


def _missing(entry: ChainEntry, after: int, expected: int) -> Break:
    gap = (
        f"entry {expected} is missing"
        if entry.seq == expected + 1
        else f"entries {expected} to {entry.seq - 1} are missing"
    )
    return Break(
        entry.chain,
        expected,
        "missing",
        f"{entry.chain.capitalize()} chain: {gap} "
        f"(the sequence jumps from {after} to {entry.seq}).",
    )
