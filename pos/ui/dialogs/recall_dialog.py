"""Recall a parked sale: the list of sales put aside on this till, newest last."""

from __future__ import annotations

from pos.domain.basket_codec import basket_from_dict
from pos.ui.money import format_money
from pos.ui.qt import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class RecallDialog(QDialog):
    chosen = Signal(str)  # the parked sale's id

    def __init__(self, parked: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recallDialog")
        self.setWindowTitle(self.tr("Parked sales"))
        self.list = QListWidget(self)
        for sale in parked:
            total = basket_from_dict(sale.payload["basket"]).totals().total_cents
            time = sale.parked_at[11:16]
            text = f"{time} · {sale.cashier} · {format_money(total)} {sale.label}".strip()
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, sale.id)
            self.list.addItem(item)
        self.list.setCurrentRow(self.list.count() - 1)
        self.list.itemActivated.connect(lambda _item: self.resume())
        resume = QPushButton(self.tr("Resume"), self)
        resume.setObjectName("resumeButton")
        resume.setMinimumHeight(52)
        resume.clicked.connect(self.resume)
        close = QPushButton(self.tr("Close"), self)
        close.setMinimumHeight(52)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addWidget(resume)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.resize(520, 360)

    def resume(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
            self.accept()
