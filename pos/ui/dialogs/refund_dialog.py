"""The refund choice of a ticket whose total is below zero: the desk's proposal (the
original card, cash up to the limit, a credit note), which the cashier may turn into a
single credit note, or cash; then "Refund" completes the ticket."""

from __future__ import annotations

from pos.domain.refunds import CASH, CREDIT_NOTE
from pos.domain.sale import SaleTender
from pos.ui.i18n import Retranslating
from pos.ui.money import format_money
from pos.ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)


class RefundDialog(Retranslating, QDialog):
    refund_chosen = Signal(object)  # tuple[SaleTender, ...], negative amounts

    def __init__(self, proposal: tuple[SaleTender, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.tenders = tuple(proposal)
        self.code = next((t.reference for t in proposal if t.kind == CREDIT_NOTE), "")
        self.total_label = QLabel(self)
        self.total_label.setObjectName("refundTotal")
        self.list = QListWidget(self)
        self.list.setObjectName("refundTenders")
        self.credit_note_button = QPushButton(self)
        self.credit_note_button.clicked.connect(lambda: self._all_to(CREDIT_NOTE))
        self.cash_button = QPushButton(self)
        self.cash_button.clicked.connect(lambda: self._all_to(CASH))
        self.refund_button = QPushButton(self)
        self.refund_button.setObjectName("refundButton")
        self.refund_button.setMinimumHeight(52)
        self.refund_button.clicked.connect(self.refund)
        self.close_button = QPushButton(self)
        self.close_button.setMinimumHeight(52)
        self.close_button.clicked.connect(self.reject)
        edits = QHBoxLayout()
        edits.addWidget(self.credit_note_button)
        edits.addWidget(self.cash_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.refund_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.total_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(edits)
        layout.addLayout(buttons)
        self.resize(560, 380)
        self.retranslate_ui()

    def kind_label(self, kind: str) -> str:
        return {
            "card": self.tr("To the card used"),
            CASH: self.tr("Cash"),
            CREDIT_NOTE: self.tr("Credit note"),
        }.get(kind, kind)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Refund"))
        total = -sum(t.amount_cents for t in self.tenders)
        self.total_label.setText(self.tr("To give back: %1").replace("%1", format_money(total)))
        self.credit_note_button.setText(self.tr("All as a credit note"))
        self.cash_button.setText(self.tr("All in cash"))
        self.refund_button.setText(self.tr("Refund"))
        self.close_button.setText(self.tr("Close"))
        self.list.clear()
        for tender in self.tenders:
            text = f"{self.kind_label(tender.kind)} · {format_money(-tender.amount_cents)}"
            if tender.kind == CREDIT_NOTE and tender.reference:
                text += f" · {tender.reference}"
            self.list.addItem(text)

    def _all_to(self, kind: str) -> None:
        total = sum(t.amount_cents for t in self.tenders)
        reference = self.code if kind == CREDIT_NOTE else ""
        self.tenders = (SaleTender(kind, total, reference),)
        self.retranslate_ui()

    def refund(self) -> None:
        self.refund_chosen.emit(self.tenders)
        self.accept()
