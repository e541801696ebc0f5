"""Training mode on the real till screen: a manager switches it from the menu, a banner
says "MODE FORMATION" above every screen, practice sales are not sales."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.ui.main_window import MainWindow
from tests.gui.selling import accented_codes, rows, sell, sign_in


def _switch(qtbot: QtBot, window: MainWindow, on: bool) -> None:
    with qtbot.waitSignal(window.controller.worker.training_changed, timeout=5000) as got:
        window.training_action.trigger()
    assert got.args == [on]
    qtbot.waitUntil(lambda: window.training_banner.on is on, timeout=5000)  # queued to it


def test_a_manager_turns_training_on_and_the_banner_stays_until_off(
    qtbot: QtBot, till: MainWindow, data_dir: Path
) -> None:
    banner = till.training_banner
    assert not banner.isVisible()
    with qtbot.waitSignal(till.till_screen.refusal_shown, timeout=5000) as refused:
        till.training_action.trigger()  # Camille, a cashier: refused
    assert refused.args == ["right_refused"] and not banner.isVisible()
    assert not till.training_action.isChecked()

    sign_in(qtbot, till, "ines", "3333")
    sales_before = rows(data_dir, "SELECT count(*) FROM sales")
    _switch(qtbot, till, True)
    assert banner.isVisible() and banner.text().startswith("MODE FORMATION")
    assert till.training_action.isChecked()
    sale = sell(qtbot, till, accented_codes(data_dir, 1), cash=True)
    assert sale.training and sale.ticket_no == 1
    assert "Ticket de formation 1" in till.till_screen.message_label.text()
    assert banner.isVisible()  # still there after the sale
    assert rows(data_dir, "SELECT count(*) FROM sales") == sales_before
    assert rows(data_dir, "SELECT count(*) FROM drawer_events WHERE sale_id IS NOT NULL") == [
        (0,)
    ]  # practice cash: the drawer stays shut
    _switch(qtbot, till, False)
    assert not banner.isVisible() and not till.training_action.isChecked()
