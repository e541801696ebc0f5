"""Ctrl+P (or "Change the price…" in F4): the selected line at another price, and why.

The new price goes on a big field with a touch keypad; the reason is one a store uses
(wrong shelf label, damaged item, price match, commercial gesture, or other with a few
words). "Catalogue price" undoes an override. The worker checks the right: a cashier's
override opens the manager's approval dialog.
"""

from __future__ import annotations

from pos.domain.errors import PosError
from pos.domain.money import parse_eur
from pos.domain.price_override import OverrideReason
from pos.ui.messages import user_message
from pos.ui.money import format_money
from pos.ui.qt import (
    QComboBox,
    QCoreApplication,
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


def reason_text(reason: str) -> str:
    """A reason in the current language (the approval dialog says it too)."""
    texts = {
        OverrideReason.WRONG_LABEL: QCoreApplication.translate("PriceDialog", "Wrong shelf label"),
        OverrideReason.DAMAGED: QCoreApplication.translate("PriceDialog", "Damaged item"),
        OverrideReason.PRICE_MATCH: QCoreApplication.translate("PriceDialog", "Price match"),
        OverrideReason.GESTURE: QCoreApplication.translate("PriceDialog", "Commercial gesture"),
        OverrideReason.OTHER: QCoreApplication.translate("PriceDialog", "Other (say why)"),
    }
    return texts.get(reason, reason)  # type: ignore[call-overload]


class PriceDialog(QDialog):
    chosen = Signal(int, str, str)  # unit price in cents, reason, note

    def __init__(
        self,
        line_name: str,
        price_cents: int,
        catalog_cents: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("priceDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Change the price"))
        self.catalog_cents = catalog_cents
        self.title = QLabel(line_name, self)
        self.title.setObjectName("priceLineName")
        self.title.setWordWrap(True)
        set_font(self.title, 1.2, 1.0, bold=True)
        self.catalog_label = QLabel(
            self.tr("Catalogue price: %1").replace("%1", format_money(catalog_cents)), self
        )
        self.price_field = QLineEdit(self)
        self.price_field.setObjectName("newPrice")
        self.price_field.setPlaceholderText(self.tr("New price, e.g. 3,00"))
        self.price_field.setAlignment(Qt.AlignmentFlag.AlignRight)
        set_font(self.price_field, 2.0, 1.0, bold=True)
        if price_cents != catalog_cents:
            self.price_field.setText(_plain(price_cents))
        self.reasons = QComboBox(self)
        self.reasons.setObjectName("priceReason")
        self.reasons.setMinimumHeight(44)
        for reason in OverrideReason:
            self.reasons.addItem(reason_text(reason), reason.value)
        self.note_field = QLineEdit(self)
        self.note_field.setObjectName("priceNote")
        self.note_field.setMaxLength(200)
        self.note_field.setPlaceholderText(self.tr("A few words (needed for “other”)"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("priceError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.apply_button = self._button("applyPrice", self.tr("Apply"), self.apply)
        self.catalog_button = self._button("catalogPrice", self.tr("Catalogue price"), self.restore)
        self.catalog_button.setEnabled(price_cents != catalog_cents)
        cancel = self._button("cancelPrice", self.tr("Cancel"), self.reject)
        layout = QVBoxLayout(self)
        for widget in (
            self.title,
            self.catalog_label,
            self.price_field,
            AmountKeypad(self.price_field, self),
            self.reasons,
            self.note_field,
            self.error_label,
        ):
            layout.addWidget(widget)
        actions = QHBoxLayout()
        for button in (cancel, self.catalog_button, self.apply_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        self.price_field.returnPressed.connect(self.apply)
        self.price_field.setFocus()
        self.setMinimumWidth(440)

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setMinimumHeight(48)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def choose(self, price_text: str, reason: OverrideReason, note: str = "") -> None:
        """Fill the form as a cashier would (tests, screenshots)."""
        self.price_field.setText(price_text)
        self.reasons.setCurrentIndex(self.reasons.findData(reason.value))
        self.note_field.setText(note)

    def apply(self) -> None:
        try:
            cents = parse_eur(self.price_field.text())
        except PosError as exc:
            self.error_label.setText(user_message(exc.code, exc.message, exc.params))
            return
        reason = str(self.reasons.currentData())
        if reason == OverrideReason.OTHER and not self.note_field.text().strip():
            self.error_label.setText(self.tr("Say in a few words why the price changes."))
            return
        self.chosen.emit(cents, reason, self.note_field.text().strip())
        self.accept()

    def restore(self) -> None:
        self.chosen.emit(self.catalog_cents, "", "")
        self.accept()


def _plain(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"
