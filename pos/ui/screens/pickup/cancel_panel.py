"""Cancelling an order, in place: a reason, then a second press to confirm.

Inline rather than a modal dialog, so a scan or the sync never waits behind it and a
touch screen needs no popup; central gets the reason with the cancellation.
"""

from __future__ import annotations

from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.zoom import set_font


class CancelPanel(Retranslating, QFrame):
    confirmed = Signal(str)  # the reason ("" when none was typed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelPanel")
        self.setStyleSheet("#cancelPanel { border: 2px solid #b00020; border-radius: 6px; }")
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.reason_field = QLineEdit(self)
        self.reason_field.setObjectName("cancelReason")
        self.reason_field.returnPressed.connect(self._confirm)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("confirmCancel")
        self.confirm_button.setStyleSheet("background: #b00020; color: white;")
        self.confirm_button.clicked.connect(self._confirm)
        self.keep_button = QPushButton(self)
        self.keep_button.setObjectName("keepOrder")
        self.keep_button.clicked.connect(self.close_panel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.reason_field)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self.question.setText(self.tr("Cancel this order? The customer is told by e-mail."))
        self.reason_field.setPlaceholderText(
            self.tr("Reason (e.g. the customer changed their mind)")
        )
        self.confirm_button.setText(self.tr("Cancel the order"))
        self.keep_button.setText(self.tr("Keep it"))

    def apply_zoom(self, zoom: float) -> None:
        """Set on each child: a style sheet stops fonts passing down from the screen."""
        set_font(self.question, 1.1, zoom)
        set_font(self.reason_field, 1.15, zoom)
        for button in (self.confirm_button, self.keep_button):
            set_font(button, 1.1, zoom, bold=button is self.confirm_button)
            button.setMinimumHeight(round(48 * zoom))

    def open_panel(self) -> None:
        self.reason_field.clear()
        self.show()
        self.reason_field.setFocus()

    def close_panel(self) -> None:
        self.reason_field.clear()
        self.hide()

    def _confirm(self) -> None:
        reason = self.reason_field.text().strip()
        self.close_panel()
        self.confirmed.emit(reason)
