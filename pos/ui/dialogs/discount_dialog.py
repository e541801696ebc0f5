"""F4: a discount on the selected line or on the whole ticket, in % or in euros, or
taken off again; and the way to the line's price (touch: "Change the price…").

The dialog only says what the cashier chose; the till worker applies it, and where the
cashier lacks the right (a ticket discount, a line discount above the free limit) the
manager's approval dialog opens over the sale (``StaffGate``).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from pos.domain.errors import PosError
from pos.domain.money import parse_eur
from pos.ui.messages import user_message
from pos.ui.qt import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.widgets.amount_keypad import AmountKeypad
from pos.ui.zoom import set_font

LINE, TICKET = "line", "ticket"
#: The chosen target and unit stand out, as on the till's pay key.
CHOICE_STYLE = "QPushButton:checked { background: #1d5fa8; color: white; border-radius: 6px; }"
PERCENT, EUROS = "percent", "euros"


class DiscountDialog(QDialog):
    chosen = Signal(str, int, int)  # target (line / ticket), percent_bp, amount_cents
    removed = Signal(str)  # target
    price_asked = Signal()  # the selected line's price instead

    def __init__(
        self,
        line_name: str | None,
        *,
        line_discounted: bool = False,
        ticket_discounted: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("discountDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Discount"))
        self._discounted = {LINE: line_discounted, TICKET: ticket_discounted}
        self.target = self._choices(
            [(LINE, self.tr("Line: %1").replace("%1", line_name or "")),
             (TICKET, self.tr("Whole ticket"))],
        )  # fmt: skip
        self.target.button(0).setEnabled(line_name is not None)
        self.target.button(0 if line_name is not None else 1).setChecked(True)
        self.unit = self._choices([(PERCENT, "%"), (EUROS, "€")])
        self.unit.button(0).setChecked(True)
        self.amount_field = QLineEdit(self)
        self.amount_field.setObjectName("discountAmount")
        self.amount_field.setAlignment(Qt.AlignmentFlag.AlignRight)
        set_font(self.amount_field, 2.0, 1.0, bold=True)
        self.amount_field.returnPressed.connect(self.apply)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("discountError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.apply_button = self._button("applyDiscount", self.tr("Apply"), self.apply)
        self.remove_button = self._button(
            "removeDiscount", self.tr("Remove the discount"), self.remove
        )
        self.price_button = self._button(
            "changePrice", self.tr("Change the price…"), self.ask_price
        )
        self.price_button.setEnabled(line_name is not None)
        cancel = self._button("cancelDiscount", self.tr("Cancel"), self.reject)
        self._lay_out(cancel)
        self.target.idToggled.connect(self._show_remove)
        self._show_remove()
        self.amount_field.setFocus()

    def _choices(self, items: list[tuple[str, str]]) -> QButtonGroup:
        group = QButtonGroup(self)
        group.setExclusive(True)
        for index, (key, text) in enumerate(items):
            button = self._button(f"discount_{key}", text, None)
            button.setCheckable(True)
            button.setStyleSheet(CHOICE_STYLE)
            button.setProperty("choice", key)
            group.addButton(button, index)
        return group

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setMinimumHeight(48)
        button.setAutoDefault(False)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def _lay_out(self, cancel: QPushButton) -> None:
        layout = QVBoxLayout(self)
        for group in (self.target, self.unit):
            row = QHBoxLayout()
            for button in group.buttons():
                row.addWidget(button)
            layout.addLayout(row)
        layout.addWidget(self.amount_field)
        layout.addWidget(AmountKeypad(self.amount_field, self))
        layout.addWidget(self.error_label)
        actions = QHBoxLayout()
        for button in (cancel, self.price_button, self.remove_button, self.apply_button):
            actions.addWidget(button)
        layout.addLayout(actions)

    def _choice(self, group: QButtonGroup) -> str:
        return str(group.checkedButton().property("choice"))

    def _show_remove(self, *_args) -> None:
        self.remove_button.setEnabled(self._discounted[self._choice(self.target)])

    def choose(self, target: str, unit: str, text: str) -> None:
        """Set the choices as a cashier would touch them (tests, keyboard)."""
        self.target.button(0 if target == LINE else 1).setChecked(True)
        self.unit.button(0 if unit == PERCENT else 1).setChecked(True)
        self.amount_field.setText(text)

    def apply(self) -> None:
        try:
            percent_bp, cents = self._typed()
        except PosError as exc:
            self.error_label.setText(user_message(exc.code, exc.message, exc.params))
            return
        self.chosen.emit(self._choice(self.target), percent_bp, cents)
        self.accept()

    def _typed(self) -> tuple[int, int]:
        text = self.amount_field.text().strip()
        if self._choice(self.unit) == EUROS:
            return 0, parse_eur(text)
        try:
            percent = Decimal(text.replace(",", "."))
        except InvalidOperation:
            percent = Decimal(-1)
        if not Decimal(0) < percent <= Decimal(100):
            raise PosError("A discount must be between 0 and 100 %.", code="discount_out_of_range")
        return int(percent * 100), 0

    def remove(self) -> None:
        self.removed.emit(self._choice(self.target))
        self.accept()

    def ask_price(self) -> None:
        self.price_asked.emit()
        self.accept()
