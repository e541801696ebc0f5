"""A whole sale driven by keyboard-wedge scanner bursts, as the app wires them."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.printer.connections import PrinterConfig
from hardware.printer.fake import FakePrinter
from hardware.scanners import ScannerSettings
from pos.domain.money import format_eur
from pos.ui.main_window import MainWindow
from pos.ui.printer_worker import PrinterThread
from pos.ui.qt import QApplication, QEvent, QKeyEvent, Qt, QWidget
from pos.ui.receipt_flow import ReceiptPolicy
from pos.ui.scanner_filter import ScannerFilter
from pos.ui.till_controller import TillController, TillOptions

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


def test_a_sale_by_bursts_reaches_the_printed_bytes(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    """Scanner bursts → basket → cash payment → a receipt printed in code page 1252."""
    fake = FakePrinter(PrinterConfig(kind="dummy", codepage="CP1252", columns=48))
    printer = PrinterThread(lambda: fake)
    controller = TillController(TillOptions(data_dir, cashier="Léa", demo_if_empty=False))
    window = MainWindow(controller, printer, ReceiptPolicy(default="print", codepage="CP1252"))
    qtbot.addWidget(window)
    window.show()
    printer.start()
    with qtbot.waitSignal(window.till_screen.basket_shown, timeout=10_000):
        controller.start()
    wedge = ScannerFilter(ScannerSettings(), clock=clock)
    QApplication.instance().installEventFilter(wedge)
    wedge.barcode_scanned.connect(window.till_screen.scan)
    try:
        screen = window.till_screen
        for code in _codes(data_dir, 3):
            with qtbot.waitSignal(screen.basket_shown, timeout=5000):
                burst(screen.scan_field, code, clock)
        screen.pay()
        dialog = screen.payment_dialog
        with qtbot.waitSignal(screen.basket_shown, timeout=5000):
            dialog.quick_buttons[-1].click()
        with (
            qtbot.waitSignal(screen.receipts.print_finished, timeout=10_000) as printed,
            qtbot.waitSignal(screen.sale_shown, timeout=5000) as done,
        ):
            dialog.complete_button.click()
        assert printed.args[0].ok
    finally:
        wedge.close()
        controller.shutdown()
        printer.shutdown()
    sale = done.args[0]
    raw = fake.jobs[-1]
    text = raw.decode("cp1252")
    assert b"\x1bt\x10" in raw  # ESC t 16: code page 1252 selected explicitly
    for line in sale.draft.lines:
        assert line.name[:20] in text
    for vat in sale.draft.vat:
        assert format_eur(vat.vat_cents).replace("\u00a0€", "") in text
    assert "TOTAL TTC" in text and format_eur(sale.draft.total_cents).replace("\u00a0", " ") in text
    assert b"\x80" in raw  # € is 0x80 in code page 1252
    assert fake.drawer_openings == 1  # paid in cash
