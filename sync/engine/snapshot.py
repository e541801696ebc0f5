"""A new till's first sync from a snapshot instead of the catalog and stock feeds' pages.

Taken when the platform serves one (``SnapshotServing``: our reference server; Medusa
does not, and its feeds are pulled page by page as before), the engine pulls both the
catalog and stock feeds, and the store has neither pulled a catalog nor stock yet (or a
snapshot was started and not finished: it resumes from its last staged chunk). The
next chunk is fetched and validated on a helper thread while this one is staged.
After it, the two feeds continue from the snapshot's sequence in the same round. A
refused cursor (the central database was replaced) starts the snapshot over, once.

A platform that serves the page set (``PageSetServing``: a ready SQLite file of the
same content, ``sync.contract.page_set``) is asked for it first: downloaded resumably,
checked, then copied in one transaction (``pos.store.page_set_load``), ~10x faster than
the chunks at 1,000,000 products. A page set refused (by the central, or by the
till's checks) is deleted and remembered: the round fails with the reason, as any
refusal shows in the sync status, and the next round takes the chunked snapshot.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from pos.store import feed_cursors, page_set_load, snapshot_load
from pos.store.db import write_transaction
from pos.store.page_set_checks import PageSetRefused
from sync.contract import page_set
from sync.ports import (
    BadCursor,
    CentralPort,
    CentralRejected,
    NotAuthorised,
    PageSetNotServed,
    PageSetServing,
    SnapshotPiece,
    SnapshotServing,
)

log = logging.getLogger(__name__)

DEFAULT_CHUNK_ROWS = 25_000  # ~350,000 values: under what a till validates at once
USE_PAGE_SET = True
REFUSED_KEY = "page_set_refused"  # in sync_state: why this till's page set was refused
_REMEMBER = (
    "INSERT INTO sync_state (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


def wanted(conn: sqlite3.Connection, central: CentralPort, feeds: Sequence[str]) -> bool:
    """Whether this round starts (or resumes) with the snapshot."""
    if not isinstance(central, SnapshotServing) or not {"catalog", "stock"} <= set(feeds):
        return False
    if snapshot_load.side_path(conn) is None:
        return False
    page_set_load.forget_finished(conn)
    if snapshot_load.in_progress(conn):
        return True
    nothing_pulled = all(feed_cursors.cursor(conn, f) is None for f in ("catalog", "stock"))
    empty = conn.execute("SELECT 1 FROM products LIMIT 1").fetchone() is None
    return nothing_pulled and empty


def load(
    conn: sqlite3.Connection,
    central: SnapshotServing,
    *,
    rows: int = DEFAULT_CHUNK_ROWS,
    after_chunk: Callable[[int], None] = lambda staged: None,
) -> int:
    """Stage every chunk, then move them into the store; return the rows staged now.
    The page set instead when the platform serves one (module doc)."""
    if _page_set_wanted(conn, central):
        try:
            return _load_page_set(conn, central, after_chunk)  # type: ignore[arg-type]
        except PageSetNotServed as exc:  # no page set here: the chunks, in this round
            _remember(conn, exc.message)
            log.info("no page set (%s): the chunked snapshot", exc.message)
    try:
        return _load(conn, central, rows, after_chunk)
    except BadCursor:
        snapshot_load.SnapshotLoad(conn).discard()
        return _load(conn, central, rows, after_chunk)


def _load(
    conn: sqlite3.Connection,
    central: SnapshotServing,
    rows: int,
    after_chunk: Callable[[int], None],
) -> int:
    side = snapshot_load.SnapshotLoad(conn)
    staged = 0
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="comptoir-snapshot") as pool:
            ahead: Future[SnapshotPiece] = pool.submit(central.snapshot, side.cursor(), rows)
            while True:
                piece = ahead.result()
                if not piece.done:
                    ahead = pool.submit(central.snapshot, piece.next_cursor, rows)
                side.keep(piece.part, piece.columns, piece.body, piece.next_cursor)
                staged += piece.count
                after_chunk(staged)
                if piece.done:
                    break
    except BaseException:
        side.close()
        raise
    side.finish(piece.catalog_cursor, piece.stock_cursor)
    return staged


def _page_set_wanted(conn: sqlite3.Connection, central: object) -> bool:
    if not USE_PAGE_SET or not isinstance(central, PageSetServing):
        return False
    if page_set_load.path_of(conn) is None or snapshot_load.in_progress(conn):
        return False
    return conn.execute("SELECT 1 FROM sync_state WHERE key = ?", (REFUSED_KEY,)).fetchone() is None


def _load_page_set(
    conn: sqlite3.Connection, central: PageSetServing, after_chunk: Callable[[int], None]
) -> int:
    """Download, check and copy the page set; the rows it brought (products + levels)."""
    target = page_set_load.path_of(conn)
    assert target is not None
    try:
        started = time.perf_counter()
        central.download_page_set(target, progress=lambda written: None)
        downloaded = time.perf_counter()
        page_set_load.load(conn, target, central.store_id, page_set.expected_objects())
        log.info(
            "page set: downloaded in %.2f s, checked and copied in %.2f s",
            downloaded - started, time.perf_counter() - downloaded,
        )  # fmt: skip
    except (PageSetNotServed, NotAuthorised):
        page_set_load.delete(target)
        raise
    except (PageSetRefused, CentralRejected) as exc:  # refused: said, then the chunks
        page_set_load.delete(target)
        _remember(conn, exc.message)
        log.warning("page set refused: %s", exc.message)
        raise CentralRejected(exc.message, code="page_set_refused") from None
    rows = conn.execute(
        "SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM central_stock)"
    ).fetchone()[0]
    after_chunk(rows)
    return int(rows)


def _remember(conn: sqlite3.Connection, reason: str) -> None:
    """Keep why there is no page set: later rounds take the chunked snapshot."""
    with write_transaction(conn):
        conn.execute(_REMEMBER, (REFUSED_KEY, reason[:500]))
