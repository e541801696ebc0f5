"""One order beside the desk's list: who, what, when, its history, and the next step.

Only the step the order's state allows is offered: prepare a received or preparing
order, hand over a ready one; any open order can be cancelled (with a reason).
"""

from __future__ import annotations

from datetime import tzinfo
from html import escape

from pos.domain.pickup import PickupState
from pos.services.pickup_desk import DeskOrder
from pos.ui.i18n import Retranslating, retranslate_model
from pos.ui.models.pickup_model import OrderLinesModel, moment_text, short_text, state_text
from pos.ui.money import format_money
from pos.ui.qt import (
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.screens.pickup.cancel_panel import CancelPanel
from pos.ui.screens.pickup.display import fit_rows
from pos.ui.widgets.tables import row_table, stretch_column
from pos.ui.zoom import set_font

#: History events shown (newest last); the rest is on central.
HISTORY_SHOWN = 4


class OrderDetail(Retranslating, QWidget):
    prepare_requested = Signal(str)  # order id
    handover_requested = Signal(object)  # DeskOrder
    cancel_requested = Signal(str, str)  # order id, reason

    def __init__(self, tz: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderDetail")
        self.order: DeskOrder | None = None
        self._tz = tz
        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        self.customer = QLabel(self)
        self.customer.setObjectName("detailCustomer")
        self.customer.setWordWrap(True)
        self.customer.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = QLabel(self)
        self.facts.setObjectName("detailFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.lines_model = OrderLinesModel(self)
        self.lines = row_table(self.lines_model, "detailLines", self, selectable=False)
        stretch_column(self.lines, OrderLinesModel.ITEM)
        self.history = QLabel(self)
        self.history.setObjectName("detailHistory")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.history.setStyleSheet("color: #444;")
        self.cancel_panel = CancelPanel(self)
        self.cancel_panel.confirmed.connect(self._cancel_confirmed)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #666;")
        self._build()
        self.show_order(None)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.empty.setText(self.tr("Choose an order in the list, or scan its code."))
        self.handover_button.setText(self.tr("Hand over"))
        self.cancel_button.setText(self.tr("Cancel order…"))
        retranslate_model(self.lines_model)
        if self.order is not None:
            self.show_order(self.order)
        else:
            self.prepare_button.setText(self.tr("Prepare"))

    def _build(self) -> None:
        self.prepare_button = QPushButton(self)
        self.prepare_button.setObjectName("prepareButton")
        self.prepare_button.clicked.connect(self._prepare)
        self.handover_button = QPushButton(self)
        self.handover_button.setObjectName("handoverButton")
        self.handover_button.clicked.connect(self._handover)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_panel.open_panel)
        for button in (self.prepare_button, self.handover_button):
            button.setStyleSheet("background: #1d4f91; color: white; font-weight: bold;")
        buttons = QVBoxLayout()  # one above the other: the panel stays narrow
        buttons.addWidget(self.prepare_button)
        buttons.addWidget(self.handover_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.empty, 100)
        for widget in (self.title, self.customer, self.facts):
            layout.addWidget(widget)
        layout.addWidget(self.lines, 100)  # as high as its rows, the spacer takes the rest
        layout.addWidget(self.history)
        layout.addStretch(1)
        layout.addWidget(self.cancel_panel)
        layout.addLayout(buttons)
        self.buttons = (self.prepare_button, self.handover_button, self.cancel_button)

    def apply_zoom(self, zoom: float) -> None:
        set_font(self.title, 1.2, zoom, bold=True)
        set_font(self.customer, 1.6, zoom, bold=True)
        set_font(self.facts, 1.05, zoom)
        set_font(self.lines, 1.05, zoom)
        set_font(self.history, 0.95, zoom)
        set_font(self.empty, 1.2, zoom)
        self.cancel_panel.apply_zoom(zoom)
        self.lines.verticalHeader().setDefaultSectionSize(round(32 * zoom))
        fit_rows(self.lines)
        for button in self.buttons:
            set_font(button, 1.15, zoom, bold=button is not self.cancel_button)
            button.setMinimumHeight(round(56 * zoom))

    def show_order(self, order: DeskOrder | None) -> None:
        if order is None or not order.is_open or self.order is None or order.id != self.order.id:
            self.cancel_panel.close_panel()
        self.order = order
        self.empty.setVisible(order is None)
        for widget in (self.title, self.customer, self.facts, self.lines, self.history):
            widget.setVisible(order is not None)
        self.lines_model.set_order(order)
        fit_rows(self.lines)
        if order is None:
            for button in self.buttons:
                button.hide()
            return
        self.title.setText(f"{order.pickup_code}  ·  {order.id}")
        self.customer.setText(order.customer_name)
        self.facts.setText(self._facts(order))
        self.history.setText(self._history(order))
        self.prepare_button.setVisible(order.state in (PickupState.RECEIVED, PickupState.PREPARING))
        self.prepare_button.setText(
            self.tr("Prepare")
            if order.state is PickupState.RECEIVED
            else self.tr("Continue preparing")
        )
        self.handover_button.setVisible(order.state is PickupState.READY)
        self.cancel_button.setVisible(order.is_open)

    def _facts(self, order: DeskOrder) -> str:
        contact = " · ".join(
            escape(part) for part in (order.customer_email, order.customer_phone) if part
        )
        paid = self.tr("Paid online") if order.paid else self.tr("To pay in store")
        due = (
            self.tr("Pickup %1").replace("%1", moment_text(order.due_at, self._tz))
            if order.due_at
            else self.tr("Pickup any time")
        )
        facts = [
            contact,
            f"<b>{escape(state_text(order.state))}</b> · {escape(paid)} · "
            f"{escape(format_money(order.total_cents))}",
            escape(due),
        ]
        if order.partial:
            facts.append(escape(self.tr("Prepared with items missing.")))
        if order.short_lines and order.is_open:
            missing = ", ".join(short_text(line) for line in order.short_lines)
            text = self.tr("Short of stock: %1 missing in this store").replace("%1", missing)
            facts.append(f"<span style='color:#b00020'><b>⚠ {escape(text)}</b></span>")
        if order.unsynced:
            facts.append(
                "<span style='color:#8a5a00'>● "
                + escape(self.tr("Not sent to the central server yet"))
                + "</span>"
            )
        return "<br>".join(part for part in facts if part)

    def _history(self, order: DeskOrder) -> str:
        lines = []
        for event in order.history[-HISTORY_SHOWN:]:
            who = event.staff or {"web": self.tr("web shop"), "central": self.tr("central")}.get(
                event.channel, event.channel
            )
            text = f"{moment_text(event.at, self._tz)} — {state_text(event.state)} ({who})"
            if event.reason:
                text += f": {event.reason}"
            lines.append(text)
        return "\n".join(lines)

    def _prepare(self) -> None:
        if self.order is not None:
            self.prepare_requested.emit(self.order.id)

    def _handover(self) -> None:
        if self.order is not None:
            self.handover_requested.emit(self.order)

    def _cancel_confirmed(self, reason: str) -> None:
        if self.order is not None:
            self.cancel_requested.emit(self.order.id, reason)
