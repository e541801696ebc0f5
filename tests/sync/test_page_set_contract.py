"""The page set's contract and the till's migrated schema agree: the search index's
definition, the generated search columns, ``products`` column for column (so the till
copies its records as they are) and every column copied (name and type). A change to
one side breaks this test, not the tills."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from pos.store import catalog_staging
from pos.store.local_store import LocalStore
from sync.contract import page_set

#: page set table → (till table, columns copied)
COPIED = {
    "products": ("products", page_set.PRODUCT_COLUMNS),
    "barcodes": ("barcodes", ("code", "product_id")),
    "departments": ("departments", page_set.DEPARTMENT_COLUMNS),
    "stock": ("central_stock", page_set.STOCK_COLUMNS),
}
GENERATED = ("search_rank", "search_head", "search_brand")


def _flat(sql: str) -> str:
    """SQL without comments, every run of whitespace one space."""
    return " ".join(re.sub(r"--[^\n]*", "", sql).split())


def _generated(table_sql: str, column: str) -> str:
    found = re.search(rf"{column} (\w+) GENERATED ALWAYS AS \((.*?)\) VIRTUAL", _flat(table_sql))
    assert found, column
    return f"{found.group(1)} {found.group(2)}"


def _types(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    return {row[1]: row[2] for row in conn.execute(f"PRAGMA table_xinfo({table})")}


def test_the_contract_and_the_till_schema_agree(tmp_path: Path) -> None:
    contract = sqlite3.connect(":memory:")
    page_set.create(contract)
    with LocalStore(tmp_path / "till.db") as store:
        till = store.conn
        sql = dict(till.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
        assert _flat(sql["product_fts"]) == _flat(page_set.FTS_DDL)
        ours = dict(contract.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
        for column in GENERATED:
            assert _generated(sql["products"], column) == _generated(ours["products"], column)
        for table, (till_table, columns) in COPIED.items():
            theirs, mine = _types(till, till_table), _types(contract, table)
            for column in columns:
                assert theirs[column] == mine[column], f"{table}.{column}"
        # products column for column (defaults, keys, generated): the till copies it as is
        xinfo = "PRAGMA table_xinfo(products)"
        assert till.execute(xinfo).fetchall() == contract.execute(xinfo).fetchall()
        for shadow in page_set.FTS_SHADOWS:
            assert _flat(sql[shadow]) == _flat(ours[shadow])
    assert catalog_staging._FILL_FTS.format("search_rank") == page_set.FILL_FTS


def test_the_expected_objects_are_exactly_the_contract_tables_and_fts_shadows() -> None:
    names = {(kind, name) for kind, name, _table, _sql in page_set.expected_objects()}
    assert {name for kind, name in names if kind in ("trigger", "view")} == set()
    assert {name for kind, name in names if kind == "table"} == {
        "manifest", "departments", "products", "barcodes", "stock", "product_fts",
        "product_fts_data", "product_fts_idx", "product_fts_config",
    }  # fmt: skip
