"""Taking payment: cash with quick amounts and change, card, voucher, split across several.

The dialog never computes what is due: it sends tenders to the till worker and repaints
from the BasketView it answers with. "Complete" is enabled once the tenders cover the
total; completing commits the sale durably on the worker, and the dialog closes when the
screen shows the recorded sale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos.domain.errors import PosError
from pos.domain.money import parse_eur
from pos.domain.tenders import TenderKind
from pos.services.basket_view import BasketView
from pos.ui.dialogs.card_wait_dialog import CardWaitDialog
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.money import format_money
from pos.ui.qt import (
    QDialog,
    QFont,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from pos.ui.screens.till_screen import TillScreen

QUICK_NOTES = (500, 1000, 2000, 5000, 10000)


class PaymentDialog(Retranslating, QDialog):
    def __init__(self, screen: TillScreen, parent: QWidget | None = None) -> None:
        super().__init__(parent or screen)
        self.setObjectName("paymentDialog")
        self.setModal(True)
        self.screen = screen
        self.view: BasketView | None = None
        self._taken: list[tuple[TenderKind, int, str]] = []  # as listed, for the wording
        self._unconfirmed = False  # the last tender listed awaits the worker's answer
        self.card_wait: CardWaitDialog | None = None  # while the terminal waits for the card
        self._build()
        self.retranslate_ui()
        screen.basket_shown.connect(self.show_view)
        screen.refusal_shown.connect(self._show_refusal)
        screen.sale_shown.connect(self._on_sale)
        if screen.view is not None:
            self.show_view(screen.view)

    def _build(self) -> None:
        self.due_label = QLabel(self)
        self.due_label.setObjectName("dueLabel")
        font = QFont(self.due_label.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.due_label.setFont(font)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("paymentStatus")
        self.amount_field = QLineEdit(self)
        self.amount_field.setObjectName("amountField")
        self.reference_field = QLineEdit(self)
        self.reference_field.setObjectName("voucherReference")
        self.tenders = QListWidget(self)
        self.tenders.setObjectName("tenderList")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("paymentMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")

        self.cash_button = self._button("", lambda: self.take(TenderKind.CASH))
        self.card_button = self._button("", lambda: self.take(TenderKind.CARD))
        self.voucher_button = self._button("", lambda: self.take(TenderKind.VOUCHER))
        self.cheque_button = self._button("", lambda: self.take(TenderKind.CHEQUE))
        self.meal_voucher_button = self._button("", lambda: self.take(TenderKind.MEAL_VOUCHER))
        self.meal_voucher_button.setObjectName("mealVoucherButton")
        self.gift_card_button = self._button("", lambda: self.take(TenderKind.GIFT_CARD))
        self.remove_button = self._button("", self.remove_selected)
        self.complete_button = self._button("", self.complete)
        self.complete_button.setObjectName("completeButton")
        self.close_button = self._button("", self.reject)

        quick = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        exact = self.exact_button = self._button("", lambda: self.take_cash(None))
        quick.addWidget(exact)
        for note in QUICK_NOTES:
            button = self._button(format_money(note), lambda _=False, n=note: self.take_cash(n))
            quick.addWidget(button)
            self.quick_buttons.append(button)

        kinds = QGridLayout()
        for index, button in enumerate(self._kind_buttons()):
            kinds.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due_label, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.status_label, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.amount_field)
        layout.addWidget(self.reference_field)
        layout.addLayout(quick)
        layout.addLayout(kinds)
        layout.addWidget(self.tenders)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.message_label)
        footer = QHBoxLayout()
        footer.addWidget(self.close_button)
        footer.addWidget(self.complete_button)
        layout.addLayout(footer)
        self.resize(640, 560)

    def _kind_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.cash_button, self.card_button, self.cheque_button,
            self.meal_voucher_button, self.voucher_button, self.gift_card_button,
        )  # fmt: skip

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumHeight(52)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Payment"))
        self.amount_field.setPlaceholderText(self.tr("Amount, e.g. 12,50"))
        self.reference_field.setPlaceholderText(self.tr("Voucher or gift card number"))
        for button, text in (
            (self.cash_button, self.tr("Cash")),
            (self.card_button, self.tr("Card")),
            (self.voucher_button, self.tr("Voucher")),
            (self.cheque_button, self.tr("Cheque")),
            (self.meal_voucher_button, self.tr("Meal vouchers")),
            (self.gift_card_button, self.tr("Gift card")),
            (self.remove_button, self.tr("Remove payment")),
            (self.complete_button, self.tr("Complete sale")),
            (self.close_button, self.tr("Back to the sale")),
            (self.exact_button, self.tr("Exact cash")),
        ):
            button.setText(text)
        for button, note in zip(self.quick_buttons, QUICK_NOTES, strict=True):
            button.setText(format_money(note))
        for row, taken in enumerate(self._taken):
            self.tenders.item(row).setText(self._tender_text(*taken))
        if self.view is not None:
            self._show_due(self.view)

    # -- painting -----------------------------------------------------------------------

    def show_view(self, view: BasketView) -> None:
        self.view = view
        self._unconfirmed = False
        self.message_label.clear()
        self._show_due(view)
        due = view.remaining_cents
        self.amount_field.setText(_plain_amount(due) if due else "")
        covered = view.paid_cents >= view.total_cents and bool(view.lines)
        self.complete_button.setEnabled(covered)
        for button in self._kind_buttons():
            button.setEnabled(not covered)
        for button, note in zip(self.quick_buttons, QUICK_NOTES, strict=True):
            button.setVisible(note >= due > 0)

    def _show_due(self, view: BasketView) -> None:
        due = view.remaining_cents
        if view.change_cents:
            self.due_label.setText(
                self.tr("Change: %1").replace("%1", format_money(view.change_cents))
            )
        else:
            self.due_label.setText(self.tr("Due: %1").replace("%1", format_money(due)))
        self.status_label.setText(
            self.tr("Total %1 · paid %2")
            .replace("%1", format_money(view.total_cents))
            .replace("%2", format_money(view.paid_cents))
        )

    def set_tender_lines(self, lines: list[str]) -> None:
        self._taken = []  # shown as given: not worded again
        self.tenders.clear()
        self.tenders.addItems(lines)

    def _show_refusal(self, code: str) -> None:
        """A refused tender (over the meal-voucher cap, more than due…) leaves the list."""
        if self._unconfirmed and self.tenders.count():
            self.tenders.takeItem(self.tenders.count() - 1)
            if self._taken:
                self._taken.pop()
        self._unconfirmed = False
        self.message_label.setText(self.screen.message_label.text())

    def _on_sale(self, _sale) -> None:
        self.accept()

    # -- actions ------------------------------------------------------------------------

    def _typed_amount(self) -> int | None:
        try:
            return parse_eur(self.amount_field.text())
        except PosError as exc:
            self.message_label.setText(user_message(exc.code, exc.message, exc.params))
            return None

    def take(self, kind: TenderKind) -> None:
        amount = self._typed_amount()
        if amount is None:
            return
        referenced = kind in (TenderKind.VOUCHER, TenderKind.GIFT_CARD)
        reference = self.reference_field.text().strip() if referenced else ""
        self._taken.append((kind, amount, reference))
        self.tenders.addItem(self._tender_text(kind, amount, reference))
        self._unconfirmed = True  # before the request: its answer may come at once
        if kind is TenderKind.CARD:  # through the linked terminal, if any
            self._wait_for_card(amount)
            self.screen.controller.request("card_payment", amount)
            return
        self.screen.controller.request("add_tender", kind.value, amount, reference)

    def _wait_for_card(self, amount: int) -> None:
        if self.screen.controller.worker.terminal_linked:
            self.card_wait = CardWaitDialog(self.screen, amount, parent=self)
            self.card_wait.open()

    def _tender_text(self, kind: TenderKind, amount: int, reference: str) -> str:
        label = {
            TenderKind.CASH: self.tr("Cash"),
            TenderKind.CARD: self.tr("Card"),
            TenderKind.VOUCHER: self.tr("Voucher"),
            TenderKind.CHEQUE: self.tr("Cheque"),
            TenderKind.MEAL_VOUCHER: self.tr("Meal vouchers"),
            TenderKind.GIFT_CARD: self.tr("Gift card"),
        }.get(kind, kind.value)
        return f"{label} {format_money(amount)} {reference}".strip()

    def take_cash(self, note_cents: int | None) -> None:
        if self.view is None:
            return
        amount = note_cents if note_cents is not None else self.view.remaining_cents
        self.amount_field.setText(_plain_amount(amount))
        self.take(TenderKind.CASH)

    def remove_selected(self) -> None:
        row = self.tenders.currentRow()
        if row < 0:
            return
        self.tenders.takeItem(row)
        if row < len(self._taken):
            del self._taken[row]
        self.screen.controller.request("remove_tender", row)

    def complete(self) -> None:
        self.screen.controller.request("complete")

    def reject(self) -> None:
        """Back to the sale: the tenders already taken are removed, nothing is lost."""
        for row in reversed(range(self.tenders.count())):
            self.screen.controller.request("remove_tender", row)
        super().reject()


def _plain_amount(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"
