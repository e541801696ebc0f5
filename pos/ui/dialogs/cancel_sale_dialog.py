"""F9 asks before it cancels: a whole basket gone on one key press is a customer's
shopping lost and a line in the day's record ("cancelled, with its lines"), so the
cashier confirms what goes, with its count and total, and the safe answer is the default.
"""

from __future__ import annotations

from pos.ui.money import format_money
from pos.ui.qt import QDialog, QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget, Signal
from pos.ui.zoom import set_font


class CancelSaleDialog(QDialog):
    confirmed = Signal()

    def __init__(self, items: int, total_cents: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelSaleDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Cancel the sale"))
        question = (
            self.tr("Cancel the whole sale: 1 item, %1?")
            if items == 1
            else self.tr("Cancel the whole sale: %2 items, %1?").replace("%2", str(items))
        ).replace("%1", format_money(total_cents))
        self.question = QLabel(question, self)
        self.question.setObjectName("cancelSaleQuestion")
        self.question.setWordWrap(True)
        set_font(self.question, 1.3, 1.0, bold=True)
        note = QLabel(self.tr("It is recorded as cancelled, with its lines."), self)
        note.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("No, go on with the sale"), self)
        self.keep_button.setObjectName("keepSale")
        self.cancel_button = QPushButton(self.tr("Yes, cancel the sale"), self)
        self.cancel_button.setObjectName("confirmCancelSale")
        self.cancel_button.setStyleSheet("QPushButton { background: #b3261e; color: white; }")
        for button in (self.keep_button, self.cancel_button):
            button.setMinimumHeight(56)
            button.setAutoDefault(False)
            set_font(button, 1.2, 1.0)
        self.keep_button.setDefault(True)  # Enter keeps the sale
        self.keep_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self._confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(note)
        layout.addLayout(buttons)

    def _confirm(self) -> None:
        self.confirmed.emit()
        self.accept()
