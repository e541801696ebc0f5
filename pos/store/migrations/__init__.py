"""Numbered schema migrations keyed on ``PRAGMA user_version``.

Each ``NNNN_name.sql`` file in this package moves the schema from version NNNN-1 to
NNNN. Pending ones run in ONE exclusive transaction after a backup copy of the file is
taken, so an upgrade either completes or leaves the old database untouched; a
database newer than this code is refused rather than guessed at.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from pos.store.errors import StoreTooNew, classify

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def all_migrations() -> tuple[Migration, ...]:
    """The migrations shipped with this code, in order, numbered 1..N without gaps."""
    found = []
    for entry in files(__name__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..N: {[m.version for m in found]}")
    return tuple(found)


def head_version() -> int:
    return len(all_migrations())


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def refuse_newer_schema(conn: sqlite3.Connection) -> None:
    """Raise StoreTooNew for a database written by a newer Comptoir; touch nothing."""
    current = schema_version(conn)
    if current > head_version():
        raise StoreTooNew(
            f"This database was written by a newer Comptoir (schema {current}, this version "
            f"knows up to {head_version()}). Update Comptoir on this till."
        )


def statements(script: str) -> list[str]:
    """Split a script into statements (triggers included) to run inside a transaction.

    ``executescript`` would commit first, breaking the all-or-nothing upgrade.
    """
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip().strip(";").strip() and not buffer.strip().startswith("--"):
        statements.append(buffer.strip())
    return statements


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    target = path.with_name(f"{path.name}.v{version}.bak")
    target.touch(mode=0o600)  # a copy of sales and customers: owner-only from the start
    target.chmod(0o600)
    with sqlite3.connect(target) as copy:
        conn.backup(copy)
    copy.close()
    return target


def migrate(
    conn: sqlite3.Connection, path: Path | None = None, *, target: int | None = None
) -> int:
    """Bring the schema to ``target`` (default: head); return the version reached."""
    target = head_version() if target is None else target
    refuse_newer_schema(conn)
    current = schema_version(conn)
    if current >= target:
        return current
    if path is not None and current > 0:
        _backup(conn, path, current)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        for migration in all_migrations()[current:target]:
            for statement in statements(migration.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {migration.version}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise classify(exc, str(path or "")) from exc
    return target
