"""The server's SQLite database: one writer behind a lock, a reader connection per thread.

Single writer: change_seq values are allocated and committed in the same order, so a
reader paging by change_seq can never skip a row that commits late. Writes use
``synchronous=FULL``: an accepted operation id survives a power cut, not only a crash.
Readers are WAL snapshots and never wait for the writer.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA busy_timeout = 10000",
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -65536",
    "PRAGMA mmap_size = 268435456",
)
CHANGE_SEQ = "change_seq"
#: ``PRAGMA user_version`` of the schema this code writes; a newer file is refused.
SCHEMA_VERSION = 8
#: What an older file needs before ``schema.sql`` runs, by the version it upgrades to.
#: 2: ``pickups`` was an empty placeholder (id, store_id, status); it becomes the orders.
#: 3: promotions keep contract v2's fields in ``rule``; a v1 promotion's rule is its SKUs
#: and the v2 defaults (the table is made first in its v2 shape if the file never had it).
#: 4: a stock movement keeps its author (a till's adjustment, issue 16).
#: 5: deliveries and transfers (issue 16): new tables only, made by ``deliveries.sql``.
#: 6: stock counts (``stock_counts.sql``, tables and index IF NOT EXISTS): nothing to
#: upgrade. 7: departments' names (``departments.sql``, IF NOT EXISTS): nothing either.
#: A version without an entry here needs no step (5 may come from elsewhere).
#: 8: the catalog item carries ``popularity`` (issue 18.1): ``products`` is rebuilt in
#: its head shape (a STORED generated column cannot be altered), in one transaction;
#: ``product_sales`` comes from ``schema.sql``.
_UPGRADES: dict[int, str] = {
    2: "DROP INDEX IF EXISTS pickups_change; DROP TABLE IF EXISTS pickups;",
    3: "CREATE TABLE IF NOT EXISTS promotions (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "kind TEXT NOT NULL, value INTEGER NOT NULL, skus TEXT NOT NULL, starts_at TEXT NOT NULL, "
    "ends_at TEXT NOT NULL, active INTEGER NOT NULL, change_seq INTEGER NOT NULL); "
    "ALTER TABLE promotions ADD COLUMN rule TEXT NOT NULL DEFAULT '{}'; "
    "UPDATE promotions SET rule = json_object('skus', json(skus), 'departments', json('[]'), "
    "'brands', json('[]'), 'everything', json('false'), 'priority', 0, 'exclusive', "
    "json('false'), 'stackable', json('false'), 'stores', json('[]'), 'channels', "
    "json('[\"store\",\"web\"]'), 'customer_only', json('false'), 'coupon_code', '', "
    "'single_use_codes', json('false'), 'n', 0, 'm', 0, 'threshold_cents', 0);",
    4: "CREATE TABLE IF NOT EXISTS stock_movements (id INTEGER PRIMARY KEY, store_id TEXT "
    "NOT NULL, product_id INTEGER NOT NULL, delta INTEGER NOT NULL, reason TEXT NOT NULL, "
    "ref TEXT, op_id TEXT, at TEXT NOT NULL); "
    "ALTER TABLE stock_movements ADD COLUMN staff_id TEXT;",
    5: "",
}


class NewerDatabaseError(RuntimeError):
    """The file was written by a newer server: opening it could corrupt it."""


def _sql(name: str) -> str:
    return (files("sync.central") / name).read_text(encoding="utf-8")


SCHEMA_SQL = _sql("schema.sql")
_PRODUCTS_TABLE = re.compile(r"CREATE TABLE IF NOT EXISTS products \(.*?\n\);", re.S)
_V7_PRODUCT_COLUMNS = (
    "id, sku, name, brand, department, price_cents, vat_bp, sold_by, plu, barcodes, active, "
    "change_seq"
)


def _rebuild_products_sql() -> str:
    """Schema 8: ``products`` made again from ``schema.sql``'s own statement, rows kept
    (popularity 0); its indexes are dropped with it and ``indexes.sql`` makes them."""
    create = _PRODUCTS_TABLE.search(SCHEMA_SQL)
    if create is None:  # a broken schema.sql: refuse before touching the file
        raise RuntimeError("schema.sql has no products table")
    new_table = create[0].replace("IF NOT EXISTS products", "products_v8", 1)
    return (
        # A file that never had products (a test's bare schema 1) gets an empty one to copy.
        f"BEGIN; CREATE TABLE IF NOT EXISTS products ({_V7_PRODUCT_COLUMNS}); "
        f"DROP TABLE IF EXISTS products_v8; {new_table} "
        f"INSERT INTO products_v8 ({_V7_PRODUCT_COLUMNS}) SELECT {_V7_PRODUCT_COLUMNS} "
        "FROM products; DROP TABLE products; ALTER TABLE products_v8 RENAME TO products; COMMIT;"
    )


_UPGRADES[8] = _rebuild_products_sql()
INDEXES_SQL = _sql("indexes.sql")
TILL_DAYS_SQL = _sql("till_days.sql")
SIGNED_CHAINS_SQL = _sql("signed_chains.sql")
RETURNS_SQL = _sql("returns.sql")
LOYALTY_SQL = _sql("loyalty.sql")
COUPONS_SQL = _sql("coupons.sql")
CUSTOMERS_SQL = _sql("customers.sql")
NETWORK_SQL = _sql("network.sql")
DELIVERIES_SQL = _sql("deliveries.sql")
STOCK_COUNTS_SQL = _sql("stock_counts.sql")
DEPARTMENTS_SQL = _sql("departments.sql")


def utc_now() -> str:
    """ISO 8601 UTC to the millisecond, the house timestamp."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for pragma in _PRAGMAS:
        conn.execute(pragma)
    return conn


