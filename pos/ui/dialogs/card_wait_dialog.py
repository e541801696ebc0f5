"""While the payment terminal waits for the customer's card: "Present the card to the
terminal…" with the amount, and Cancel, which stops the till's wait (the worker's
exchange watches an event; nothing here blocks). The dialog closes on the worker's
answer: the basket repainted (approved, the card tender in it) or a refusal (declined,
no answer, cancelled: nothing added)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos.ui.i18n import Retranslating
from pos.ui.money import format_money
from pos.ui.qt import QDialog, QFont, QLabel, QPushButton, Qt, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from pos.ui.screens.till_screen import TillScreen


class CardWaitDialog(Retranslating, QDialog):
    def __init__(
        self, screen: TillScreen, amount_cents: int, refund: bool = False,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent or screen)
        self.setObjectName("cardWaitDialog")
        self.setModal(True)
        self.screen = screen
        self.amount_cents = amount_cents
        self.refund = refund
        self.prompt = QLabel(self)
        self.prompt.setObjectName("cardPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        font = QFont(self.prompt.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.prompt.setFont(font)
        self.amount_label = QLabel(self)
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cardCancelButton")
        self.cancel_button.setMinimumHeight(52)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.stop_waiting)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.cancel_button)
        self.resize(460, 220)
        self.retranslate_ui()
        screen.basket_shown.connect(self._answered)
        screen.refusal_shown.connect(self._answered)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Payment terminal"))
        self.prompt.setText(self.tr("Present the card to the terminal…"))
        template = self.tr("Refund: %1") if self.refund else self.tr("Amount: %1")
        self.amount_label.setText(template.replace("%1", format_money(self.amount_cents)))
        if self.cancel_button.isEnabled():
            self.cancel_button.setText(self.tr("Cancel"))
        else:
            self.cancel_button.setText(self.tr("Stopping…"))

    def stop_waiting(self) -> None:
        """The till stops waiting (the worker answers with a refusal, which closes us)."""
        self.cancel_button.setEnabled(False)
        self.retranslate_ui()
        self.screen.controller.worker.cancel_card()

    def reject(self) -> None:  # Escape: the same as Cancel, never a silent close
        self.stop_waiting()

    def _answered(self, *_args: object) -> None:
        self.screen.basket_shown.disconnect(self._answered)
        self.screen.refusal_shown.disconnect(self._answered)
        self.accept()
