"""A stock count over the real reference server while the store keeps selling: sales at
this till and at another till of the same store, before and after the article is
counted, give the right final stock at both tills and centrally; a lost answer is
resent and the count applies once."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import pytest

from pos.services.stock_count import StockCounts
from pos.store import stock_levels
from pos.store.local_store import LocalStore
from tests.support.central_server import CentralServer
from tests.support.staff import a_manager
from tests.sync.conftest import STORE
from tests.sync.sales_factory import draft, sellable
from tests.sync.terminals import open_terminal

SKU, PRODUCT_ID = "SKU0000021", 21


def _sell(store: LocalStore, quantity: int, terminal_id: str, seed: int) -> None:
    product = next(p for p in sellable(store.conn) if p[0] == PRODUCT_ID)
    store.sales.commit(draft([product], random.Random(seed), terminal_id, quantities=[quantity]))
    time.sleep(0.01)  # each act at its own millisecond: the order of instants is the story


def _central(path: Path) -> tuple[int, list[tuple]]:
    with sqlite3.connect(path) as conn:
        (on_hand,) = conn.execute(
            "SELECT on_hand FROM stock WHERE store_id = ? AND product_id = ?", (STORE, PRODUCT_ID)
        ).fetchone()
        lines = conn.execute(
            "SELECT counted, till_expected, central_expected, delta, staff_id, approved_by "
            "FROM stock_count_lines WHERE store_id = ? AND product_id = ?",
            (STORE, PRODUCT_ID),
        ).fetchall()
    return on_hand, lines


def _count_moves(path: Path) -> list[int]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT delta FROM stock_movements WHERE store_id = ? AND product_id = ? "
            "AND reason = 'count' AND op_id IS NOT NULL ORDER BY id",
            (STORE, PRODUCT_ID),
        )
        return [row[0] for row in rows]


@pytest.mark.parametrize("other_till_first", [True, False], ids=["B-first", "B-late"])
def test_a_count_while_both_tills_sell_gives_the_right_stock_everywhere(
    tmp_path: Path, central: CentralServer, other_till_first: bool
) -> None:
    a = open_terminal(tmp_path / "A", central, "T01")
    b = open_terminal(tmp_path / "B", central, "T02")
    central.count_stock(STORE, SKU, 30)
    assert a.sync().state == "idle" and b.sync().state == "idle"
    manager = a_manager("Ines")
    with a.store() as store_a, b.store() as store_b:
        counts = StockCounts(store_a)
        _sell(store_b, 2, "T02", 1)  # at B before the count: A has not heard of it
        _sell(store_a, 1, "T01", 2)  # at A before the count
        count_id = counts.start(manager, "shelf", "Allée 3").count.id
        # The shelf holds 30 - 2 - 1 = 27, but 3 went missing: 24 are there.
        counts.enter(manager, count_id, PRODUCT_ID, 24)
        time.sleep(0.01)
        _sell(store_a, 1, "T01", 3)  # after the article was counted, at A
        _sell(store_b, 2, "T02", 4)  # and at B
        [variance] = counts.variances(count_id).lines
        assert (variance.expected, variance.variance) == (29, -5)  # as A saw it then
        counts.approve(manager, count_id)
        assert stock_levels.level(store_a.conn, PRODUCT_ID).on_hand == 29 - 5 - 1

        if other_till_first:
            assert b.sync().state == "idle"
        # The lost answer: central applies the batch, the till hears nothing and resends.
        central.set_faults(reset_after_rate=10_000)
        assert a.sync().state == "offline"
        central.clear_faults()
        assert a.sync().state == "idle" and a.sync().pending == 0
        assert b.sync().state == "idle" and a.sync().state == "idle"

        # 30 - 2 - 1 = 27 when counted; 24 found (3 lost); then 1 + 2 sold: 21.
        on_hand, lines = _central(tmp_path / "central.db")
        assert on_hand == 21
        staff = (manager.staff_id, manager.staff_id)
        if other_till_first:  # central knew B's sale: its level at the count was 27
            assert lines == [(24, 29, 27, -3, *staff)]  # applied once
            assert _count_moves(tmp_path / "central.db") == [-3]
        else:  # it came after the count: applied as 29 - 5, then B's early sale taken back
            assert lines == [(24, 29, 29, -5, *staff)]
            assert _count_moves(tmp_path / "central.db") == [-5, 2]
        assert stock_levels.level(store_a.conn, PRODUCT_ID).on_hand == 21
        assert stock_levels.level(store_b.conn, PRODUCT_ID).on_hand == 21
    assert central.stats()["operations_duplicate"] >= 1
    a.close()
    b.close()


def _central_levels(path: Path) -> dict[int, int]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT product_id, on_hand FROM stock WHERE store_id = ?", (STORE,))
        return {product_id: on_hand for product_id, on_hand in rows if on_hand}


def test_a_full_count_zeroes_the_uncounted_at_the_till_and_centrally(
    tmp_path: Path, central: CentralServer
) -> None:
    a = open_terminal(tmp_path / "A", central, "T01")
    b = open_terminal(tmp_path / "B", central, "T02")
    central.count_stock(STORE, SKU, 30)
    central.count_stock(STORE, "SKU0000022", 10)  # on the shelves, never counted
    assert a.sync().state == "idle" and b.sync().state == "idle"
    manager = a_manager("Ines")
    with a.store() as store_a, b.store() as store_b:
        counts = StockCounts(store_a)
        count_id = counts.start(manager, "full").count.id
        counts.enter(manager, count_id, PRODUCT_ID, 28)
        other = next(p for p in sellable(store_b.conn) if p[0] == 22)
        store_b.sales.commit(draft([other], random.Random(5), "T02", quantities=[1]))
        assert b.sync().state == "idle"  # B's sale of 22 during the count: A never heard
        result = counts.variances(count_id)
        holding = store_a.conn.execute(
            "SELECT count(*) FROM stock WHERE on_hand != 0 AND product_id != ?", (PRODUCT_ID,)
        ).fetchone()[0]
        assert result.uncounted_articles == holding > 1  # 22 among them, with 10 expected
        assert 22 not in {line.product.id for line in counts.sheet(count_id).lines}
        time.sleep(0.01)
        counts.approve(manager, count_id)
        assert stock_levels.level(store_a.conn, 22).on_hand == 0
        assert a.sync().state == "idle" and a.sync().pending == 0
        assert b.sync().state == "idle"
        # Central judged 22 at the approval instant against its own level (9): zero.
        assert _central_levels(tmp_path / "central.db") == {PRODUCT_ID: 28}
        for store in (store_a, store_b):
            assert stock_levels.level(store.conn, 22).on_hand == 0
            assert stock_levels.level(store.conn, PRODUCT_ID).on_hand == 28
    a.close()
    b.close()
