"""The immutability triggers, checked and restored at every open of the store.

The triggers that make sales, the journal and the receipt and drawer events append-only
live in the database file, so anyone with the sqlite3 shell can drop them. Every
read-write connection (``pos.store.db.connect``) compares them with their definitions in
the migrations already applied, recreates any missing or altered one, and records the
finding durably in ``settings`` (key ``TAMPER_KEY``, a JSON list of events): restoring a
trigger must not erase the fact that it was gone. ``journal.verify`` reads both the live
triggers and that record, so ``comptoir verify-journal`` reports the tampering even
after the open that repaired it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from functools import cache

from pos.store.migrations import all_migrations, schema_version, statements
from pos.store.sale_codec import utc_now

TAMPER_KEY = "immutability_triggers_restored"

_CREATE = re.compile(r"^CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", re.IGNORECASE)
_DROP = re.compile(r"^DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?(\w+)", re.IGNORECASE)
_LIVE = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
_READ = "SELECT value FROM settings WHERE key = ?"
_WRITE = (
    "INSERT INTO settings (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


@dataclass(frozen=True, slots=True)
class Restoration:
    """One open that found triggers missing or altered and recreated them."""

    at: str
    missing: tuple[str, ...]
    altered: tuple[str, ...]

    def sentence(self) -> str:
        parts = []
        if self.missing:
            parts.append(f"removed ({', '.join(self.missing)})")
        if self.altered:
            parts.append(f"altered ({', '.join(self.altered)})")
        return f"the immutability triggers were {' and '.join(parts)} and restored at {self.at}"


def _normal(sql: str) -> str:
    return " ".join(sql.strip().rstrip(";").split())


@cache
def expected_triggers(version: int) -> dict[str, str]:
    """name → normalised SQL of every immutability trigger (one that RAISEs ABORT) the
    migrations up to ``version`` leave in place."""
    found: dict[str, str] = {}
    for migration in all_migrations()[:version]:
        for statement in statements(migration.sql):
            body = "\n".join(
                line for line in statement.splitlines() if not line.lstrip().startswith("--")
            ).strip()
            if created := _CREATE.match(body):
                if "RAISE(ABORT" in body.upper().replace(" ", ""):
                    found[created[1]] = _normal(body)
            elif dropped := _DROP.match(body):
                found.pop(dropped[1], None)
    return found


def findings(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """(missing, altered) immutability triggers of this database, by name, sorted."""
    expected = expected_triggers(schema_version(conn))
    live = {name: _normal(sql or "") for name, sql in conn.execute(_LIVE)}
    missing = sorted(name for name in expected if name not in live)
    altered = sorted(name for name, sql in expected.items() if name in live and live[name] != sql)
    return missing, altered


def restorations(conn: sqlite3.Connection) -> list[Restoration]:
    """Every restoration recorded in this database, oldest first."""
    row = conn.execute(_READ, (TAMPER_KEY,)).fetchone()
    if row is None:
        return []
    try:
        events = json.loads(row[0])
        return [Restoration(e["at"], tuple(e["missing"]), tuple(e["altered"])) for e in events]
    except (ValueError, TypeError, KeyError):
        return [Restoration("an unknown time (the record itself was altered)", (), (TAMPER_KEY,))]


def restore(conn: sqlite3.Connection) -> Restoration | None:
    """Recreate missing or altered immutability triggers and record it, in one write
    transaction (re-checked inside it, so two connections opening at once restore once).
    Returns what was restored, or None when every trigger was in place."""
    if not any(findings(conn)):  # the usual case: one read, no write lock
        return None
    expected = expected_triggers(schema_version(conn))
    conn.execute("BEGIN IMMEDIATE")
    try:
        missing, altered = findings(conn)
        if not (missing or altered):
            conn.execute("COMMIT")
            return None
        for name in altered:
            conn.execute(f'DROP TRIGGER "{name}"')
        for name in missing + altered:
            conn.execute(expected[name])
        event = Restoration(utc_now(), tuple(missing), tuple(altered))
        _record(conn, event)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return event


def _record(conn: sqlite3.Connection, event: Restoration) -> None:
    row = conn.execute(_READ, (TAMPER_KEY,)).fetchone()
    try:
        events = json.loads(row[0]) if row else []
        if not isinstance(events, list):
            events = []
    except ValueError:
        events = []
    events.append({"at": event.at, "missing": list(event.missing), "altered": list(event.altered)})
    conn.execute(_WRITE, (TAMPER_KEY, json.dumps(events)))
