"""The quick-key grid on the till: a unit article rings up, a weighed one asks for its
weight first, a withdrawn one cannot be pressed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.ui.main_window import MainWindow
from pos.ui.till_controller import TillController, TillOptions

WAIT = 5000


def test_the_grid_shows_the_demo_pages_and_rings_articles_up(
    qtbot: QtBot, till: MainWindow
) -> None:
    screen = till.till_screen
    panel = screen.quick_keys
    qtbot.waitUntil(lambda: panel.tabs.count() == 3, timeout=WAIT)
    assert panel.tabs.isVisible()
    pages = [panel.tabs.tabText(i) for i in range(3)]
    assert pages == ["Fruits et légumes", "Coupe", "Boulangerie"]
    assert panel.keys[0].text().endswith("/kg")  # loose produce: priced per kilogram

    # A weighed key with no weight typed: it says what to do and adds nothing.
    with qtbot.waitSignal(screen.refusal_shown, timeout=WAIT):
        panel.keys[0].click()
    assert "grammes" in screen.message_label.text()
    assert screen.model.rowCount() == 0

    screen.scan_field.setText("1250")
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        panel.keys[0].click()
    assert screen.view.lines[-1].quantity == 1250  # grams
    assert screen.scan_field.text() == ""

    panel.tabs.setCurrentIndex(2)  # bakery: unit articles
    name = panel.keys[1].toolTip()
    screen.scan_field.setText("3")
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        panel.keys[1].click()
    line = screen.view.lines[-1]
    assert (line.name, line.quantity) == (name, 3)


def test_a_key_whose_article_was_withdrawn_cannot_be_pressed(qtbot: QtBot, data_dir: Path) -> None:
    with sqlite3.connect(data_dir / "store.db") as conn:
        sku = conn.execute(
            "SELECT sku FROM quick_keys WHERE page_no = 2 AND position = 0"
        ).fetchone()[0]
        conn.execute("UPDATE products SET active = 0 WHERE sku = ?", (sku,))
    controller = TillController(TillOptions(data_dir, cashier="Camille", demo_if_empty=False))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    panel = window.till_screen.quick_keys
    controller.start()
    try:
        qtbot.waitUntil(lambda: panel.tabs.count() == 3, timeout=10_000)
        panel.tabs.setCurrentIndex(2)
        assert not panel.keys[0].isEnabled()
        assert panel.keys[0].text().endswith("(retiré)")
    finally:
        controller.shutdown()
