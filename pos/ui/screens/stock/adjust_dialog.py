"""Adjust an article's stock: a reason from the list (it says whether goods come in or go
out), a quantity, a free note. The stock worker records it with its outbox operation; a
refusal is shown here and loses nothing, and a cashier's missing right goes to the
manager's approval door (``RequestApproval``), then the same adjustment is sent again."""

from __future__ import annotations

from functools import partial

from pos.domain.product import SoldBy
from pos.domain.rights import Approval, Right
from pos.domain.stock_adjustment import MAX_GRAMS, MAX_NOTE_CHARS, MAX_UNITS, AdjustReason
from pos.services.stock_desk import StockDetail
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.qt import (
    QComboBox,
    QCoreApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pos.ui.screens.stock.detail_panel import quantity_text
from pos.ui.screens.till_day.approval import RequestApproval
from pos.ui.stock_controller import StockController
from pos.ui.widgets.form_dialog import lay_out_form
from pos.ui.widgets.message_line import MessageLine
from pos.ui.zoom import set_font


def adjust_reason_name(reason: AdjustReason) -> str:
    """The list's wording: what happened, and which way the goods go."""
    names = {
        AdjustReason.DAMAGE: QCoreApplication.translate("Stock", "Damaged / broken (out)"),
        AdjustReason.THEFT: QCoreApplication.translate("Stock", "Theft (out)"),
        AdjustReason.FOUND: QCoreApplication.translate("Stock", "Found (in)"),
        AdjustReason.SAMPLE: QCoreApplication.translate("Stock", "Sample given (out)"),
        AdjustReason.OWN_USE: QCoreApplication.translate("Stock", "Own use (out)"),
    }
    return names[reason]


class AdjustDialog(Retranslating, QDialog):
    def __init__(
        self,
        controller: StockController,
        detail: StockDetail,
        request_approval: RequestApproval | None,
        parent: QWidget | None = None,
        *,
        needs_approval: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stockAdjustDialog")
        self.controller = controller
        self.product = product = detail.product
        self.on_hand = detail.level.on_hand
        self.needs_approval = needs_approval
        self.request_approval = request_approval
        self.result_detail: StockDetail | None = None
        self._sent: tuple[int, str, int, str] | None = None
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        set_font(self.title, 1.3, 1.0, bold=True)
        self.reason_box = QComboBox(self)
        self.reason_box.setObjectName("adjustReason")
        self.reason_box.addItem("", "")  # no default: the reason is a choice, never a slip
        for reason in AdjustReason:
            self.reason_box.addItem("", reason.value)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("adjustQuantity")
        weighed = product.sold_by is SoldBy.WEIGHT
        self.quantity.setRange(0, MAX_GRAMS if weighed else MAX_UNITS)
        self.note_field = QLineEdit(self)
        self.note_field.setObjectName("adjustNote")
        self.note_field.setMaxLength(MAX_NOTE_CHARS)
        self.labels = [QLabel(self) for _ in range(3)]
        self.info = QLabel(self)
        self.info.setObjectName("adjustInfo")
        self.info.setWordWrap(True)
        self.message = MessageLine(self)
        self.message.setObjectName("adjustMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.ok_button, self.cancel_button = QPushButton(self), QPushButton(self)
        self.ok_button.setObjectName("adjustOk")
        for widget in (self.reason_box, self.quantity, self.note_field, self.ok_button,
                       self.cancel_button):  # fmt: skip
            widget.setMinimumHeight(44)
            set_font(widget, 1.15, 1.0)
        self._build()
        self.ok_button.clicked.connect(lambda: self.send())
        self.cancel_button.clicked.connect(self.reject)
        worker = controller.worker
        worker.adjusted.connect(self._adjusted)
        worker.refused.connect(self._refused)
        self.finished.connect(partial(self._disconnect, worker))
        self.retranslate_ui()

    def _build(self) -> None:
        fields = (self.reason_box, self.quantity, self.note_field)
        lay_out_form(self, (self.title, self.info), list(zip(self.labels, fields, strict=True)),
                     self.message, (self.cancel_button, self.ok_button))  # fmt: skip
        self.resize(560, 340)

    def _disconnect(self, worker, _result: int) -> None:
        worker.adjusted.disconnect(self._adjusted)
        worker.refused.disconnect(self._refused)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Adjust stock"))
        self.title.setText(
            self.tr("Adjust the stock of %1 (%2)").replace("%1", self.product.name)
            .replace("%2", self.product.sku)
        )  # fmt: skip
        info = self.tr("On hand now: %1.").replace(
            "%1", quantity_text(self.on_hand, self.product.sold_by)
        )
        if self.needs_approval:
            info += " " + self.tr("A manager approves it with their code.")
        self.info.setText(info)
        self.reason_box.setItemText(0, self.tr("Choose a reason…"))
        for index in range(1, self.reason_box.count()):
            reason = AdjustReason(self.reason_box.itemData(index))
            self.reason_box.setItemText(index, adjust_reason_name(reason))
        weighed = self.product.sold_by is SoldBy.WEIGHT
        self.labels[0].setText(self.tr("Reason"))
        self.labels[1].setText(self.tr("Quantity (g)") if weighed else self.tr("Quantity"))
        self.labels[2].setText(self.tr("Note"))
        self.note_field.setPlaceholderText(self.tr("Optional: what happened"))
        self.ok_button.setText(self.tr("Record"))
        self.cancel_button.setText(self.tr("Cancel"))

    def set_values(self, reason: str, quantity: int, note: str = "") -> None:
        self.reason_box.setCurrentIndex(max(self.reason_box.findData(reason), 0))
        self.quantity.setValue(quantity)
        self.note_field.setText(note)

    def send(self, approval: Approval | None = None) -> None:
        reason = str(self.reason_box.currentData() or "")
        sent = (self.product.id, reason, self.quantity.value(), self.note_field.text())
        self._sent = sent
        self.ok_button.setEnabled(False)
        self.message.clear()
        self.controller.request("adjust", *sent, approval)

    def _adjusted(self, detail: StockDetail) -> None:
        if self._sent is None or detail.product.id != self.product.id:
            return
        self._sent = None
        self.result_detail = detail
        self.accept()

    def _refused(self, code: str, message: str, params: dict) -> None:
        sent, self._sent = self._sent, None
        if sent is None:
            return  # not this dialog's request
        self.ok_button.setEnabled(True)
        if code == "right_refused" and params.get("approvable"):
            approval = self._approval(sent)
            if approval is not None:
                self._sent = sent
                self.ok_button.setEnabled(False)
                self.controller.request("adjust", *sent, approval)
                return
            code, message, params = "stock_not_approved", "Not approved.", {}
        self.message.say(partial(user_message, code, message, params))

    def _approval(self, sent: tuple[int, str, int, str]) -> Approval | None:
        if self.request_approval is None:
            return None
        _pid, reason, quantity, _note = sent
        what = (
            self.tr("Stock adjustment: %1 × %2 (%3)")
            .replace("%1", quantity_text(quantity, self.product.sold_by))
            .replace("%2", self.product.name)
            .replace("%3", adjust_reason_name(AdjustReason(reason)))
        )
        return self.request_approval(Right.ADJUST_STOCK, what, None)
