"""The desk shows an order placed while the store lacked stock: a mark in the list, the
missing units on the order and on its line (issue 11), in French as the staff read it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.services.pickup_scene import STORE_ID, catalog_items, feed_order, pull
from pos.store import pickup_orders
from pos.store.local_store import LocalStore
from pos.ui.models.pickup_model import OrderLinesModel, PickupOrdersModel
from pos.ui.pickup_controller import PickupController, PickupOptions
from pos.ui.qt import Qt
from pos.ui.screens.pickup_screen import PickupScreen

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
WAIT = 5000


@pytest.fixture
def short_dir(data_dir: Path) -> tuple[Path, str]:
    """One order short of one of its three cups here, one order with everything."""
    with LocalStore(data_dir / "store.db") as store:
        cup, tea = catalog_items(store, 2)
        pull(
            store,
            feed_order("web-7", "K7M2-Q9XD", ("Hélène Dupré", "", ""), [(cup, 3), (tea, 1)],
                       due_at=NOW + timedelta(hours=2), short={cup.sku: 1}),
            feed_order("web-8", "AB12-CD34", ("Karim Benali", "", ""), [(tea, 2)],
                       due_at=NOW + timedelta(hours=3)),
        )  # fmt: skip
    return data_dir, cup.name


def test_the_store_keeps_each_lines_shortfall(short_dir: tuple[Path, str]) -> None:
    data_dir, cup = short_dir
    with LocalStore(data_dir / "store.db") as store:
        short = pickup_orders.get(store.conn, "web-7")
        whole = pickup_orders.get(store.conn, "web-8")
    assert short is not None and whole is not None
    assert [(line.name, line.short_quantity) for line in short.short_lines] == [(cup, 1)]
    assert [line.short_quantity for line in short.lines] == [1, 0]
    assert whole.short_lines == ()


def test_the_desk_marks_the_short_order_and_says_what_is_missing(
    qtbot: QtBot, short_dir: tuple[Path, str]
) -> None:
    """(The GUI tests run in French, the till's default language.)"""
    data_dir, cup = short_dir
    options = PickupOptions(data_dir, staff="Inès", store_id=STORE_ID, clock=lambda: NOW)
    controller = PickupController(options)
    screen = PickupScreen(controller)
    qtbot.addWidget(screen)
    screen.resize(1024, 768)
    screen.show()
    try:
        with qtbot.waitSignal(screen.conflicts_shown, timeout=10_000):
            controller.start()
        model = screen.desk.model
        states = {
            model.order_at(row).id: model.index(row, PickupOrdersModel.STATE).data()
            for row in range(model.rowCount())
        }
        assert states == {"web-7": "Reçue\n⚠ Rupture", "web-8": "Reçue"}
        # The mark fits its column at 1024×768: a cashier reads it whole, not cut.
        table = screen.desk.table
        width = table.columnWidth(PickupOrdersModel.STATE)
        metrics = table.fontMetrics()
        parts = states["web-7"].split("\n")
        assert all(metrics.horizontalAdvance(part) + 8 <= width for part in parts)
        marked = model.index(model.row_of("web-7"), PickupOrdersModel.STATE)
        assert marked.data(Qt.ItemDataRole.ForegroundRole) is not None  # in red

        with qtbot.waitSignal(screen.order_shown, timeout=WAIT):
            screen.scan("K7M2-Q9XD")

        detail = screen.desk.detail
        assert f"Stock insuffisant : il manque 1 × {cup} dans ce magasin" in detail.facts.text()
        lines = detail.lines_model
        quantity = lines.index(0, OrderLinesModel.QUANTITY)
        assert quantity.data() == "⚠ 3"
        assert quantity.data(Qt.ItemDataRole.ToolTipRole) == "Stock insuffisant : 1 manquant(s)"
        assert lines.index(1, OrderLinesModel.QUANTITY).data() == "1"

        with qtbot.waitSignal(screen.order_shown, timeout=WAIT):
            screen.scan("AB12-CD34")
        assert "Stock insuffisant" not in detail.facts.text()
    finally:
        controller.shutdown()
