"""The customer dialog's history: store tickets and web orders, newest first, as central
keeps them for every channel; offline, the copy this till kept, with its age. The
marketing consent can be withdrawn here (the customer asks at the counter)."""

from __future__ import annotations

from datetime import UTC, datetime

from hardware.receipt.formatting import local_time_text
from pos.services.customer_accounts import Customer, CustomerHistory
from pos.ui.i18n import Retranslating
from pos.ui.money import format_money
from pos.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

BUTTON_HEIGHT = 52


class CustomerHistoryPanel(Retranslating, QWidget):
    withdraw_requested = Signal(str)  # customer id
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerHistory")
        self.customer: Customer | None = None
        self.history: CustomerHistory | None = None
        self._now: datetime | None = None  # tests and screenshots fix the age
        self.title = QLabel(self)
        self.title.setObjectName("historyTitle")
        self.age_note = QLabel(self)
        self.age_note.setObjectName("historyAge")
        self.age_note.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("historyTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.consent_note = QLabel(self)
        self.consent_note.setObjectName("consentState")
        self.withdraw_button = QPushButton(self)
        self.withdraw_button.setObjectName("withdrawConsent")
        self.withdraw_button.setMinimumHeight(BUTTON_HEIGHT)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("historyBack")
        self.back_button.setMinimumHeight(BUTTON_HEIGHT)
        self.back_button.clicked.connect(lambda *_: self.back.emit())
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.age_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.consent_note)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Channel"), self.tr("Ticket or order"), self.tr("Total")]
        )
        self.withdraw_button.setText(self.tr("Withdraw marketing consent"))
        self.back_button.setText(self.tr("Back"))
        self._paint()

    def show_customer(self, customer: Customer) -> None:
        """The customer chosen; their history follows (``show_history``)."""
        self.customer, self.history = customer, None
        self._paint()

    def show_history(self, history: CustomerHistory, now: datetime | None = None) -> None:
        self.history = history
        self._now = now
        self._paint()

    def consent_withdrawn(self, customer: Customer) -> None:
        self.customer = customer
        self._paint()

    def _withdraw(self) -> None:
        if self.customer is not None:
            self.withdraw_requested.emit(self.customer.customer_id)

    def _paint(self) -> None:
        customer, history = self.customer, self.history
        self.title.setText(
            self.tr("History of %1").replace("%1", customer.name) if customer else ""
        )
        consent = customer is not None and customer.marketing_consent
        self.withdraw_button.setEnabled(consent)
        self.consent_note.setText(
            self.tr("Marketing consent: given") if consent
            else self.tr("Marketing consent: not given")
        )  # fmt: skip
        self.age_note.setText(self._age_text(history))
        entries = history.entries if history is not None else ()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                local_time_text(entry.at),
                self.tr("Store") if entry.kind == "ticket" else self.tr("Web"),
                self._label(entry),
                format_money(entry.total_cents),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _label(self, entry) -> str:
        if entry.kind == "ticket":
            return (
                self.tr("Ticket %1 · %2")
                .replace("%1", str(entry.ticket_no or ""))
                .replace("%2", entry.store_id or "")
            )
        return (
            self.tr("Order %1 · %2")
            .replace("%1", entry.code or "")
            .replace("%2", entry.state or "")
        )

    def _age_text(self, history: CustomerHistory | None) -> str:
        if history is None:
            return self.tr("Loading the history…")
        if not history.offline:
            return "" if history.entries else self.tr("No purchase yet.")
        if history.fetched_at is None:
            return self.tr("Offline: this till has no copy of this customer's history.")
        return (
            self.tr("Offline: the history as of %1 (%2 ago).")
            .replace("%1", local_time_text(history.fetched_at))
            .replace("%2", self._age(history.fetched_at))
        )

    def _age(self, stamp: str) -> str:
        then = datetime.fromisoformat(stamp)
        then = then if then.tzinfo else then.replace(tzinfo=UTC)
        now = self._now or datetime.now(UTC)
        minutes = max(0, int((now - then).total_seconds() // 60))
        if minutes < 60:
            return self.tr("%1 min").replace("%1", str(minutes))
        if minutes < 48 * 60:
            return self.tr("%1 h").replace("%1", str(minutes // 60))
        return self.tr("%1 days").replace("%1", str(minutes // (24 * 60)))
