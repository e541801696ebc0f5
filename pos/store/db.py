"""Opening the store: one connection per thread, the same pragmas on every one.

Connections run in autocommit mode (``isolation_level=None``) and every write goes
through ``write_transaction``: an explicit ``BEGIN IMMEDIATE`` … ``COMMIT`` that rolls
back on any exception. (sqlite-utils' ``with db.conn:`` neither rolls back nor groups
writes, so it is never used for business writes.) ``synchronous=FULL`` in WAL mode makes
a committed sale survive a power cut, not just a crash.

Every read-write open is also where the store defends itself: the folder and the files
that hold sales and customers are made owner-only (0700 / 0600, also when an earlier
version left them 0755 / 0644: umask only covers new files), and the immutability
triggers are checked and restored (``pos.store.immutability``).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pos.store import immutability
from pos.store.errors import StoreError, classify, translate_errors
from pos.store.migrations import refuse_newer_schema

BUSY_TIMEOUT_MS = 5000
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def make_owner_only(db_path: Path) -> None:
    """Folder 0700; the database, its ``-wal``/``-shm`` and its backups 0600."""
    folder = db_path.parent
    if _private_folder(folder):
        folder.chmod(FOLDER_MODE)
    for sibling in folder.glob(f"{db_path.name}*"):
        info = sibling.stat()
        if sibling.is_file() and info.st_uid == os.getuid() and info.st_mode & 0o777 != FILE_MODE:
            sibling.chmod(FILE_MODE)


def connect(path: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open a connection with the house pragmas; raise StoreError with a clear message."""
    path = str(path)
    if not read_only and path != ":memory:" and not path.startswith("file:"):
        _owner_only_folder(Path(path))
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
        if not read_only:
            immutability.restore(conn)
            _owner_only_folder(Path(path))  # -wal and -shm exist now
    except sqlite3.Error as exc:
        raise classify(exc, path) from exc
    except StoreError:
        conn.close()
        raise
    return conn


def _private_folder(folder: Path) -> bool:
    """Whether ``folder`` is ours to close: owned by us, not shared. A sticky folder
    (``/tmp``: anyone may create in it) or one we do not own is left as it is, even as
    root, who owns ``/tmp`` too."""
    try:
        info = folder.stat()
    except OSError:
        return False
    shared = info.st_mode & stat.S_ISVTX
    return info.st_uid == os.getuid() and not shared and info.st_mode & 0o777 != FOLDER_MODE


def _owner_only_folder(db_path: Path) -> None:
    """Before SQLite creates anything: a new file in a 0700 folder is out of others' reach."""
    try:
        make_owner_only(db_path)
    except OSError as exc:
        raise StoreError(
            f"The store folder ({db_path.parent}) cannot be made private: {exc}."
        ) from exc


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
