"""The central keeps a store's page set and rebuilds it in the background once it is
older than its age limit and behind the change sequence: the file already served goes
on being served meanwhile, and the new one has another ETag (a till resuming with the
old one is sent the whole new file)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sync.central.db import Database
from sync.central.page_set_api import PageSets
from tests.support.central_server import CentralServer
from tests.sync.conftest import STORE


def _prices(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT sku, price_cents FROM products"))
    finally:
        conn.close()


def test_a_stale_page_set_is_rebuilt_in_the_background_and_served_meanwhile(
    central: CentralServer,
) -> None:
    db = Database(central.db_path)  # beside the server process, as its reader
    try:
        page_sets = PageSets(db, max_age_s=0.0)
        first = page_sets.current(STORE)
        assert page_sets.current(STORE) == first  # not behind the sequence: kept
        central.set_price("SKU0000010", 12_345)

        served = page_sets.current(STORE)  # stale: the rebuild starts, this one is served
        deadline = time.monotonic() + 60
        while page_sets.current(STORE) == first and time.monotonic() < deadline:
            time.sleep(0.05)
        rebuilt = page_sets.current(STORE)
    finally:
        db.close()
    assert served == first and first.path.exists()  # kept for downloads begun on it
    assert rebuilt.etag != first.etag and rebuilt.seq > first.seq
    assert _prices(first.path)["SKU0000010"] != 12_345
    assert _prices(rebuilt.path)["SKU0000010"] == 12_345
