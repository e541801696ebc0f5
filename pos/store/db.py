"""Opening the store: one connection per thread, the same pragmas on every one.

Connections run in autocommit mode (``isolation_level=None``) and every write goes
through ``write_transaction``: an explicit ``BEGIN IMMEDIATE`` … ``COMMIT`` that rolls
back on any exception. (sqlite-utils' ``with db.conn:`` neither rolls back nor groups
writes, so it is never used for business writes.) ``synchronous=FULL`` in WAL mode makes
a committed sale survive a power cut, not just a crash.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pos.store.errors import StoreError, classify, translate_errors
from pos.store.migrations import refuse_newer_schema

BUSY_TIMEOUT_MS = 5000


def connect(path: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open a connection with the house pragmas; raise StoreError with a clear message."""
    path = str(path)
    try:
        if read_only:
            conn = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, isolation_level=None, timeout=5
            )
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        refuse_newer_schema(conn)  # before WAL: a newer till's file is left untouched
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"The store database ({path}) cannot use WAL mode ({mode}).")
        conn.execute("PRAGMA synchronous = FULL")
        # Reading the schema proves the file is a database before anyone relies on it.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise classify(exc, path) from exc
    except StoreError:
        conn.close()
        raise
    return conn


@contextmanager
def write_transaction(conn: sqlite3.Connection, *, path: str = "") -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; roll back and raise StoreError on any failure."""
    with translate_errors(path):
        conn.execute("BEGIN IMMEDIATE")
    try:
        with translate_errors(path):
            yield conn
            conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
