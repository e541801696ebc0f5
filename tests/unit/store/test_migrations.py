"""Upgrading a real version-1 database to head, and refusing one newer than this code."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from pos.store import journal
from pos.store.catalog import Catalog
from pos.store.db import connect
from pos.store.errors import StoreTooNew
from pos.store.local_store import LocalStore
from pos.store.migrations import head_version, migrate, schema_version
from pos.store.sales import SalesStore

GOLDEN = Path(__file__).with_name("golden") / "schema_v1.db"
CATALOG_TABLES = ("settings", "departments", "products", "barcodes", "stock")


def rows(path: Path, table: str) -> list[tuple]:
    """Read a table without touching the file (immutable, read-only)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    finally:
        conn.close()


def columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_xinfo({table})") if row[6] != 1]
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_golden_file_is_a_version_1_store_with_a_catalog():
    assert GOLDEN.exists(), "run tests/unit/store/golden/make_golden.py"
    conn = sqlite3.connect(f"file:{GOLDEN}?mode=ro&immutable=1", uri=True)
    try:
        assert schema_version(conn) == 1
    finally:
        conn.close()
    assert len(rows(GOLDEN, "products")) == 4


def test_a_version_1_store_upgrades_to_head_keeping_its_data_and_a_backup(tmp_path):
    path = tmp_path / "pos.db"
    shutil.copyfile(GOLDEN, path)
    conn = connect(path)
    try:
        assert migrate(conn, path) == head_version()
        assert schema_version(conn) == head_version()
        for table in CATALOG_TABLES:  # a column added since (departments.name_en) aside
            kept = ", ".join(columns(GOLDEN, table))
            assert conn.execute(f"SELECT {kept} FROM {table} ORDER BY 1").fetchall() == rows(
                GOLDEN, table
            )
        assert conn.execute("SELECT DISTINCT name_en FROM departments").fetchall() == [("",)]
        # schema 36 adds local_sales, 0: none counted yet
        assert conn.execute("SELECT DISTINCT local_sales FROM products").fetchall() == [(0,)]
        # the upgraded store takes and seals sales
        tables = {
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        assert {"sales", "journal", "outbox", "parked_sales", "ticket_counters"} <= tables
        assert journal.verify(conn).ok
        assert SalesStore(conn).count() == 0
        catalog = Catalog(conn)  # the old catalog is found as before
        assert catalog.by_barcode("3760000000035").name == "Eau minérale 1,5 L"
        assert [p.name for p in catalog.search("boeuf")] == ["Bœuf haché"]
    finally:
        conn.close()

    backup = tmp_path / "pos.db.v1.bak"
    assert backup.exists()
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == 1
    for table in CATALOG_TABLES:
        assert rows(backup, table) == rows(GOLDEN, table)


def test_a_store_newer_than_this_code_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "pos.db"
    conn = connect(path)
    migrate(conn, path)
    conn.execute("INSERT INTO settings (key, value) VALUES ('store_name', 'Le Comptoir')")
    conn.execute(f"PRAGMA user_version = {head_version() + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")  # even its journal mode must stay as it is
    conn.close()
    before = digest(path)

    with pytest.raises(StoreTooNew, match="newer Comptoir"):
        LocalStore(path)

    assert digest(path) == before
    assert list(tmp_path.glob("*.bak")) == []
    assert ("store_name", "Le Comptoir") in rows(path, "settings")
