"""Cash in or cash out of the drawer: an amount, a reason from the service's list, a note
when the reason is "other". The till worker records it (and pushes it); a refusal is
shown here, and a missing right goes to the approval door (``RequestApproval``)."""

from __future__ import annotations

from functools import partial

from pos.domain.errors import PosError
from pos.domain.money import parse_eur
from pos.domain.rights import Approval, Right
from pos.domain.till_day import CashMovement, MovementKind, MovementReason
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.money import format_money
from pos.ui.qt import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pos.ui.screens.till_day.approval import RequestApproval
from pos.ui.screens.till_day.labels import reason_name
from pos.ui.till_controller import TillController
from pos.ui.widgets.form_dialog import lay_out_form
from pos.ui.widgets.message_line import MessageLine
from pos.ui.zoom import set_font


class CashMovementDialog(Retranslating, QDialog):
    def __init__(
        self,
        controller: TillController,
        kind: MovementKind,
        request_approval: RequestApproval,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cashMovementDialog")
        self.controller = controller
        self.kind = kind
        self.request_approval = request_approval
        self.done_movement: CashMovement | None = None
        self._sent: tuple[int, str, str] | None = None  # amount, reason, note in flight
        self.title = QLabel(self)
        set_font(self.title, 1.5, 1.0, bold=True)
        self.amount_field = QLineEdit(self)
        self.amount_field.setObjectName("movementAmount")
        self.reason_box = QComboBox(self)
        self.reason_box.setObjectName("movementReason")
        for reason in MovementReason:
            self.reason_box.addItem("", reason.value)
        if kind is MovementKind.IN:
            self.reason_box.setCurrentIndex(self.reason_box.findData("change_top_up"))
        self.note_field = QLineEdit(self)
        self.note_field.setObjectName("movementNote")
        self.note_field.setMaxLength(200)
        self.amount_label, self.reason_label, self.note_label = QLabel(), QLabel(), QLabel()
        self.message = MessageLine(self)
        self.message.setObjectName("movementMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.ok_button, self.cancel_button = QPushButton(self), QPushButton(self)
        self.ok_button.setObjectName("movementOk")
        for widget in (self.amount_field, self.reason_box, self.note_field, self.ok_button,
                       self.cancel_button):  # fmt: skip
            widget.setMinimumHeight(48)
            set_font(widget, 1.2, 1.0)
        self._build()
        self.reason_box.currentIndexChanged.connect(self._reason_changed)
        self.ok_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(self.reject)
        worker = controller.worker
        worker.moved.connect(self._moved)
        worker.day_refused.connect(self._refused)
        self.finished.connect(partial(self._disconnect, worker))
        self._reason_changed()
        self.retranslate_ui()

    def _build(self) -> None:
        rows = ((self.amount_label, self.amount_field), (self.reason_label, self.reason_box),
                (self.note_label, self.note_field))  # fmt: skip
        lay_out_form(self, (self.title,), rows, self.message, (self.cancel_button, self.ok_button))
        self.resize(560, 360)

    def _disconnect(self, worker, _result: int) -> None:
        worker.moved.disconnect(self._moved)
        worker.day_refused.disconnect(self._refused)

    def retranslate_ui(self) -> None:
        out = self.kind is MovementKind.OUT
        self.setWindowTitle(self.tr("Cash out") if out else self.tr("Cash in"))
        self.title.setText(
            self.tr("Take cash out of the drawer") if out else self.tr("Put cash into the drawer")
        )
        self.amount_label.setText(self.tr("Amount (€)"))
        self.reason_label.setText(self.tr("Reason"))
        self.note_label.setText(self.tr("Note"))
        self.note_field.setPlaceholderText(self.tr("Required for “other”"))
        for index in range(self.reason_box.count()):
            reason = MovementReason(self.reason_box.itemData(index))
            self.reason_box.setItemText(index, reason_name(reason))
        self.ok_button.setText(self.tr("Take out") if out else self.tr("Put in"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _reason_changed(self) -> None:
        other = self.reason_box.currentData() == MovementReason.OTHER.value
        self.note_field.setEnabled(other)
        if other:
            self.note_field.setFocus()

    def set_amount(self, text: str) -> None:
        self.amount_field.setText(text)

    def set_reason(self, reason: MovementReason, note: str = "") -> None:
        self.reason_box.setCurrentIndex(self.reason_box.findData(reason.value))
        self.note_field.setText(note)

    def send(self, approval: Approval | None = None) -> None:
        try:
            cents = parse_eur(self.amount_field.text())
        except PosError as exc:
            self.message.say(partial(user_message, exc.code, exc.message, exc.params))
            return
        reason = str(self.reason_box.currentData())
        note = self.note_field.text() if reason == MovementReason.OTHER.value else ""
        self._sent = (cents, reason, note)
        self.ok_button.setEnabled(False)
        self.message.clear()
        self.controller.request("cash_move", self.kind.value, cents, reason, note, approval or None)

    def _moved(self, movement: CashMovement) -> None:
        self.done_movement = movement
        self.accept()

    def _refused(self, code: str, message: str, params: dict) -> None:
        self.ok_button.setEnabled(True)
        sent, self._sent = self._sent, None
        if code == "right_refused" and params.get("approvable") and sent is not None:
            what = self.windowTitle() + " " + format_money(sent[0])
            approval = self.request_approval(Right.CASH_IN_OUT, what, sent[0])
            if approval is not None:
                self._sent = sent
                self.ok_button.setEnabled(False)
                self.controller.request("cash_move", self.kind.value, *sent, approval)
                return
            self.message.say(self.tr("A manager must approve this cash movement: not approved."))
            return
        self.message.say(partial(user_message, code, message, params))
