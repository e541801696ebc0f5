"""Handing a ready order over: the customer's name large enough to check against an ID,
the lines as picked, paid online or to pay in store, and then the handover slip.

A prepaid order is handed over here; an order to pay in store goes to the till first
(its lines at the order's prices) and is handed over once the sale is recorded.
"""

from __future__ import annotations

from datetime import tzinfo
from html import escape

from pos.domain.pickup import PickupState
from pos.services.pickup_desk import DeskOrder, HandoverSlip
from pos.ui.i18n import Retranslating, retranslate_model
from pos.ui.models.pickup_model import (
    OrderLinesModel,
    moment_text,
    quantity_text,
    state_text,
    time_text,
)
from pos.ui.money import format_money
from pos.ui.qt import (
    QFrame,
    QHBoxLayout,
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

_BADGE = "padding: 10px 14px; border-radius: 8px; "
_PAID = _BADGE + "background: #e3f4e4; color: #1b5e20;"
_TO_PAY = _BADGE + "background: #fff1c2; color: #7a4f00;"


class HandoverView(Retranslating, QWidget):
    hand_over_requested = Signal(str)  # order id (prepaid)
    pay_requested = Signal(str)  # order id (to pay at the till)
    cancel_requested = Signal(str, str)  # order id, reason
    without_code_requested = Signal(str)  # order id: a manager approves, no code shown
    reprint_requested = Signal(object)  # HandoverSlip
    back_requested = Signal()

    def __init__(self, tz: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverView")
        self._tz = tz
        self.order: DeskOrder | None = None
        self.slip: HandoverSlip | None = None
        self.model = OrderLinesModel(self)
        self.cancel_panel = CancelPanel(self)
        self.cancel_panel.confirmed.connect(self._cancel_confirmed)
        self._build()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.hint.setText(self.tr("Check the customer's ID before handing over."))
        for button, text in (
            (self.back_button, self.tr("Back to the desk")),
            (self.cancel_button, self.tr("Cancel order…")),
            (self.reprint_button, self.tr("Print the slip again")),
            (self.give_button, self.tr("Hand over")),
            (self.without_code_button, self.tr("Hand over without the code…")),
        ):
            button.setText(text)
        self._word_pay_button()
        retranslate_model(self.model)
        if self.order is not None:
            self.show_order(self.order)
        if self.slip is not None:
            self._show_slip_text(self.slip)

    def _build(self) -> None:
        self.hint = QLabel(self)
        self.name = QLabel(self)
        self.name.setObjectName("handoverName")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        self.code = QLabel(self)
        self.code.setObjectName("handoverCode")
        self.paid = QLabel(self)
        self.paid.setObjectName("handoverPaid")
        self.paid.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setObjectName("handoverFacts")
        self.facts.setWordWrap(True)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.table = row_table(self.model, "handoverLines", self, selectable=False)
        stretch_column(self.table, OrderLinesModel.ITEM)
        self.slip_frame = QFrame(self)
        self.slip_frame.setObjectName("slipFrame")
        self.slip_frame.setStyleSheet("#slipFrame { background: #e3f4e4; border-radius: 6px; }")
        self.slip_label = QLabel(self.slip_frame)
        self.slip_label.setObjectName("slipLabel")
        self.slip_label.setWordWrap(True)
        self.slip_label.setTextFormat(Qt.TextFormat.RichText)
        slip_layout = QVBoxLayout(self.slip_frame)
        slip_layout.addWidget(self.slip_label)
        self.slip_frame.hide()

        self.back_button = self._button("handoverBack")
        self.back_button.clicked.connect(self.back_requested)
        self.cancel_button = self._button("handoverCancel")
        self.cancel_button.clicked.connect(self.cancel_panel.open_panel)
        self.reprint_button = self._button("reprintSlip")
        self.reprint_button.clicked.connect(self._reprint)
        self.give_button = self._button("giveButton")
        self.give_button.clicked.connect(self._give)
        self.pay_button = self._button("payAtTillButton")
        self.pay_button.clicked.connect(self._pay)
        self.without_code_button = self._button("withoutCodeButton")  # after a refusal
        self.without_code_button.clicked.connect(self._without_code)
        self.without_code_button.hide()
        for button in (self.give_button, self.pay_button):
            button.setStyleSheet("background: #1b5e20; color: white; font-weight: bold;")
        actions = QHBoxLayout()
        for button in (self.back_button, self.cancel_button, self.reprint_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.without_code_button)
        actions.addWidget(self.pay_button)
        actions.addWidget(self.give_button)
        about = QVBoxLayout()
        about.addWidget(self.paid)
        about.addWidget(self.facts, 1)
        body = QHBoxLayout()
        body.addLayout(about, 2)
        body.addWidget(self.table, 3, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.hint, self.name, self.code):
            layout.addWidget(widget)
        layout.addLayout(body, 1)
        layout.addWidget(self.slip_frame)
        layout.addWidget(self.cancel_panel)
        layout.addLayout(actions)

    def _button(self, name: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        return button

    def apply_zoom(self, zoom: float) -> None:
        set_font(self.hint, 1.15, zoom)
        set_font(self.name, 2.6, zoom, bold=True)
        set_font(self.code, 1.3, zoom)
        set_font(self.paid, 1.5, zoom, bold=True)
        set_font(self.facts, 1.3, zoom)
        set_font(self.table, 1.2, zoom)
        set_font(self.slip_label, 1.15, zoom)
        self.cancel_panel.apply_zoom(zoom)
        self.table.verticalHeader().setDefaultSectionSize(round(44 * zoom))
        fit_rows(self.table)
        own = (self.back_button, self.cancel_button, self.reprint_button, self.give_button)
        for button in (*own, self.pay_button, self.without_code_button):
            set_font(button, 1.15, zoom, bold=button in (self.give_button, self.pay_button))
            button.setMinimumHeight(round(56 * zoom))

    def show_order(self, order: DeskOrder) -> None:
        """A ready order to hand over (or a closed one: shown, nothing offered)."""
        if self.order is None or self.order.id != order.id or not order.is_open:
            self.cancel_panel.close_panel()
        if self.order is None or self.order.id != order.id:
            self.slip = None
            self.unlock()
            self.without_code_button.hide()
        self.order = order
        self.model.set_order(order)
        fit_rows(self.table)
        self.name.setText(order.customer_name)
        count = len(order.lines)
        self.code.setText(
            self.tr("Code %1 · order %2 · %3 line(s)")
            .replace("%1", order.pickup_code)
            .replace("%2", order.id)
            .replace("%3", str(count))
        )
        due = (
            order.picked_total_cents if order.picked_total_cents is not None else order.total_cents
        )
        if order.paid:
            self.paid.setText(self.tr("Paid online: %1").replace("%1", format_money(due)))
        else:
            self.paid.setText(self.tr("To pay in store: %1").replace("%1", format_money(due)))
        self.paid.setStyleSheet(_PAID if order.paid else _TO_PAY)
        self.facts.setText(self._facts(order))
        ready = order.state is PickupState.READY and self.slip is None
        self.give_button.setVisible(ready and order.paid)
        self.pay_button.setVisible(ready and not order.paid)
        self.cancel_button.setVisible(ready)
        self.reprint_button.setVisible(self.slip is not None)
        if not ready:
            self.without_code_button.hide()
        self.slip_frame.setVisible(self.slip is not None)

    def _facts(self, order: DeskOrder) -> str:
        facts = [state_text(order.state)]
        if order.due_at:
            facts.append(self.tr("Pickup %1").replace("%1", moment_text(order.due_at, self._tz)))
        if order.partial:
            facts.append(self.tr("Prepared with items missing: the customer was told."))
        if order.customer_phone:
            facts.append(order.customer_phone)
        return "\n".join(facts)

    def unlock(self) -> None:
        """Offer the buttons again (a refusal, or the till gave up on the sale)."""
        self.give_button.setEnabled(True)
        self.pay_button.setEnabled(True)
        self._word_pay_button()

    def show_waiting(self) -> None:
        """The order's lines went to the till: hand over once the sale is recorded."""
        self.pay_button.setEnabled(False)
        self._word_pay_button()

    def _word_pay_button(self) -> None:
        """Disabled while the till takes the payment, and saying so."""
        self.pay_button.setText(
            self.tr("Take payment at the till")
            if self.pay_button.isEnabled()
            else self.tr("Waiting for the payment at the till…")
        )

    def show_slip(self, slip: HandoverSlip) -> None:
        self.slip = slip
        self._show_slip_text(slip)
        self.unlock()
        if self.order is not None and self.order.id == slip.order_id:
            self.show_order(self.order)

    def _show_slip_text(self, slip: HandoverSlip) -> None:
        given = "<br>".join(
            f"{escape(quantity_text(line.quantity, line.sold_by))} × {escape(line.name)}"
            for line in slip.lines
        )
        head = (
            self.tr("Handed over at %1 by %2")
            .replace("%1", time_text(slip.at, self._tz))
            .replace("%2", slip.staff)
        )
        text = f"<b>{escape(head)} — {escape(format_money(slip.total_cents))}</b><br>{given}"
        if slip.short:
            short = ", ".join(
                f"{quantity_text(line.quantity, line.sold_by)} × {line.name}" for line in slip.short
            )
            text += "<br>" + escape(self.tr("Not handed over: %1").replace("%1", short))
        self.slip_label.setText(text)

    def _give(self) -> None:
        if self.order is not None:
            self.give_button.setEnabled(False)  # one press is one handover
            self.hand_over_requested.emit(self.order.id)

    def offer_without_code(self) -> None:
        """The customer has no code and this person may not hand over without it: a
        manager may approve (``without_code_requested``)."""
        if self.order is not None and self.order.state is PickupState.READY:
            self.without_code_button.show()

    def _without_code(self) -> None:
        if self.order is not None:
            self.without_code_button.setEnabled(False)  # one approval asked at a time
            self.without_code_requested.emit(self.order.id)
            self.without_code_button.setEnabled(True)

    def _pay(self) -> None:
        if self.order is not None:
            self.pay_requested.emit(self.order.id)

    def _reprint(self) -> None:
        if self.slip is not None:
            self.reprint_requested.emit(self.slip)

    def _cancel_confirmed(self, reason: str) -> None:
        if self.order is not None:
            self.cancel_requested.emit(self.order.id, reason)
