"""Staff sign-in, lockout and administration, driven through the service (no UI)."""

from __future__ import annotations

import sqlite3

import pytest

from pos.domain.errors import PosError
from pos.domain.rights import RightRefused, Role
from pos.services.staff import StaffDirectory
from pos.store import staff as staff_store
from tests.support.staff import SteppedClock


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock()


@pytest.fixture
def directory(store, clock) -> StaffDirectory:
    return StaffDirectory(store, clock=clock)


def refused(call, *args, **kwargs) -> PosError:
    with pytest.raises(PosError) as caught:
        call(*args, **kwargs)
    return caught.value


def test_first_start_makes_one_administrator_then_refuses(directory):
    assert directory.needs_first_admin()
    admin = directory.create_first_admin("Nadia", "2468")
    assert admin.role is Role.ADMIN and not directory.needs_first_admin()
    assert refused(directory.create_first_admin, "Eve", "1357").code == "first_admin_exists"
    assert [m.display_name for m in directory.list_active()] == ["Nadia"]


def test_sign_in_by_id_or_badge_and_the_pin_is_never_stored(directory, store):
    admin = directory.create_first_admin("Nadia", "2468")
    pin = "73915846"
    directory.add(admin, "Camille", Role.CASHIER, pin, badge="B-17", staff_id="camille")
    assert directory.sign_in("camille", pin).display_name == "Camille"
    assert directory.sign_in("B-17", pin).staff_id == "camille"
    refused(directory.sign_in, "camille", "73915847")
    files = sorted(store.path.parent.glob("store.db*"))
    assert files and all(pin.encode() not in f.read_bytes() for f in files)
    assert staff_store.get(store.conn, "camille").pin_hash.startswith("$argon2id$")
    assert [e.kind for e in directory.events("camille")] == [
        "added",
        "sign_in",
        "sign_in",
        "wrong_pin",
    ]


def test_refusals_are_typed_with_what_a_screen_needs(directory):
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Julien", Role.CASHIER, "1111", staff_id="julien")
    assert refused(directory.sign_in, "nobody", "1234").code == "unknown_staff"
    wrong = refused(directory.sign_in, "julien", "9999")
    assert (wrong.code, wrong.params["attempts_left"]) == ("wrong_pin", 4)
    assert refused(directory.add, admin, "X", Role.CASHIER, "12a4").code == "pin_invalid"
    assert refused(directory.add, admin, "X", Role.CASHIER, "123").code == "pin_invalid"


def test_five_wrong_pins_lock_for_a_growing_delay_and_a_right_pin_resets(directory, clock):
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Julien", Role.CASHIER, "1111", staff_id="julien")
    left = [
        refused(directory.sign_in, "julien", "0000").params.get("attempts_left") for _ in range(4)
    ]
    assert left == [4, 3, 2, 1]
    assert directory.locked_until("julien") is None
    locked = refused(directory.sign_in, "julien", "0000")
    assert locked.code == "account_locked" and locked.params["until"] == "2026-03-02T09:01:00.000Z"
    assert directory.locked_until("julien") == "2026-03-02T09:01:00.000Z"
    # Locked: even the right PIN is not checked.
    assert refused(directory.sign_in, "julien", "1111").code == "account_locked"
    clock.advance(minutes=1)
    for _ in range(5):
        last = refused(directory.sign_in, "julien", "0000")
    assert last.code == "account_locked" and last.params["until"] == "2026-03-02T09:06:00.000Z"
    clock.advance(minutes=5)
    assert directory.sign_in("julien", "1111").staff_id == "julien"
    assert refused(directory.sign_in, "julien", "0000").params["attempts_left"] == 4
    kinds = [e.kind for e in directory.events("julien")]
    assert kinds.count("locked") == 2 and kinds.count("wrong_pin") == 11
    assert "refused_locked" in kinds and kinds[-2:] == ["sign_in", "wrong_pin"]


def test_a_manager_unlocks(directory):
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Julien", Role.CASHIER, "1111", staff_id="julien")
    for _ in range(5):
        refused(directory.sign_in, "julien", "0000")
    directory.unlock(admin, "julien")
    assert directory.sign_in("julien", "1111").staff_id == "julien"
    assert "unlocked" in [e.kind for e in directory.events("julien")]


def test_a_deactivated_member_is_refused_even_with_the_right_pin(directory):
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Julien", Role.CASHIER, "1111", staff_id="julien")
    directory.deactivate(admin, "julien")
    assert refused(directory.sign_in, "julien", "1111").code == "account_inactive"
    assert [m.staff_id for m in directory.list_active()] == [admin.staff_id]
    assert directory.events("julien")[-1].kind == "refused_inactive"


def test_staff_admin_needs_the_right(directory):
    admin = directory.create_first_admin("Nadia", "2468")
    manager = directory.add(admin, "Inès", Role.MANAGER, "4321", staff_id="ines").actor
    with pytest.raises(RightRefused) as caught:
        directory.add(manager, "Eve", Role.CASHIER, "1234")
    assert caught.value.params == {"right": "staff_admin", "approvable": False}
    with pytest.raises(RightRefused):
        directory.deactivate(manager, admin.staff_id)
    with pytest.raises(RightRefused):
        directory.set_pin(manager, "ines", "9999")
    directory.set_pin(admin, "ines", "9999")
    assert directory.sign_in("ines", "9999").role is Role.MANAGER


def test_the_staff_log_is_append_only(directory, store):
    directory.create_first_admin("Nadia", "2468")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE staff_event SET kind = 'sign_in'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("DELETE FROM staff_event")


def test_the_staff_and_approval_triggers_are_restored_when_dropped(directory, store):
    from pos.store.immutability import restorations
    from pos.store.local_store import LocalStore

    directory.create_first_admin("Nadia", "2468")
    store.conn.execute("DROP TRIGGER approval_no_delete")
    store.conn.execute("DROP TRIGGER staff_event_no_update")
    with LocalStore(store.path) as reopened:
        [restored] = restorations(reopened.conn)
        assert set(restored.missing) == {"approval_no_delete", "staff_event_no_update"}
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            reopened.conn.execute("UPDATE staff_event SET kind = 'sign_in'")
