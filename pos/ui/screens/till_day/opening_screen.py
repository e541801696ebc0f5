"""The till's first screen of the day: count the float, then "Open the till".

Shown instead of the sale while no session is open: nothing can be sold from here. A
session left open too long (``[till] session_max_hours``) is shown for what it is and
leads to its Z first. The count is pre-filled with a usual float (``SUGGESTED_FLOAT``) for
the cashier to check row by row against the drawer.
"""

from __future__ import annotations

from functools import partial

from hardware.receipt.formatting import local_time_text
from pos.domain.cash import DENOMINATIONS
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.money import format_money
from pos.ui.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.till_day_requests import SessionState
from pos.ui.widgets.cash_count import CashCountForm
from pos.ui.widgets.message_line import MessageLine
from pos.ui.zoom import set_font

#: A usual float of 150 € (pieces by denomination in cents), to be checked, not trusted.
SUGGESTED_FLOAT: dict[int, int] = {
    1: 50, 2: 25, 5: 20, 10: 10, 20: 10, 50: 10, 100: 20, 200: 15, 500: 6, 1000: 4, 2000: 1,
}  # fmt: skip


class OpeningScreen(Retranslating, QWidget):
    open_requested = Signal(object)  # counts: dict[int, int] (cents → pieces)
    close_requested = Signal()  # the old session's Z first

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openingScreen")
        self.state: SessionState | None = None
        self.title = QLabel(self)
        self.title.setObjectName("openingTitle")
        self.title.setWordWrap(True)
        set_font(self.title, 1.6, 1.0, bold=True)
        self.hint = QLabel(self)
        self.hint.setObjectName("openingHint")
        self.hint.setWordWrap(True)
        set_font(self.hint, 1.1, 1.0)
        self.form = CashCountForm(DENOMINATIONS, parent=self)
        self.form.set_counts(SUGGESTED_FLOAT)
        # At 1024×768 the rows scroll rather than push the status bar off the screen.
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("openingScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.form)
        self.message = MessageLine(self)
        self.message.setObjectName("openingMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        set_font(self.message, 1.1, 1.0, bold=True)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openTillButton")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeOldSessionButton")
        for button in (self.open_button, self.close_button):
            button.setMinimumHeight(64)
            set_font(button, 1.4, 1.0, bold=True)
        self.open_button.setStyleSheet("background: #1565c0; color: white;")
        self.open_button.clicked.connect(self._open)
        self.close_button.clicked.connect(self.close_requested)
        self.form.changed.connect(self.retranslate_ui)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.open_button, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def show_state(self, state: SessionState) -> None:
        """No session: count and open. A session too old: its Z first."""
        self.state = state
        self.message.clear()
        self.open_button.setEnabled(True)
        self.retranslate_ui()

    def show_refusal(self, code: str, message: str, params: dict) -> None:
        self.open_button.setEnabled(True)
        self.message.say(partial(user_message, code, message, params))

    def _open(self) -> None:
        self.open_button.setEnabled(False)  # one opening per click, the worker answers
        self.message.clear()
        self.open_requested.emit(self.form.counts())

    def retranslate_ui(self) -> None:
        state = self.state
        too_old = state is not None and state.too_old and state.session is not None
        self.scroll.setVisible(not too_old)
        self.open_button.setVisible(not too_old)
        self.close_button.setVisible(too_old)
        self.close_button.setText(self.tr("Close the till (Z)…"))
        self.open_button.setText(
            self.tr("Open the till with %1").replace("%1", format_money(self.form.total_cents()))
        )
        if too_old and state is not None and state.session is not None:
            self.title.setText(self.tr("This till was not closed"))
            self.hint.setText(
                self.tr(
                    "The till session opened on %1 by %2 has been open more than %3 hours: "
                    "close it with its Z (count the drawer), then open the new day."
                )
                .replace("%1", local_time_text(state.session.opened_at))
                .replace("%2", state.session.opened_by.name)
                .replace("%3", str(state.max_hours))
            )
            return
        self.title.setText(self.tr("Opening the till: count the float in the drawer"))
        self.hint.setText(
            self.tr(
                "Count the coins and notes left in the drawer for the day (the opening float) "
                "and correct each row: the count shown is a usual float, not yours."
            )
        )
