"""Every screen of the till, and the till day's dialogs, fit a 1024×768 screen with the
window's frame, menu and status bar: nothing pushes the status bar off the screen."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.domain.till_day import MovementKind
from pos.ui.main_window import MainWindow
from pos.ui.screens.till_day.cash_movement_dialog import CashMovementDialog
from pos.ui.screens.till_day.z_closure_dialog import ZClosureDialog
from tests.gui.selling import accented_codes, sell

#: A window manager's title bar and borders, at most.
FRAME = 32
SCREEN = (1024, 768)


def _no_approval(*_args):
    return None


def test_each_screen_and_till_day_dialog_fits_1024x768(qtbot: QtBot, till: MainWindow) -> None:
    width, height = SCREEN
    chrome = till.menuBar().sizeHint().height() + till.statusBar().sizeHint().height()
    for index in range(till.stack.count()):
        screen = till.stack.widget(index)
        hint = screen.minimumSizeHint()
        assert hint.height() + chrome <= height - FRAME, screen.objectName()
        assert hint.width() <= width, screen.objectName()
    assert till.minimumSizeHint().height() <= height - FRAME
    till.resize(*SCREEN)
    till.stack.setCurrentWidget(till.day.opening)  # the new user's first screen
    assert till.height() == height and till.statusBar().isVisible()
    # The till day's dialogs too (cash in and out, the Z's count and comparison).
    dialogs = [
        ZClosureDialog(till.controller, _no_approval, till),
        *(CashMovementDialog(till.controller, kind, _no_approval, till) for kind in MovementKind),
    ]
    for dialog in dialogs:
        hint = dialog.minimumSizeHint()
        assert hint.height() <= height - FRAME and hint.width() <= width, dialog.objectName()
        dialog.deleteLater()


def test_the_till_after_a_cash_sale_still_fits_1024x768(
    qtbot: QtBot, till: MainWindow, data_dir: Path
) -> None:
    """The busiest moment: the change shown big, the VAT lines, the receipt offer, the keys."""
    sale = sell(qtbot, till, accented_codes(data_dir, 3), cash=True)
    assert sale.draft.change_cents > 0
    screen = till.till_screen
    qtbot.waitUntil(lambda: screen.sale_panel.outcome_label.isVisible(), timeout=5000)
    chrome = till.menuBar().sizeHint().height() + till.statusBar().sizeHint().height()
    parts = {
        name: widget.minimumSizeHint().height()
        for name, widget in (
            ("panel", screen.sale_panel),
            ("offer", screen.receipt_offer),
            ("quick", screen.quick_keys),
        )
    }
    assert screen.minimumSizeHint().height() + chrome <= SCREEN[1] - FRAME, parts
