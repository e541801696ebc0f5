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
        size = target.stat().st_size
        with open(target, "r+b") as file:
            file.seek((size // 4096 // 2) * 4096)
            file.write(b"\xa5" * 4096)
        return target
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA ignore_check_constraints = ON")  # a hostile file obeys none
    conn.executescript(edit)
    conn.close()
    return target


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
