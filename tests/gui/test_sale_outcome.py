"""After a sale the till shows the change to give back, big, until the next scan or key;
"Payé par carte" when nothing is given back. The customer display says the same."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.ui.customer_display import CustomerDisplay
from pos.ui.main_window import MainWindow
from pos.ui.qt import QApplication
from tests.gui.selling import accented_codes, sell


def _euros(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}\u00a0€"


def test_the_change_shows_big_until_the_next_scan(
    qtbot: QtBot, till: MainWindow, data_dir: Path
) -> None:
    screen = till.till_screen
    customer = CustomerDisplay("Comptoir")
    qtbot.addWidget(customer)
    till.controller.worker.changed.connect(customer.show_basket)
    till.controller.worker.completed.connect(customer.show_completed)
    codes = accented_codes(data_dir, 3)
    sale = sell(qtbot, till, codes[:2], cash=True)
    change = sale.draft.change_cents
    assert change > 0  # paid with the largest note
    outcome = screen.sale_panel.outcome_label
    qtbot.waitUntil(lambda: outcome.isVisible())
    assert outcome.text() == f"À rendre : {_euros(change)}"
    # Very large: in the total's place and size, and still within 1024×768.
    assert not screen.total_label.isVisible()
    assert outcome.font().pointSizeF() == screen.total_label.font().pointSizeF()
    assert outcome.font().pointSizeF() >= 2.5 * QApplication.font().pointSizeF()
    till.resize(1024, 768)  # on one line, whole, at 1024×768
    assert outcome.fontMetrics().horizontalAdvance(outcome.text()) <= outcome.width()
    qtbot.waitUntil(lambda: customer.change.text() == f"Votre monnaie : {_euros(change)}")
    # The emptied basket that follows the sale keeps it on screen…
    qtbot.waitUntil(lambda: screen.view is not None and not screen.view.lines)
    assert outcome.isVisible()
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        screen.scan(codes[2])  # …the next customer's first article takes it away
    assert not outcome.isVisible() and screen.total_label.isVisible()


def test_a_card_sale_says_paid_by_card_until_a_key(
    qtbot: QtBot, till: MainWindow, data_dir: Path
) -> None:
    screen = till.till_screen
    customer = CustomerDisplay("Comptoir")
    qtbot.addWidget(customer)
    till.controller.worker.completed.connect(customer.show_completed)
    sell(qtbot, till, accented_codes(data_dir, 1), cash=False)
    outcome = screen.sale_panel.outcome_label
    qtbot.waitUntil(lambda: outcome.isVisible())
    assert outcome.text() == "Payé par carte"
    qtbot.waitUntil(lambda: customer.change.text() == "Payé par carte")
    screen.keys.buttons["F8"].click()  # any key: the next sale has begun
    assert not outcome.isVisible()
