"""A page set left beside the store by a copy that committed but was stopped before its
delete is removed at the next round; one still downloading (no catalog yet) is kept."""

from __future__ import annotations

from pathlib import Path

from pos.store import feed_cursors, page_set_load
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore


def _leave_page_set(db: Path) -> Path:
    left = Path(f"{db}{page_set_load.SUFFIX}")
    left.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)
    Path(f"{left}.etag").write_text('"1-abc" 4096', encoding="ascii")
    return left


def test_a_page_set_left_after_its_copy_committed_is_deleted(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    with LocalStore(db) as store:
        left = _leave_page_set(db)
        with write_transaction(store.conn):
            feed_cursors.save(store.conn, "catalog", "c-after-the-copy")
        assert page_set_load.forget_finished(store.conn)
        assert not left.exists() and not Path(f"{left}.etag").exists()
        assert not page_set_load.forget_finished(store.conn)  # nothing left to forget


def test_a_page_set_still_downloading_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    with LocalStore(db) as store:
        left = _leave_page_set(db)  # no catalog cursor: a download to resume
        assert not page_set_load.forget_finished(store.conn)
        assert left.exists() and Path(f"{left}.etag").exists()
