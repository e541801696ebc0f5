"""Why the drawer opens without a sale: a short list, or "other" with a few words.

The reason is recorded with the opening (``pos.services.drawer``); it is asked before
the till tries, so a manager approving it sees why.
"""

from __future__ import annotations

from functools import partial

from pos.ui.qt import QDialog, QLineEdit, QPushButton, Qt, QVBoxLayout, QWidget, Signal
from pos.ui.zoom import set_font


class DrawerReasonDialog(QDialog):
    chosen = Signal(str)  # the reason, in the words shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawerReasonDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Open the drawer without a sale"))
        layout = QVBoxLayout(self)
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("change", self.tr("Give change for a customer")),
            ("check", self.tr("Check the cash")),
            ("correction", self.tr("Correct a mistake on a sale")),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"drawerReason_{key}")
            button.setMinimumHeight(56)
            set_font(button, 1.3, 1.0)
            button.clicked.connect(partial(self.choose, text))
            layout.addWidget(button)
            self.buttons[key] = button
        self.other = QLineEdit(self)
        self.other.setObjectName("drawerReasonOther")
        self.other.setPlaceholderText(self.tr("Other reason: type it, then Enter"))
        self.other.setMaxLength(200)
        set_font(self.other, 1.3, 1.0)
        self.other.returnPressed.connect(lambda: self.choose(self.other.text()))
        layout.addWidget(self.other)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setMinimumHeight(48)
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)

    def choose(self, reason: str) -> None:
        reason = " ".join(reason.split())
        if reason:
            self.chosen.emit(reason)
            self.accept()