class Database:
    """Owns the file: the schema, the writer and the per-thread readers."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._writer = _connect(self.path)
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        version = self._writer.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            self._writer.close()
            raise NewerDatabaseError(
                f"{self.path} has schema {version}; this server knows up to {SCHEMA_VERSION}."
            )
        if version:  # 0: a new file, nothing to upgrade
            for target in range(version + 1, SCHEMA_VERSION + 1):
                self._writer.executescript(_UPGRADES.get(target, ""))
        self._writer.executescript(SCHEMA_SQL)
        self._writer.executescript(INDEXES_SQL)
        self._writer.executescript(TILL_DAYS_SQL)
        self._writer.executescript(SIGNED_CHAINS_SQL)
        self._writer.executescript(RETURNS_SQL)
        self._writer.executescript(LOYALTY_SQL)
        self._writer.executescript(COUPONS_SQL)
        self._writer.executescript(CUSTOMERS_SQL)
        self._writer.executescript(NETWORK_SQL)
        self._writer.executescript(DELIVERIES_SQL)
        self._writer.executescript(STOCK_COUNTS_SQL)
        self._writer.executescript(DEPARTMENTS_SQL)
        self._writer.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        with self.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('cursor_secret', ?)",
                (secrets.token_hex(32),),
            )
            conn.execute(
                "INSERT OR IGNORE INTO counters (name, value) VALUES (?, 0)", (CHANGE_SEQ,)
            )
            secret = conn.execute("SELECT value FROM meta WHERE key = 'cursor_secret'").fetchone()
        self.cursor_secret = bytes.fromhex(secret[0])

    @contextmanager
    def bulk_load(self) -> Iterator[sqlite3.Connection]:
        """One write transaction in rollback-journal mode, for seeding before serving.

        Into a fresh file a rollback journal holds almost nothing (new pages are not
        journaled), whereas WAL would write every page twice (log, then checkpoint).
        Call before any reader exists: leaving WAL needs the only connection.
        """
        with self._write_lock:
            self._writer.execute("PRAGMA journal_mode = DELETE")
            self._writer.execute("PRAGMA cache_size = -262144")
        try:
            with self.write() as conn:
                yield conn
        finally:
            with self._write_lock:
                self._writer.execute("PRAGMA cache_size = -65536")
                self._writer.execute("PRAGMA journal_mode = WAL")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction on the writer: committed on exit, rolled back on error."""
        with self._write_lock:
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """This thread's reader, inside one read transaction (a consistent snapshot)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = _connect(self.path)
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def close(self) -> None:
        with self._readers_lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
        with self._write_lock:
            self._writer.close()


def next_change_seqs(conn: sqlite3.Connection, count: int) -> int:
    """Reserve ``count`` consecutive change_seq values; return the first. Writer only."""
    row = conn.execute(
        "UPDATE counters SET value = value + ? WHERE name = ? RETURNING value",
        (count, CHANGE_SEQ),
    ).fetchone()
    return int(row[0]) - count + 1


def bump_counters(conn: sqlite3.Connection, deltas: dict[str, int]) -> None:
    """Add to the named counters (created at zero), in the caller's transaction."""
    conn.executemany(
        "INSERT INTO counters (name, value) VALUES (?, ?) "
        "ON CONFLICT (name) DO UPDATE SET value = value + excluded.value",
        [(name, delta) for name, delta in deltas.items() if delta],
    )


def counter(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else 0
