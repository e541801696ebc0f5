"""A new till's first sync from the snapshot, over a real central server: the same rows
as a till that pulled every page, changes made during it kept, resumable, strict."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from pos.store import snapshot_load
from sync.client import HttpCentral
from sync.engine import SyncEngine
from sync.engine import snapshot as snapshot_step
from sync.ports import CentralUnavailable, FeedPage, OperationOutcome, OutgoingOperation
from tests.support.central_server import CentralServer
from tests.sync.conftest import STORE
from tests.sync.scripted_server import Request, ScriptedServer, reply_json

CHUNK = 700  # 3,000 products: 5 catalog chunks, then 5 stock chunks
FEEDS = ("catalog", "stock")
_TABLES = {
    "products": "SELECT id, sku, name, brand, department, price_cents, vat_bp, sold_by, plu, "
    "active, name_key, brand_key FROM products ORDER BY id",
    "barcodes": "SELECT code, product_id FROM barcodes ORDER BY code",
    "central_stock": "SELECT product_id, sku, on_hand, reserved, version FROM central_stock "
    "ORDER BY product_id",
    "stock": "SELECT product_id, on_hand FROM stock ORDER BY product_id",
    "search": "SELECT rowid FROM product_fts WHERE product_fts MATCH 'nature OR bio' "
    "ORDER BY rowid",
    "departments": "SELECT code, vat_bp FROM departments ORDER BY code",
}


@pytest.fixture(autouse=True)
def chunked_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the chunked snapshot: no page set asked first."""
    monkeypatch.setattr(snapshot_step, "USE_PAGE_SET", False)


class Paged:
    """The central API without the snapshot (as Medusa): the engine pulls pages."""

    def __init__(self, inner: HttpCentral) -> None:
        self.inner = inner

    def pull(self, feed: str, cursor: str | None, limit: int) -> FeedPage:
        return self.inner.pull(feed, cursor, limit)

    def push(self, operations: Sequence[OutgoingOperation]) -> list[OperationOutcome]:
        return self.inner.push(operations)

    def close(self) -> None:
        self.inner.close()


class Watched(HttpCentral):
    """Our HTTP client, calling ``during(n)`` before its n-th snapshot chunk (1-based)."""

    def __init__(self, *args: object, during: Callable[[int], None]) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.during, self.calls, self.cursors = during, 0, []  # type: ignore[var-annotated]

    def snapshot(self, cursor: str | None, limit: int):  # type: ignore[no-untyped-def]
        self.calls += 1
        self.cursors.append(cursor)
        self.during(self.calls)
        return super().snapshot(cursor, limit)


