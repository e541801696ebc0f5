"""The staff cache as the ``staff`` feed fills it: upserts by id with the cursor in the
same transaction, a badge that moves between members, a deactivation kept cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.store import feed_cursors
from pos.store import staff as staff_store
from pos.store.feed_cursors import PageRefused
from pos.store.local_store import LocalStore
from sync.contract.pins import hash_pin
from sync.contract.staff import StaffItem

PIN_HASH = hash_pin("1234")


def item(staff_id: str, **changes) -> StaffItem:
    fields = {
        "id": staff_id, "display_name": staff_id.title(), "role": "cashier",
        "pin_hash": PIN_HASH, "badge": None, "language": "fr", "active": True, "version": 1,
    } | changes  # fmt: skip
    return StaffItem.model_validate(fields)


@pytest.fixture
def store(tmp_path: Path):
    with LocalStore(tmp_path / "store.db") as opened:
        yield opened


def test_pages_upsert_staff_move_badges_and_keep_deactivated_members(store):
    staff_store.apply_page(store.conn, [item("ana", badge="B1"), item("bob")], "c1")
    assert staff_store.by_badge(store.conn, "B1").staff_id == "ana"
    staff_store.apply_page(
        store.conn, [item("ana", active=False, version=2), item("bob", badge="B1", version=2)], "c2"
    )
    assert staff_store.by_badge(store.conn, "B1").staff_id == "bob"
    ana = staff_store.get(store.conn, "ana")
    assert (ana.active, ana.badge, ana.source) == (False, None, "central")
    assert [r.staff_id for r in staff_store.list_staff(store.conn)] == ["bob"]
    assert feed_cursors.cursor(store.conn, "staff") == "c2"


def test_a_page_giving_one_badge_to_two_members_is_refused_whole(store):
    staff_store.apply_page(store.conn, [item("ana")], "c1")
    with pytest.raises(PageRefused):
        staff_store.apply_page(store.conn, [item("bob", badge="B1"), item("cy", badge="B1")], "c2")
    assert staff_store.get(store.conn, "bob") is None
    assert feed_cursors.cursor(store.conn, "staff") == "c1"
