"""Terminals' signing keys: registered at enrolment, served to the operator and the witness.

A terminal signs its chains with its own ECDSA P-256 key (``pos.domain.chain_entry``) and
sends the public half when it enrols, with the keys that signed before it (a demo store's,
say), each introduced by the one before. Central registers the lineage: a key introduced
by a key this terminal already has here is ``introduced``; any other is accepted on the
enrolment code alone (``enrolment``), and when the terminal already had keys that is
flagged ``key_replaced`` for audit: a till rebuilt with a fresh key is visible here even
though its enrolment was legitimate.
"""

from __future__ import annotations

import sqlite3

from pos.domain.chain_entry import key_id_of, key_introduction_bytes, verify_bytes
from sync.central.db import Database
from sync.central.errors import ApiError, not_found
from sync.contract.admin import RegisteredKey, TerminalKeys
from sync.contract.chains import TerminalKey
from sync.contract.enrolment import EnrolmentRequest

KEY_REPLACED = "key_replaced"
_HELD = "SELECT key_id, public_pem FROM terminal_keys WHERE store_id = ? AND terminal_id = ?"
_INSERT = (
    "INSERT INTO terminal_keys (store_id, terminal_id, key_id, public_pem, introduced_by, "
    "introduction, accepted_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_FLAG = (
    "INSERT INTO signed_flags (store_id, terminal_id, chain, seq, kind, op_id, detail, at) "
    "VALUES (?, ?, '', 0, ?, ?, ?, ?)"
)


def lineage(request: EnrolmentRequest) -> list[TerminalKey]:
    """The keys an enrolment presents, oldest first; 400 for one whose id is not its own
    (checked before anything is written: a refused key issues no token)."""
    if request.terminal_key is None:
        return []
    keys = [*request.earlier_keys, request.terminal_key]
    for key in keys:
        try:
            own = key_id_of(key.public_pem)
        except ValueError:
            own = ""
        if own != key.key_id:
            raise ApiError(
                400, "bad_request", f"Terminal key {key.key_id} is not an ECDSA P-256 public "
                "key whose id is its own: the till must send the key it signs with.",
            )  # fmt: skip
    return keys


def held(conn: sqlite3.Connection, store_id: str, terminal_id: str) -> dict[str, str]:
    """key_id → PEM of every key registered for the terminal."""
    return dict(conn.execute(_HELD, (store_id, terminal_id)).fetchall())


def register(
    conn: sqlite3.Connection, store_id: str, terminal_id: str, keys: list[TerminalKey], at: str
) -> str:
    """Register the enrolment's keys (inside its write); return the key now in use, ""
    when the till sent none (an earlier version: its signatures cannot be checked)."""
    if not keys:
        return ""
    known = held(conn, store_id, terminal_id)
    had_keys = bool(known)
    for key in keys:
        if key.key_id in known:
            continue
        parent = known.get(key.introduced_by) if key.introduced_by else None
        data = key_introduction_bytes(key.key_id, key.public_pem)
        introduced = parent is not None and verify_bytes(parent, data, key.introduction)
        accepted_by = "introduced" if introduced else "enrolment"
        conn.execute(
            _INSERT,
            (store_id, terminal_id, key.key_id, key.public_pem, key.introduced_by,
             key.introduction, accepted_by, at),
        )  # fmt: skip
        known[key.key_id] = key.public_pem
        if had_keys and not introduced:
            detail = (
                f"Key {key.key_id} was registered on the enrolment code alone: no key this "
                "terminal had signed it over (a new data folder, or chains rebuilt)."
            )
            conn.execute(_FLAG, (store_id, terminal_id, KEY_REPLACED, "", detail, at))
    return keys[-1].key_id


def served(db: Database, store_id: str, terminal_id: str) -> TerminalKeys:
    """The operator's view: every key of the terminal, oldest first."""
    with db.read() as conn:
        if (
            conn.execute(
                "SELECT 1 FROM terminals WHERE store_id = ? AND terminal_id = ?",
                (store_id, terminal_id),
            ).fetchone()
            is None
        ):
            raise not_found(f"There is no terminal {terminal_id!r} in store {store_id!r}.")
        rows = conn.execute(
            "SELECT key_id, public_pem, introduced_by, introduction, registered_at, accepted_by "
            "FROM terminal_keys WHERE store_id = ? AND terminal_id = ? "
            "ORDER BY id",
            (store_id, terminal_id),
        ).fetchall()
    fields = ("key_id", "public_pem", "introduced_by", "introduction", "registered_at",
              "accepted_by")  # fmt: skip
    return TerminalKeys(
        store_id=store_id,
        terminal_id=terminal_id,
        keys=[RegisteredKey(**dict(zip(fields, row, strict=True))) for row in rows],
    )
