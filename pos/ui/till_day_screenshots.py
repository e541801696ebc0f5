"""The till day as staff will see it, saved as PNG files at 1024×768 (the smallest screen
a till runs on, so cut texts and small keys show): the PIN pad after a wrong PIN, and a
real day on a throwaway demo store, driven through the real window and worker — the
opening count, a cash out, the X report, the blind Z count and the Z with a difference.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

from pos.domain.till_day import MovementReason
from pos.services.screenshot_setup import lay_demo_store
from pos.ui.grab import save_grab, wait_for, wait_until
from pos.ui.i18n import install_translations
from pos.ui.main_window import MainWindow
from pos.ui.qt import (
    QApplication,
    QCoreApplication,
    QEventLoop,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from pos.ui.screens.till_day.cash_movement_dialog import CashMovementDialog
from pos.ui.screens.till_day.x_report_dialog import XReportDialog
from pos.ui.screens.till_day.z_closure_dialog import ZClosureDialog
from pos.ui.staff_screenshots import staff_speak
from pos.ui.till_controller import TillController, TillOptions
from pos.ui.widgets.pin_pad import PinPad
from pos.ui.zoom import set_font

SIZE = (1024, 768)


def _frame(title: str, body: QWidget) -> QWidget:
    frame = QFrame()
    frame.setObjectName("screenshotFrame")
    heading = QLabel(title, frame)
    set_font(heading, 1.6, 1.0, bold=True)
    layout = QVBoxLayout(frame)
    layout.addWidget(heading)
    layout.addWidget(body, 1)
    frame.resize(*SIZE)
    return frame


def _pin_pad(out: Path, language: str) -> Path:
    body = QWidget()
    pad = PinPad(max_length=6, parent=body)
    pad.set_prompt(
        QCoreApplication.translate("TillDayScreenshots", "%1 — type your code").replace(
            "%1", "Julien"
        )
    )
    for digit in "1234":
        pad.press(digit)
    pad.show_refusal(
        QCoreApplication.translate("TillDayScreenshots", "Wrong PIN: %1 tries left.").replace(
            "%1", "3"
        )
    )
    for digit in "25":  # the next try
        pad.press(digit)
    row = QHBoxLayout(body)
    row.addStretch(1)
    row.addWidget(pad, 2)
    row.addStretch(1)
    frame = _frame(QCoreApplication.translate("TillDayScreenshots", "Sign in"), body)
    frame.show()
    path = save_grab(frame, out / f"pin_pad_{language}.png")
    frame.close()
    frame.deleteLater()
    return path


def _codes(db: Path, count: int) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
            "WHERE p.sold_by = 'unit' ORDER BY p.id LIMIT ?",
            (count,),
        ).fetchall()
    finally:
        conn.close()
    return [code for (code,) in rows]


def _sell(window: MainWindow, codes: list[str], *, cash: bool) -> None:
    screen = window.till_screen
    for code in codes:
        screen.scan(code)
        wait_for(screen.basket_shown)
    screen.pay()
    dialog = screen.payment_dialog
    (dialog.quick_buttons[-1] if cash else dialog.card_button).click()
    wait_for(screen.basket_shown)
    dialog.complete_button.click()
    wait_for(screen.sale_shown)
    screen.receipts.choose("decline")
    # The emptied basket follows the sale: the next sale's scans must not take it for theirs.
    deadline = time.monotonic() + 10
    while (screen.view is None or screen.view.lines) and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def _sign_in(window: MainWindow, who: str, pin: str) -> None:
    """F1 then a PIN, as staff switch at the till (the first time: the till opens locked)."""
    if not window.staff.locked:
        window.staff.lock()
    window.controller.request("sign_in", who, pin)
    wait_for(window.staff.signed_in)


def _day(out: Path, language: str, data_dir: Path) -> list[Path]:
    controller = TillController(TillOptions(data_dir, cashier="Camille", demo_if_empty=False))
    window = MainWindow(controller)
    window.resize(*SIZE)
    window.show()
    worker = controller.worker
    controller.start()
    wait_until(lambda: window.day.state is not None)
    _sign_in(window, "camille", "1111")
    day = window.day
    saved = [save_grab(window, out / f"till_opening_{language}.png")]
    day.opening.open_button.click()
    wait_until(lambda: day.can_sell)
    codes = _codes(data_dir / "store.db", 5)
    _sell(window, codes[:3], cash=True)
    _sell(window, codes[3:], cash=False)
    # The manager takes cash to the bank (a cashier would need an approval).
    _sign_in(window, "ines", "3333")
    day.cash_out_action.trigger()
    moving = day.dialog
    assert isinstance(moving, CashMovementDialog)
    moving.set_amount("50,00")
    moving.set_reason(MovementReason.BANK_DEPOSIT)
    saved.append(save_grab(moving, out / f"cash_out_{language}.png"))
    moving.send()
    wait_until(lambda: moving.done_movement is not None)
    figures: list = []
    worker.x_ready.connect(figures.append)
    day.x_action.trigger()
    wait_until(lambda: isinstance(day.dialog, XReportDialog) and bool(figures))
    worker.x_ready.disconnect(figures.append)
    saved.append(save_grab(day.dialog, out / f"x_report_{language}.png"))
    day.dialog.accept()
    # A cashier closes: the difference then needs a manager (the approval dialog).
    _sign_in(window, "camille", "1111")
    day.z_action.trigger()
    wait_until(lambda: isinstance(day.dialog, ZClosureDialog))
    closing = day.dialog
    assert isinstance(closing, ZClosureDialog)
    closing.count_form.set_counts({1000: 9, 500: 3, 200: 10, 100: 12, 50: 7, 20: 5})
    closing.set_others({"card": figures[0].expected("card")})  # the card terminal agrees
    saved.append(save_grab(closing, out / f"z_count_{language}.png"))
    closing.compare()
    wait_until(lambda: closing.pages.currentIndex() == 1)
    saved.append(save_grab(closing, out / f"z_difference_{language}.png"))
    closing.reject()
    controller.shutdown()
    window.close()
    window.deleteLater()
    return saved


def till_day_screenshots(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    saved = [_pin_pad(out, language)]
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        lay_demo_store(data_dir / "store.db", products=200, days=1, today=date.today())
        staff_speak(data_dir / "store.db", language)
        saved += _day(out, language, data_dir)
    QApplication.processEvents()
    return saved
