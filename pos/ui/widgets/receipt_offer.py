"""The bar under the totals after a sale: receipt or not (French rule since August 2023:
a receipt is offered, not printed systematically), and Retry when the printer failed."""

from __future__ import annotations

from pos.ui.i18n import Retranslating
from pos.ui.qt import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget, Signal


class ReceiptOffer(Retranslating, QFrame):
    chosen = Signal(str)  # "print", "preview", "decline"
    retry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._retrying = False
        self.label = QLabel(self)
        self.print_button = self._button("printReceipt", "print")
        self.preview_button = self._button("previewReceipt", "preview")
        self.decline_button = self._button("noReceipt", "decline")
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("retryPrint")
        self.retry_button.setMinimumHeight(48)
        self.retry_button.clicked.connect(self.retry)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the column is full at 1024×768 after a sale
        layout.addWidget(self.label)
        for button in (self.print_button, self.preview_button, self.decline_button):
            layout.addWidget(button)
        layout.addWidget(self.retry_button)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self.print_button.setText(self.tr("Print"))
        self.preview_button.setText(self.tr("Show"))
        self.decline_button.setText(self.tr("No receipt"))
        self.retry_button.setText(self.tr("Retry printing"))
        self.label.setText(
            self.tr("The receipt was not printed.") if self._retrying else self.tr("Receipt?")
        )

    def _button(self, name: str, choice: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setMinimumHeight(48)
        button.clicked.connect(lambda: self.chosen.emit(choice))
        return button

    def offer(self) -> None:
        self._retrying = False
        self.retranslate_ui()
        self._show_choices(True)

    def offer_retry(self) -> None:
        self._retrying = True
        self.retranslate_ui()
        self._show_choices(False)

    def _show_choices(self, choices: bool) -> None:
        for button in (self.print_button, self.preview_button, self.decline_button):
            button.setVisible(choices)
        self.retry_button.setVisible(not choices)
        self.show()
