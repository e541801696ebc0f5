"""A whole sale driven by keyboard-wedge scanner bursts, as the app wires them."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.scanners import ScannerSettings
from pos.ui.main_window import MainWindow
from pos.ui.qt import QApplication, QEvent, QKeyEvent, Qt, QWidget
from pos.ui.scanner_filter import ScannerFilter

STEP = 0.003  # seconds between a scanner's keys


class Clock:
    now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def scanner(till: MainWindow, clock: Clock) -> Iterator[ScannerFilter]:
    wedge = ScannerFilter(ScannerSettings(), clock=clock)
    QApplication.instance().installEventFilter(wedge)
    wedge.barcode_scanned.connect(till.till_screen.scan)
    yield wedge
    wedge.close()


def burst(widget: QWidget, code: str, clock: Clock) -> None:
    for char in code + "\r":
        key = Qt.Key.Key_Return if char == "\r" else ord(char)
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(widget, event)
        clock.now += STEP


def _codes(data_dir: Path, n: int) -> list[str]:
    conn = sqlite3.connect(data_dir / "store.db")
    rows = conn.execute(
        "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
        "WHERE p.sold_by = 'unit' ORDER BY p.id DESC LIMIT ?",
        (n,),
    ).fetchall()
    conn.close()
    return [code for (code,) in rows]


def test_bursts_fill_the_basket_and_never_land_in_a_field(
    qtbot: QtBot, till: MainWindow, scanner: ScannerFilter, clock: Clock, data_dir: Path
) -> None:
    screen = till.till_screen
    codes = _codes(data_dir, 4)
    for code in codes[:3]:
        with qtbot.waitSignal(screen.basket_shown, timeout=5000):
            burst(screen.search_field, code, clock)  # focus happens to be on the search field
    assert screen.model.rowCount() == 3
    assert screen.search_field.text() == "" and screen.scan_field.text() == ""

    screen.pay()
    dialog = screen.payment_dialog
    dialog.amount_field.setFocus()
    typed = dialog.amount_field.text()
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        dialog.card_button.click()
    with qtbot.waitSignal(screen.refusal_shown, timeout=5000) as refused:
        burst(dialog.amount_field, codes[3], clock)  # a scan while the dialog has focus
    assert refused.args[0] == "payments_taken"
    assert codes[3] not in dialog.amount_field.text() and dialog.isVisible()
    assert screen.model.rowCount() == 3 and typed
    with qtbot.waitSignal(screen.sale_shown, timeout=5000) as done:
        dialog.complete_button.click()
    assert len(done.args[0].draft.lines) == 3
