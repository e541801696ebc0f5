from datetime import date
from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.services.demo_store import build_demo_store
from pos.store.local_store import LocalStore
from pos.store.verification import verify

TODAY = date(2026, 11, 25)


def _build(folder: Path) -> tuple[list[tuple], int]:
    with LocalStore(folder / "store.db") as store:
        summary = build_demo_store(store, products=3000, days=3, today=TODAY)
        assert (summary.products, summary.sales) == (3000, 120) and summary.customers >= 5
        assert verify(store.conn).ok
        # Each demo store has its own key: the signed bodies are what two builds share.
        chain = store.conn.execute(
            "SELECT s.ticket_no, c.body FROM chain_entries c JOIN sales s ON s.id = c.ref "
            "WHERE c.chain = 'ticket' ORDER BY c.seq"
        ).fetchall()
        return chain, store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0]


def test_the_demo_store_is_deterministic_and_sealed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, outbox_a = _build(tmp_path / "a")
    second, _ = _build(tmp_path / "b")
    assert first == second  # same sales, same timestamps, same signed bodies
    assert [ticket for ticket, _ in first] == list(range(1, 121))
    assert outbox_a == 120


def test_past_sales_are_real_tills_sales(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store.db") as store:
        build_demo_store(store, products=3000, days=3, today=TODAY)
        kinds = {row[0] for row in store.conn.execute("SELECT DISTINCT kind FROM sale_tenders")}
        assert {"cash", "card", "voucher"} <= kinds
        weighed = store.conn.execute(
            "SELECT count(*) FROM sale_lines WHERE sold_by = 'weight'"
        ).fetchone()[0]
        assert weighed > 10
        first_day = store.conn.execute("SELECT min(completed_at) FROM sales").fetchone()[0]
        assert first_day.startswith("2026-11-22T")
        with pytest.raises(PosError, match="already has data"):
            build_demo_store(store, today=TODAY)


def test_the_demo_store_has_staff_with_their_demo_pins(tmp_path: Path) -> None:
    from pos.domain.rights import Role
    from pos.services.staff import StaffDirectory, provisional_actor

    with LocalStore(tmp_path / "store.db") as store:
        build_demo_store(store, products=200, days=1, today=TODAY)
        directory = StaffDirectory(store)
        assert directory.sign_in("camille", "1111").role is Role.CASHIER
        assert directory.sign_in("julien", "2222").role is Role.CASHIER
        assert directory.sign_in("ines", "3333").role is Role.MANAGER
        assert provisional_actor(directory).display_name == "Camille"  # until sign-in exists
        cashiers = {row[0] for row in store.conn.execute("SELECT DISTINCT cashier FROM sales")}
        assert cashiers <= {"Camille", "Julien", "Inès"}


def test_a_store_without_staff_acts_as_first_start_and_creates_nobody(tmp_path: Path) -> None:
    from pos.services.staff import FIRST_START, StaffDirectory, provisional_actor

    with LocalStore(tmp_path / "store.db") as store:
        directory = StaffDirectory(store)
        assert provisional_actor(directory, "Camille") == FIRST_START
        assert directory.list_all() == [] and directory.needs_first_admin()
