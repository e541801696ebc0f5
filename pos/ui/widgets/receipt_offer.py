"""The bar under the totals after a sale: receipt or not (French rule since August 2023:
a receipt is offered, not printed systematically), and Retry when the printer failed."""

from __future__ import annotations

from pos.ui.qt import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget, Signal


class ReceiptOffer(QFrame):
    chosen = Signal(str)  # "print", "preview", "decline"
    retry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self.tr("Receipt?"), self)
        self.print_button = self._button("printReceipt", self.tr("Print"), "print")
        self.preview_button = self._button("previewReceipt", self.tr("Show"), "preview")
        self.decline_button = self._button("noReceipt", self.tr("No receipt"), "decline")
        self.retry_button = QPushButton(self.tr("Retry printing"), self)
        self.retry_button.setObjectName("retryPrint")
        self.retry_button.setMinimumHeight(48)
        self.retry_button.clicked.connect(self.retry)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label)
        for button in (self.print_button, self.preview_button, self.decline_button):
            layout.addWidget(button)
        layout.addWidget(self.retry_button)
        self.hide()

    def _button(self, name: str, text: str, choice: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setMinimumHeight(48)
        button.clicked.connect(lambda: self.chosen.emit(choice))
        return button

    def offer(self) -> None:
        self.label.setText(self.tr("Receipt?"))
        self._show_choices(True)

    def offer_retry(self) -> None:
        self.label.setText(self.tr("The receipt was not printed."))
        self._show_choices(False)

    def _show_choices(self, choices: bool) -> None:
        for button in (self.print_button, self.preview_button, self.decline_button):
            button.setVisible(choices)
        self.retry_button.setVisible(not choices)
        self.show()
