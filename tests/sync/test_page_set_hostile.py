"""Hostile page sets: each is refused by the till's checks with a sentence naming what
was wrong, nothing of it reaches the store, the file is deleted, and the next round
takes the chunked snapshot and ends with the central's rows.

The page sets are a real one from a real central, edited with SQLite (or bytes
overwritten) and handed to the engine as a finished download: what is under test is
what the till does with the file, not how it travelled. (Product ids cannot be out of
order in a page set: ``products.id`` is its rowid, which SQLite keeps sorted; an id
outside the contract's range is the case that remains.)
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.store import page_set_load
from pos.store.local_store import LocalStore
from pos.store.page_set_checks import Manifest, PageSetRefused
from sync.client import HttpCentral
from sync.engine import SyncEngine
from tests.support.central_server import CentralServer
from tests.sync.conftest import STORE
from tests.sync.test_page_set import FEEDS, build_page_set, chunked_till, rows_of

FIRST_CODE = "(SELECT min(code) FROM barcodes)"
CASES = {
    "trigger": (
        "CREATE TRIGGER evil AFTER INSERT ON barcodes BEGIN DELETE FROM products; END",
        "unexpected or altered: trigger evil",
    ),
    "view": ("CREATE VIEW evil AS SELECT 1", "unexpected or altered: view evil"),
    "column": ("ALTER TABLE stock ADD COLUMN extra TEXT", "unexpected or altered: table stock"),
    "negative_price": (
        "UPDATE products SET price_cents = -1 WHERE id = 7",
        "1 row(s) of its products hold a price outside 0..100000000 cents",
    ),
    "id_zero": (
        "UPDATE products SET id = 0 WHERE id = 1",
        "1 row(s) of its products hold an id outside 1..4294967295",
    ),
    "text_vat": (
        "UPDATE products SET vat_bp = CAST(vat_bp AS TEXT) || 'x' WHERE id = 9",
        "a VAT rate outside 0..9999 bp",
    ),
    "orphan_barcode": (
        f"UPDATE barcodes SET product_id = 999999 WHERE code = {FIRST_CODE}",
        "a barcode of a product it does not hold",
    ),
    "absurd_level": (
        "UPDATE stock SET on_hand = 1000000000 WHERE product_id = 4",
        "an implausible stock level",
    ),
    "duplicate_sku": (
        "UPDATE products SET sku = 'SKU0000001' WHERE id = 2; "
        "UPDATE stock SET sku = 'SKU0000001' WHERE product_id = 2",
        "its rows break a constraint of the till (UNIQUE constraint failed: products.sku)",
    ),
    "other_store": (
        "UPDATE manifest SET store_id = 'paris-bastille'",
        "it is for store 'paris-bastille', not 'lyon-part-dieu'",
    ),
    "corrupt_page": (None, "it is damaged"),
    # read by the decoded copy while quick_check still runs: refused all the same
    "corrupt_barcodes_page": (None, "it is damaged"),
}


class Handed(HttpCentral):
    """Our client, its download replaced by a copy of ``source`` (a finished download)."""

    def __init__(self, *args: object, source: Path) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.source, self.downloads = source, 0

    def download_page_set(self, target: Path, **_options: object) -> None:
        self.downloads += 1
        shutil.copyfile(self.source, target)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CentralServer, Path]]:
    """One central for every case (none changes it) and its page set as a file."""
    folder = tmp_path_factory.mktemp("hostile")
    with CentralServer(folder / "central.db", products=3000) as server:
        token = server.enrol(STORE, "T00")
        (folder / "good.pageset").write_bytes(build_page_set(server, token).content)
        (folder / "expected").mkdir()
        yield server, folder


def hostile_copy(good: Path, target: Path, case: str) -> Path:
    shutil.copyfile(good, target)
    edit = CASES[case][0]
    if edit is None:  # a page in the middle overwritten, as a bad disk or a cut write would
        page = _middle_page(target, "barcodes" if "barcodes" in case else None)
        with open(target, "r+b") as file:
            file.seek((page - 1) * 4096)
            file.write(b"\xa5" * 4096)
        return target
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA ignore_check_constraints = ON")  # a hostile file obeys none
    conn.executescript(edit)
    conn.close()
    return target


def _middle_page(path: Path, table: str | None) -> int:
    """The file's middle page, or the middle leaf page of ``table``."""
    if table is None:
        return path.stat().st_size // 4096 // 2 + 1
    conn = sqlite3.connect(path)
    try:
        pages = [row[0] for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        )]  # fmt: skip
    finally:
        conn.close()
    return pages[len(pages) // 2]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_page_set_is_refused_and_the_chunked_snapshot_follows(
    tmp_path: Path, served: tuple[CentralServer, Path], case: str
) -> None:
    central, folder = served
    source = hostile_copy(folder / "good.pageset", tmp_path / "hostile.pageset", case)
    terminal = f"T-{case.replace('_', '-')}"
    port = Handed(central.url, STORE, terminal, central.enrol(STORE, terminal), source=source)
    till = tmp_path / "till.db"
    engine = SyncEngine(till, port, feeds=FEEDS)

    refused = engine.sync_once()
    assert refused.state == "error"
    assert "page set was refused" in (refused.last_error or "")
    assert CASES[case][1] in (refused.last_error or "")
    assert not Path(f"{till}{page_set_load.SUFFIX}").exists()
    assert rows_of(till)["products"] == [] and rows_of(till)["central_stock"] == []

    assert engine.sync_once().state == "idle"  # the chunked snapshot, not the page set
    engine.close()
    port.close()
    assert port.downloads == 1
    assert rows_of(till) == rows_of(chunked_till(tmp_path, central))


def test_the_decoded_copies_run_while_quick_check_reads_and_the_raw_ones_wait_for_it(
    tmp_path: Path, served: tuple[CentralServer, Path]
) -> None:
    """Barcodes and levels (each value decoded by SQLite) are copied and indexed before
    ``quick_check``'s verdict is asked for; products and the search index (records copied
    as they are) only after it; and nothing commits before the value checks passed."""
    _central, folder = served
    with LocalStore(tmp_path / "till.db") as store:
        target = page_set_load.path_of(store.conn)
        assert target is not None
        shutil.copyfile(folder / "good.pageset", target)
        fresh_fts = store.conn.execute("SELECT count(*) FROM product_fts_data").fetchone()[0]
        seen: dict[str, int] = {}

        def pages_ok() -> None:
            for table in ("barcodes", "central_stock", "stock", "products", "product_fts_data"):
                count = store.conn.execute(f"SELECT count(*) FROM main.{table}").fetchone()[0]
                seen[table] = count
            seen["barcodes_product"] = store.conn.execute(
                "SELECT count(*) FROM main.sqlite_master WHERE name = 'barcodes_product'"
            ).fetchone()[0]

        def refused() -> Manifest:
            raise PageSetRefused("The value checks said no.")

        with pytest.raises(PageSetRefused):
            page_set_load._copy(store.conn, target, pages_ok, refused)
        assert seen["barcodes"] > 0 and seen["central_stock"] == seen["stock"] > 0
        assert seen["barcodes_product"] == 1
        assert seen["products"] == 0 and seen["product_fts_data"] == fresh_fts
        assert rows_of(tmp_path / "till.db")["barcodes"] == []  # rolled back
