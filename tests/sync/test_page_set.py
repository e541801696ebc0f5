"""A new till's first sync from the central's page set, over a real central server: the
same rows, search results, stock and cursors as a till that took the chunked snapshot;
resumed by Range after a kill; changes made while it was served arrive with the feeds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import httpx

from pos.store import page_set_load
from sync.client import HttpCentral
from sync.engine import SyncEngine
from sync.ports import CentralUnavailable, PageSetNotServed
from tests.support.central_server import CentralServer
from tests.sync.conftest import STORE
from tests.sync.test_snapshot import FEEDS, rows_of

SEARCHES = ("pain", "bio nat", "caf", "x")


class Chunked(HttpCentral):
    """Our client on a central without the page set: the chunked snapshot is taken."""

    def download_page_set(self, target: Path, **_options: object) -> None:
        raise PageSetNotServed("The central serves no page set.")


class Cut(HttpCentral):
    """Our client, its download killed once ``cut_at`` bytes are on disk (then ``None``:
    whole). ``starts`` keeps the size on disk at each download's start."""

    def __init__(self, *args: object, cut_at: int | None) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.cut_at, self.starts = cut_at, []  # type: ignore[var-annotated]

    def download_page_set(self, target: Path, *, progress: Callable[[int], None], **kw) -> None:  # type: ignore[no-untyped-def]
        self.starts.append(target.stat().st_size if target.exists() else 0)

        def cut(written: int) -> None:
            if self.cut_at is not None and written >= self.cut_at:
                self.cut_at = None
                raise CentralUnavailable("The till was switched off.")

        super().download_page_set(target, progress=cut, **kw)


def till_state(path: Path) -> dict[str, list[tuple]]:
    """Every table the first sync fills, the search results and the feeds' cursors."""
    rows = rows_of(path)
    conn = sqlite3.connect(path)
    try:
        for query in SEARCHES:
            rows[f"search {query}"] = conn.execute(
                "SELECT rowid FROM product_fts WHERE product_fts MATCH ? ORDER BY rowid",
                (" ".join(f'"{word}"*' for word in query.split()),),
            ).fetchall()
        rows["popularity"] = conn.execute("SELECT id, popularity FROM products").fetchall()
        rows["count"] = conn.execute(
            "SELECT value FROM settings WHERE key = 'catalog_count'"
        ).fetchall()
        rows["cursors"] = conn.execute(
            "SELECT feed, cursor FROM feed_cursors WHERE feed IN ('catalog', 'stock') ORDER BY feed"
        ).fetchall()
        rows["fk"] = conn.execute("PRAGMA foreign_key_check").fetchall()
        rows["integrity"] = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return rows


def first_sync(path: Path, port: HttpCentral) -> SyncEngine:
    engine = SyncEngine(path, port, feeds=FEEDS)
    assert engine.sync_once().state == "idle", engine.status.last_error
    engine.close()
    port.close()
    return engine


def chunked_till(tmp_path: Path, central: CentralServer) -> Path:
    token = central.enrol(STORE, "T09")
    engine = first_sync(tmp_path / "chunked.db", Chunked(central.url, STORE, "T09", token))
    assert engine.totals.pulled["snapshot"] == 6000
    return tmp_path / "chunked.db"


def build_page_set(central: CentralServer, token: str) -> httpx.Response:
    """Ask once, as a till would (the central builds it then and keeps it)."""
    with central.client(token, timeout=60) as client:
        reply = client.get(f"/v1/stores/{STORE}/page-set")
    assert reply.status_code == 200, reply.text
    return reply


def test_a_till_from_the_page_set_ends_as_one_from_the_chunked_snapshot(
    tmp_path: Path, central: CentralServer
) -> None:
    """Built before the changes below, the page set is served as it was; the catalog and
    stock feeds that follow it bring the changes, so the till ends with them."""
    token = central.enrol(STORE, "T01")
    built = build_page_set(central, token)
    central.set_price("SKU0000010", 12_345)
    central.count_stock(STORE, "SKU0000020", 77)

    engine = first_sync(tmp_path / "till.db", HttpCentral(central.url, STORE, "T01", token))

    assert engine.totals.pulled["snapshot"] == 6000  # from the page set
    assert (engine.totals.pulled["catalog"], engine.totals.pulled["stock"]) == (1, 1)
    assert not Path(f"{tmp_path / 'till.db'}{page_set_load.SUFFIX}").exists()
    got, expected = till_state(tmp_path / "till.db"), till_state(chunked_till(tmp_path, central))
    assert {row[1]: row[5] for row in got["products"]}["SKU0000010"] == 12_345
    assert dict(got["stock"])[20] == 77
    assert got["search pain"] and got["fk"] == [] and got["integrity"] == [("ok",)]
    for table in expected:
        if table != "cursors":  # both at the central's latest sequence, each its own way
            assert got[table] == expected[table], table
    assert built.headers["accept-ranges"] == "bytes" and built.headers["etag"]


def test_a_download_killed_midway_resumes_by_range_and_ends_the_same(
    tmp_path: Path, central: CentralServer
) -> None:
    token = central.enrol(STORE, "T01")
    size = len(build_page_set(central, token).content)
    port = Cut(central.url, STORE, "T01", token, cut_at=size // 3)
    engine = SyncEngine(tmp_path / "till.db", port, feeds=FEEDS)

    assert engine.sync_once().state == "offline"
    assert rows_of(tmp_path / "till.db")["products"] == []  # nothing shows before the copy
    assert engine.sync_once().state == "idle", engine.status.last_error
    engine.close()
    port.close()

    assert port.starts[0] == 0 and size // 3 <= port.starts[1] < size  # resumed, not anew
    assert till_state(tmp_path / "till.db") | {"cursors": []} == till_state(
        chunked_till(tmp_path, central)
    ) | {"cursors": []}


def test_the_route_serves_ranges_of_the_same_file_and_the_whole_file_for_another_etag(
    central: CentralServer,
) -> None:
    token = central.enrol(STORE, "T01")
    whole = build_page_set(central, token)
    etag = whole.headers["etag"]
    with central.client(token) as client:
        path = f"/v1/stores/{STORE}/page-set"
        rest = client.get(path, headers={"Range": "bytes=1000-", "If-Range": etag})
        stale = client.get(path, headers={"Range": "bytes=1000-", "If-Range": '"1-old"'})
        stranger = client.get(path.replace(STORE, "paris-bastille"))
    assert rest.status_code == 206 and rest.content == whole.content[1000:]
    assert (
        rest.headers["content-range"] == f"bytes 1000-{len(whole.content) - 1}/{len(whole.content)}"
    )
    assert stale.status_code == 200 and stale.content == whole.content
    assert stranger.status_code in (401, 403)  # another store's page set: not with this token
    assert whole.content[:16] == b"SQLite format 3\x00"
