"""A new till's first sync from a snapshot instead of the catalog and stock feeds' pages.

Taken when the platform serves one (``SnapshotServing``: our reference server; Medusa
does not, and its feeds are pulled page by page as before), the engine pulls both the
catalog and stock feeds, and the store has neither pulled a catalog nor stock yet (or a
snapshot was started and not finished: it resumes from its last staged chunk). The
next chunk is fetched and validated on a helper thread while this one is staged.
After it, the two feeds continue from the snapshot's sequence in the same round. A
refused cursor (the central database was replaced) starts the snapshot over, once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from pos.store import feed_cursors, snapshot_load
from sync.ports import BadCursor, CentralPort, SnapshotPiece, SnapshotServing

DEFAULT_CHUNK_ROWS = 25_000  # ~350,000 values: under what a till validates at once


def wanted(conn: sqlite3.Connection, central: CentralPort, feeds: Sequence[str]) -> bool:
    """Whether this round starts (or resumes) with the snapshot."""
    if not isinstance(central, SnapshotServing) or not {"catalog", "stock"} <= set(feeds):
        return False
    if snapshot_load.side_path(conn) is None:
        return False
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
    """Stage every chunk, then move them into the store; return the rows staged now."""
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
