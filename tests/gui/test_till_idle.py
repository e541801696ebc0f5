"""The till's worker runs ``Checkout.idle`` once its queue is empty: after a scan the
collector's passes are deferred while the sale is open (the next scan runs none), and
Python's thresholds are back once the till stops."""

import gc
import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.services.checkout_idle import BACKSTOP
from pos.ui.main_window import MainWindow


def test_after_a_scan_the_worker_defers_the_collector_until_the_sale_ends(
    qtbot: QtBot, till: MainWindow, data_dir: Path
) -> None:
    conn = sqlite3.connect(data_dir / "store.db")
    (code,) = conn.execute(
        "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
        "WHERE p.sold_by = 'unit' LIMIT 1"
    ).fetchone()
    conn.close()
    python = gc.get_threshold()
    assert python[0] != BACKSTOP
    screen = till.till_screen
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        screen.scan(code)
    qtbot.waitUntil(lambda: gc.get_threshold()[0] == BACKSTOP, timeout=5000)
    till.controller.shutdown()  # the till closes: its checkout gives the collector back
    assert gc.get_threshold() == python
