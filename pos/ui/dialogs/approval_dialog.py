"""A manager approves, on the cashier's till, an act the cashier lacks the right for.

The dialog names who asks, what and the amount; the manager touches their name (or
scans their badge) and types their PIN on the pad, without signing the cashier out.
The PIN is checked on the till worker, which then runs the same act with the approval
(``StaffRequests._do_approve``); a refusal (a cashier's PIN, a wrong PIN, a lock) is
shown on the pad and the dialog stays open. Cancel leaves everything as it was.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from pos.domain.rights import Role
from pos.services.staff import StaffMember
from pos.ui.dialogs.price_dialog import reason_text
from pos.ui.messages import user_message
from pos.ui.money import format_money, format_rate
from pos.ui.qt import (
    QCoreApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.return_messages import describe_return
from pos.ui.widgets.pin_pad import PinPad
from pos.ui.zoom import set_font

APPROVERS = (Role.MANAGER, Role.ADMIN)


def describe(act: str, facts: dict[str, Any]) -> str:
    """The act in a few words, in the current language (also what is recorded)."""
    if act == "line_discount":
        off = (
            format_rate(facts["percent_bp"])
            if facts.get("percent_bp")
            else format_money(facts.get("amount_cents", 0))
        )
        return (
            QCoreApplication.translate("ApprovalDialog", "%1 off “%2”")
            .replace("%1", off)
            .replace("%2", facts["product"])
        )
    if act == "void":
        return QCoreApplication.translate(
            "ApprovalDialog", "Remove “%1” after payment started"
        ).replace("%1", facts["product"])
    if act == "cancel":
        text = (
            QCoreApplication.translate("ApprovalDialog", "Cancel the sale (1 item, %2)")
            if facts["items"] == 1
            else QCoreApplication.translate("ApprovalDialog", "Cancel the sale (%1 items, %2)")
        )
        return text.replace("%1", str(facts["items"])).replace(
            "%2", format_money(facts["total_cents"])
        )
    if act == "drawer":
        return QCoreApplication.translate(
            "ApprovalDialog", "Open the drawer without a sale: %1"
        ).replace("%1", facts.get("reason", ""))
    if act == "ticket_discount":
        return QCoreApplication.translate("ApprovalDialog", "%1 off the whole ticket").replace(
            "%1", _off(facts)
        )
    if act == "price_override":
        return _price_override(facts)
    return describe_return(act, facts) or str(facts.get("what", act))


def _off(facts: dict[str, Any]) -> str:
    if facts.get("percent_bp"):
        return format_rate(facts["percent_bp"])
    return format_money(facts.get("amount_cents", 0))


def _price_override(facts: dict[str, Any]) -> str:
    return (
        QCoreApplication.translate("ApprovalDialog", "Price of “%1”: %2 → %3 (%4)")
        .replace("%1", facts["product"])
        .replace("%2", format_money(facts["catalog_cents"]))
        .replace("%3", format_money(facts["price_cents"]))
        .replace("%4", reason_text(facts.get("reason", "")))
    )


class ApprovalDialog(QDialog):
    pin_entered = Signal(str, str)  # approver's staff id or badge, PIN
    answered = Signal(str)  # the worker's answer shown: "" approved, else the refusal's code

    def __init__(
        self,
        asker: str,
        what: str,
        amount_cents: int | None,
        staff: list[StaffMember],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.asker, self.what, self.amount_cents = asker, what, amount_cents
        self.approver = ""
        self._approver_name = ""
        self.heading = QLabel(self)
        self.heading.setObjectName("approvalHeading")
        set_font(self.heading, 1.6, 1.0, bold=True)
        self.details = QLabel(self)
        self.details.setObjectName("approvalDetails")
        self.details.setWordWrap(True)
        set_font(self.details, 1.3, 1.0)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        set_font(self.hint, 1.1, 1.0)
        self.names = QHBoxLayout()
        self.name_buttons: dict[str, QPushButton] = {}
        for member in staff:
            if member.role in APPROVERS:
                self._name_button(member)
        self.pad = PinPad(parent=self)
        self.pad.submitted.connect(self._submit)
        self.pad.setEnabled(False)  # until a name is touched or a badge scanned
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("approvalCancel")
        self.cancel_button.setMinimumHeight(56)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.details, self.hint):
            layout.addWidget(widget)
        layout.addLayout(self.names)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.cancel_button)
        self.retranslate_ui()
        self.resize(560, 720)

    def _name_button(self, member: StaffMember) -> None:
        button = QPushButton(member.display_name, self)
        button.setObjectName(f"approver_{member.staff_id}")
        button.setMinimumHeight(64)
        button.setCheckable(True)  # the one chosen stays lit
        button.setStyleSheet("QPushButton:checked { background: #1d4f91; color: white; }")
        button.setAutoDefault(False)
        set_font(button, 1.4, 1.0, bold=True)
        button.clicked.connect(partial(self.choose, member.staff_id, member.display_name))
        self.names.addWidget(button)
        self.name_buttons[member.staff_id] = button

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Manager approval"))
        self.heading.setText(self.tr("A manager must approve"))
        lines = [
            self.tr("Asked by: %1").replace("%1", self.asker),
            self.tr("What: %1").replace("%1", self.what),
        ]
        if self.amount_cents is not None:
            lines.append(self.tr("Amount: %1").replace("%1", format_money(self.amount_cents)))
        self.details.setText("\n".join(lines))
        self.hint.setText(self.tr("Manager: touch your name or scan your badge, then your code."))
        self.cancel_button.setText(self.tr("Cancel: nothing is done"))
        self._show_prompt()

    def _show_prompt(self) -> None:
        if not self.approver:
            self.pad.set_prompt(self.tr("Manager's name or badge first"))
        elif self._approver_name:
            self.pad.set_prompt(self.tr("%1 — type your code").replace("%1", self._approver_name))
        else:
            self.pad.set_prompt(self.tr("Badge read — type your code"))

    # -- the manager ------------------------------------------------------------------------

    def choose(self, who: str, name: str = "") -> None:
        """A name touched (its id) or a badge scanned (``name`` empty)."""
        self.approver, self._approver_name = who, name
        for staff_id, button in self.name_buttons.items():
            button.setChecked(staff_id == who)
        self.pad.setEnabled(True)
        self.pad.unlock()
        self._show_prompt()
        self.pad.setFocus()

    def scan(self, code: str) -> None:
        if code.strip():
            self.choose(code.strip())

    def _submit(self, pin: str) -> None:
        self.pad.clear_message()
        self.pin_entered.emit(self.approver, pin)

    def show_answer(self, code: str, message: str, params: dict) -> None:
        """The worker's answer: done (``code`` empty) closes; a refusal stays on the pad."""
        if not code:
            self.accept()
        elif code == "account_locked":
            self.pad.lock(user_message(code, message, params))
        else:
            self.pad.show_refusal(user_message(code, message, params))
        self.answered.emit(code)
