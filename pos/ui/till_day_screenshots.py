"""The till day's touch pieces as staff will see them, saved as PNG files: the PIN pad
in a sign-in frame after a wrong PIN, and a drawer being counted by denomination.

Both at 1024×768, the smallest screen a till runs on, so cut texts and small keys show.
The frames around them stand in for the screens that will hold them.
"""

from __future__ import annotations

from pathlib import Path

from pos.domain.cash import DENOMINATIONS
from pos.ui.grab import save_grab
from pos.ui.i18n import install_translations
from pos.ui.qt import (
    QApplication,
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from pos.ui.widgets.cash_count import CashCountForm
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


def _cash_count(out: Path, language: str) -> Path:
    form = CashCountForm(DENOMINATIONS)
    form.set_counts({10: 14, 20: 9, 50: 12, 100: 15, 200: 6, 500: 4, 1000: 5, 2000: 2})
    frame = _frame(
        QCoreApplication.translate(
            "TillDayScreenshots", "Opening the till: count the float in the drawer"
        ),
        form,
    )
    frame.show()
    path = save_grab(frame, out / f"cash_count_{language}.png")
    frame.close()
    frame.deleteLater()
    return path


def till_day_screenshots(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    saved = [_pin_pad(out, language), _cash_count(out, language)]
    QApplication.processEvents()
    return saved
