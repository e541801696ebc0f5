"""A manager's adjustments at the till, over the real reference server: made offline,
mixed with sales, pushed once, counted once at the till and centrally, author kept."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from pos.services.stock_desk import StockDesk
from pos.store import stock_levels
from tests.support.central_server import CentralServer
from tests.support.staff import a_manager
from tests.sync.conftest import STORE
from tests.sync.sales_factory import draft, sellable
from tests.sync.terminals import open_terminal

SKU, PRODUCT_ID = "SKU0000021", 21


def _central_level(central: CentralServer, path: Path) -> tuple[int, list[tuple]]:
    with sqlite3.connect(path) as conn:
        (on_hand,) = conn.execute(
            "SELECT on_hand FROM stock WHERE store_id = ? AND product_id = ?", (STORE, PRODUCT_ID)
        ).fetchone()
        moves = conn.execute(
            "SELECT delta, reason, staff_id, at FROM stock_movements "
            "WHERE store_id = ? AND product_id = ? AND reason <> 'count' ORDER BY id",
            (STORE, PRODUCT_ID),
        ).fetchall()
    return on_hand, moves


def test_offline_adjustments_and_sales_are_counted_once_everywhere(
    tmp_path: Path, central: CentralServer
) -> None:
    till = open_terminal(tmp_path / "A", central, "T01")
    central.count_stock(STORE, SKU, 30)
    assert till.sync().state == "idle"
    times = iter(["2026-12-06T09:00:00.000Z", "2026-12-06T09:05:00.000Z"])
    with till.store() as store:
        desk = StockDesk(store, now=lambda: next(times))
        manager = a_manager("Ines")  # staff ids are ASCII (the contract's StaffId)
        assert desk.detail(PRODUCT_ID).level.on_hand == 30
        # Offline (nothing pushed yet): a breakage, a sale, a find.
        desk.adjust(manager, PRODUCT_ID, "damage", 4, "dropped")
        product = next(p for p in sellable(store.conn) if p[0] == PRODUCT_ID)
        store.sales.commit(draft([product], random.Random(2), quantities=[3]))
        detail = desk.adjust(manager, PRODUCT_ID, "found", 1)
        assert detail.level.on_hand == 30 - 4 - 3 + 1
        assert detail.level.central_on_hand == 30

        assert till.sync().state == "idle"
        assert till.sync().pending == 0  # pushed, then the level that includes them pulled
        level = stock_levels.level(store.conn, PRODUCT_ID)
        assert (level.on_hand, level.central_on_hand, level.unsynced_delta) == (24, 24, 0)
        assert store.catalog.stock_on_hand(PRODUCT_ID) == 24

    on_hand, moves = _central_level(central, tmp_path / "central.db")
    assert on_hand == 24
    adjustments = [m for m in moves if m[1] != "sale"]
    assert adjustments == [
        (-4, "damage", manager.staff_id, "2026-12-06T09:00:00.000Z"),
        (1, "found", manager.staff_id, "2026-12-06T09:05:00.000Z"),
    ]
    assert [m[:3] for m in moves if m[1] == "sale"] == [(-3, "sale", None)]
    assert till.sync().pending == 0 and _central_level(central, tmp_path / "central.db")[0] == 24
    till.close()
