"""Nothing heavy is built on the GUI thread after start (issue 18.2): the pickup desk and
the stock screen exist only once first used, and a pickup QR scanned at the till before
the desk exists builds it, then opens the order."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.services.pickup_scene import catalog_items, feed_order, pull
from pos.store.local_store import LocalStore
from pos.ui.screens.pickup_screen import PickupScreen
from pos.ui.screens.stock_screen import StockScreen
from sync.contract.codes import pickup_qr_text

WAIT = 10_000


def test_the_desk_and_stock_are_built_on_first_use_and_a_pickup_qr_builds_the_desk(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    with LocalStore(data_dir / "store.db") as store:
        a, b = catalog_items(store, 2)
        pull(store, feed_order("web-5", "MN45-PQ67", ("Léa Roux", "lea@example.org", "06"),
                               [(a, 1), (b, 2)], state="ready", version=3))  # fmt: skip
    app = make_app(None)  # started, Camille signed in: the till sells
    # Well past the old delays (the desk at 400 ms, stock at 600 ms after the store opened).
    qtbot.wait(1000)
    assert app.window.pickup_action.isEnabled() and app.window.stock_action.isEnabled()
    assert app.pickup is None and app.pickup_screen is None and app.stock.screen is None
    assert not app.window.findChildren(PickupScreen)
    assert not app.window.findChildren(StockScreen)
    app.window.till_screen.scan(pickup_qr_text("web-5", "MN45-PQ67"))  # at the till
    assert app.pickup_screen is None  # not in one go: a piece per event-loop turn
    qtbot.waitUntil(lambda: app.window.on_pickup_desk, timeout=WAIT)  # a piece per turn
    desk = app.pickup_screen
    assert desk is not None
    qtbot.waitUntil(lambda: desk.handover.order is not None, timeout=WAIT)
    assert desk.handover.order.id == "web-5"
    assert len(app.window.findChildren(PickupScreen)) == 1
