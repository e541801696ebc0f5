"""The sale panel's customer row: who the sale is for and their points, with "Détacher".

Hidden while no customer is attached. A customer erased centrally since the basket was
parked, whom the till could not detach (payments taken), shows in red.
"""

from __future__ import annotations

from pos.services.attached_customer import AttachedCustomer
from pos.ui.i18n import Retranslating
from pos.ui.qt import QHBoxLayout, QLabel, QLocale, QPushButton, QWidget, Signal

#: A compact row: the right column also holds the total, the keys and the quick keys.
ROW_HEIGHT = 40


class CustomerRow(Retranslating, QWidget):
    detach_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerRow")
        self.customer: AttachedCustomer | None = None
        self.label = QLabel(self)
        self.label.setObjectName("customerLabel")
        self.detach_button = QPushButton(self)
        self.detach_button.setObjectName("detachCustomer")
        self.detach_button.setMinimumHeight(ROW_HEIGHT)
        self.detach_button.clicked.connect(lambda *_: self.detach_requested.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.detach_button)
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.detach_button.setText(self.tr("Detach"))
        self._paint()

    def show_customer(self, customer: AttachedCustomer | None) -> None:
        self.customer = customer
        self.setVisible(customer is not None)
        self._paint()

    def _paint(self) -> None:
        customer = self.customer
        if customer is None:
            self.label.clear()
            return
        if customer.erased:
            self.label.setStyleSheet("color: #b00020;")
            self.label.setText(self.tr("Customer: account closed"))
            return
        self.label.setStyleSheet("")
        self.label.setText(
            self.tr("Customer: %1 · %2 points")
            .replace("%1", customer.name)
            .replace("%2", QLocale().toString(customer.loyalty_points))
        )