def rows_of(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {name: conn.execute(sql).fetchall() for name, sql in _TABLES.items()}
    finally:
        conn.close()


def paged_till(tmp_path: Path, central: CentralServer) -> Path:
    """A till that pulled the catalog and stock feeds page by page (the reference)."""
    token = central.enrol(STORE, "T09")
    engine = SyncEngine(
        tmp_path / "paged.db", Paged(HttpCentral(central.url, STORE, "T09", token)), feeds=FEEDS
    )
    assert engine.sync_once().state == "idle"
    assert "snapshot" not in engine.totals.pulled
    engine.close()
    engine.central.close()
    return tmp_path / "paged.db"


def test_the_snapshot_and_the_feeds_after_it_give_the_rows_of_a_paged_pull(
    tmp_path: Path, central: CentralServer
) -> None:
    """Changes made at the central while the snapshot is read (a product already sent, one
    not yet sent, a stock level) reach the till through the feeds that follow it."""

    def write_at_central(call: int) -> None:
        if call == 3:  # products 1..1400 sent, the stock part not begun
            central.set_price("SKU0000010", 12_345)
            central.set_price("SKU0002900", 54_321)
            central.count_stock(STORE, "SKU0000020", 77)

    token = central.enrol(STORE, "T01")
    port = Watched(central.url, STORE, "T01", token, during=write_at_central)
    engine = SyncEngine(tmp_path / "till.db", port, feeds=FEEDS, snapshot_rows=CHUNK)
    assert engine.sync_once().state == "idle"
    engine.close()
    port.close()
    # 3,000 products + their 3,000 levels, less the two changed before they were read
    # (product 2900, the level of product 20), which the feeds then bring
    assert engine.totals.pulled["snapshot"] == 5998
    assert (engine.totals.pulled["catalog"], engine.totals.pulled["stock"]) == (2, 1)
    assert not Path(f"{tmp_path / 'till.db'}{snapshot_load.SUFFIX}").exists()

    got, expected = rows_of(tmp_path / "till.db"), rows_of(paged_till(tmp_path, central))
    prices = {row[1]: row[5] for row in got["products"]}
    assert (prices["SKU0000010"], prices["SKU0002900"]) == (12_345, 54_321)
    assert dict(got["stock"])[20] == 77
    for table in _TABLES:
        assert got[table] == expected[table], table
    assert len(got["products"]) == 3000 and len(got["central_stock"]) == 3000


def test_an_interrupted_snapshot_resumes_and_ends_with_the_same_rows(
    tmp_path: Path, central: CentralServer
) -> None:
    """The stream breaks at the 7th chunk: nothing shows at the till, the next round goes
    on from the last staged chunk (not from the start) and ends row for row the same."""

    def break_once(call: int) -> None:
        if call == 7:
            raise CentralUnavailable("The connection dropped.")

    token = central.enrol(STORE, "T01")
    port = Watched(central.url, STORE, "T01", token, during=break_once)
    engine = SyncEngine(tmp_path / "till.db", port, feeds=FEEDS, snapshot_rows=CHUNK)
    assert engine.sync_once().state == "offline"
    half = rows_of(tmp_path / "till.db")
    assert (half["products"], half["central_stock"], half["stock"]) == ([], [], [])
    port.during = lambda call: None
    assert engine.sync_once().state == "idle"
    engine.close()
    port.close()
    assert port.cursors[7] == port.cursors[6] is not None  # resumed where it broke
    assert engine.totals.pulled["snapshot"] == 6000
    assert rows_of(tmp_path / "till.db") == rows_of(paged_till(tmp_path, central))
    assert free_pages(tmp_path / "till.db") == 0  # compact: nothing was staged in it


def test_a_snapshot_cursor_the_central_refuses_starts_the_snapshot_over(
    tmp_path: Path, central: CentralServer
) -> None:
    def break_once(call: int) -> None:
        if call == 3:
            raise CentralUnavailable("The connection dropped.")

    token = central.enrol(STORE, "T01")
    port = Watched(central.url, STORE, "T01", token, during=break_once)
    engine = SyncEngine(tmp_path / "till.db", port, feeds=FEEDS, snapshot_rows=CHUNK)
    assert engine.sync_once().state == "offline"
    side = sqlite3.connect(f"{tmp_path / 'till.db'}{snapshot_load.SUFFIX}")
    with side:  # as if the central's database had been replaced since
        side.execute(
            "UPDATE progress SET value = 'eyJmIjoic25hcHNob3QifQ.AAAA' WHERE key = 'cursor'"
        )
    side.close()
    port.during = lambda call: None
    assert engine.sync_once().state == "idle"
    engine.close()
    port.close()
    assert port.cursors[3] is not None and port.cursors[4] is None  # refused: from the start
    assert rows_of(tmp_path / "till.db") == rows_of(paged_till(tmp_path, central))


def free_pages(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    finally:
        conn.close()


def test_a_chunk_with_a_bad_row_is_refused_whole_and_nothing_shows(tmp_path: Path) -> None:
    bad = {
        "seq": 5, "part": "stock", "count": 2, "next_cursor": "n", "done": True,
        "catalog_cursor": "c", "stock_cursor": "s",
        "stock": {"product_id": [1, 2], "sku": ["SKU1", "SKU 2"], "on_hand": [3, 4],
                  "reserved": [0, 0], "version": [1, 2]},
    }  # fmt: skip

    def answer(request: Request, conn) -> None:  # type: ignore[no-untyped-def]
        reply_json(conn, 200, bad)

    with ScriptedServer(answer) as server:
        engine = SyncEngine(
            tmp_path / "till.db", HttpCentral(server.url, STORE, "T01", "token"), feeds=FEEDS
        )
        status = engine.sync_once()
        engine.close()
        engine.central.close()
    assert status.state == "error"
    assert "snapshot chunk" in (status.last_error or "") and "stock.sku.1" in status.last_error
    assert rows_of(tmp_path / "till.db")["central_stock"] == []


@pytest.mark.parametrize(
    "columns",
    [
        {"product_id": [1, 2], "sku": ["A"], "on_hand": [3, 4], "reserved": [0, 0],
         "version": [1, 2]},
        {"product_id": [1, 2], "sku": ["A", "B"], "on_hand": [3, 4], "reserved": [0, 0]},
    ],
)  # fmt: skip
def test_columns_of_unequal_length_or_missing_are_refused(columns: dict) -> None:
    from pydantic import ValidationError

    from sync.contract.snapshot import SnapshotChunk

    chunk = {"seq": 5, "part": "stock", "count": 2, "next_cursor": "n", "done": True,
             "catalog_cursor": "c", "stock_cursor": "s", "stock": columns}  # fmt: skip
    with pytest.raises(ValidationError):
        SnapshotChunk.model_validate(chunk)


class Edited(HttpCentral):
    """Our HTTP client, with ``edit(part, columns)`` changing each validated chunk's
    columns before the engine sees them (a central sending implausible values)."""

    def __init__(self, *args: object, edit: Callable[[str, dict], None]) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.edit = edit

    def snapshot(self, cursor: str | None, limit: int):  # type: ignore[no-untyped-def]
        piece = super().snapshot(cursor, limit)
        columns = {name: list(values) for name, values in piece.columns.items()}
        self.edit(piece.part, columns)
        return dataclasses.replace(piece, columns=columns)


def absurd_level(part: str, columns: dict) -> None:
    if part == "stock":
        columns["on_hand"][3] = 10**9


def product_again(part: str, columns: dict) -> None:
    if part == "catalog" and columns["id"][0] > 1:  # the second chunk repeats an id
        columns["id"][0] = 5


def sku_twice(part: str, columns: dict) -> None:
    if part == "stock":
        columns["sku"][1] = columns["sku"][0]


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (absurd_level, "on_hand = 1000000000"),
        (product_again, "not in ascending order"),
        (sku_twice, "appears twice"),
    ],
)
def test_an_implausible_chunk_is_refused_and_nothing_shows(
    tmp_path: Path, central: CentralServer, edit: Callable[[str, dict], None], named: str
) -> None:
    token = central.enrol(STORE, "T01")
    port = Edited(central.url, STORE, "T01", token, edit=edit)
    engine = SyncEngine(tmp_path / "till.db", port, feeds=FEEDS, snapshot_rows=CHUNK)
    status = engine.sync_once()
    engine.close()
    port.close()
    assert status.state == "error" and named in (status.last_error or "")
    assert "feed was refused" in (status.last_error or "")
    rows = rows_of(tmp_path / "till.db")
    assert (rows["products"], rows["central_stock"]) == ([], [])
