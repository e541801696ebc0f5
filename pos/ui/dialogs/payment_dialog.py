"""Taking payment: cash with quick amounts and change, card, voucher, credit note (avoir),
the customer's loyalty points, split across several.

The dialog never computes what is due: it sends tenders to the till worker and repaints
from the BasketView it answers with. "Complete" is enabled once the tenders cover the
total; completing commits the sale durably on the worker, and the dialog closes when the
screen shows the recorded sale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pos.domain.errors import PosError
from pos.domain.money import parse_eur
from pos.domain.tenders import TenderKind
from pos.services.basket_view import BasketView
from pos.ui.dialogs.card_wait_dialog import CardWaitDialog
from pos.ui.dialogs.loyalty_tender import LoyaltyTender
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.money import format_money
from pos.ui.qt import (
    QCoreApplication,
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
from sync.contract.codes import CREDIT_NOTE_QR_PREFIX, normalize_credit_note_code

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
        self._default_amount = ""  # what is due, as filled in: untouched, a credit note pays
        self._note_balances: dict[str, int | None] = {}  # code -> left on it (None: offline)
        self._note_pending = False  # a credit note or points are being checked: not listed yet
        self._points: dict[str, int] = {}  # a points tender's op id -> its points
        self.card_wait: CardWaitDialog | None = None  # while the terminal waits for the card
        self._build()
        self.retranslate_ui()
        screen.basket_shown.connect(self.show_view)
        screen.refusal_shown.connect(self._show_refusal)
        screen.sale_shown.connect(self._on_sale)
        worker = screen.controller.worker
        worker.credit_note_taken.connect(self._credit_note_taken)
        worker.points_taken.connect(self._points_taken)
        worker.loyalty_offered.connect(self._points_offered)
        screen.controller.request("offer_points")  # the attached customer's, if any
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
        self.credit_note_button = self._button("", lambda: self.take_credit_note())
        self.credit_note_button.setObjectName("creditNoteButton")
        self.remove_button = self._button("", self.remove_selected)
        self.complete_button = self._button("", self.complete)
        self.complete_button.setObjectName("completeButton")
        self.close_button = self._button("", self.reject)
        self.loyalty = LoyaltyTender(self)
        self.loyalty.button.clicked.connect(self.take_points)

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
        layout.addWidget(self.loyalty)
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
            self.credit_note_button,
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
        self.reference_field.setPlaceholderText(
            self.tr("Voucher, meal voucher, gift card or credit note number")
        )
        for button, text in (
            (self.cash_button, self.tr("Cash")),
            (self.card_button, self.tr("Card")),
            (self.voucher_button, self.tr("Voucher")),
            (self.cheque_button, self.tr("Cheque")),
            (self.meal_voucher_button, self.tr("Meal vouchers")),
            (self.gift_card_button, self.tr("Gift card")),
            (self.credit_note_button, self.tr("Credit note")),
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
        self._default_amount = _plain_amount(due) if due else ""
        self.amount_field.setText(self._default_amount)
        covered = view.paid_cents >= view.total_cents and bool(view.lines)
        self.complete_button.setEnabled(covered)
        for button in self._kind_buttons():
            button.setEnabled(not covered)
        if covered:
            self.loyalty.button.setEnabled(False)
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
        self._unconfirmed = self._note_pending = False
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
        referenced = kind in (TenderKind.VOUCHER, TenderKind.GIFT_CARD, TenderKind.MEAL_VOUCHER)
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
            TenderKind.CREDIT_NOTE: self.tr("Credit note"),
        }.get(kind, kind.value)
        if kind is TenderKind.LOYALTY:
            return self.loyalty.tender_text(self._points.get(reference, 0), amount)
        text = f"{label} {format_money(amount)} {reference}".strip()
        balance = self._note_balances.get(reference) if kind is TenderKind.CREDIT_NOTE else None
        if balance is not None:
            text += " · " + self.tr("%1 left on it").replace("%1", format_money(balance))
        return text

    def take_credit_note(self, code: str | None = None) -> None:
        """A credit note's code, typed (in the reference field) or scanned: the worker
        checks and debits it centrally, then lists it; the amount left as filled in pays
        as much of what is due as the note covers."""
        code = (code if code is not None else self.reference_field.text()).strip()
        if not code:
            self.message_label.setText(self.tr("Type or scan the credit note's code."))
            return
        typed = self.amount_field.text().strip()
        amount = None
        if typed and typed != self._default_amount:
            amount = self._typed_amount()
            if amount is None:
                return
        self.message_label.clear()
        self._note_pending = True
        self.screen.controller.request("spend_credit_note", code, amount)

    def _credit_note_taken(self, taken: Any) -> None:
        """The worker took it (``CreditNoteTaken``): listed with its code and balance."""
        if not self.isVisible():
            return
        self._note_pending = False
        self._note_balances[taken.code] = taken.balance_cents
        self._taken.append((TenderKind.CREDIT_NOTE, taken.amount_cents, taken.code))
        self.tenders.addItem(self._tender_text(*self._taken[-1]))
        self.reference_field.clear()

    def take_points(self) -> None:
        """The customer's points: the worker debits them centrally, then lists them."""
        self.message_label.clear()
        self._note_pending = True
        self.screen.controller.request("spend_points", self.loyalty.requested_points())

    def _points_taken(self, taken: Any) -> None:
        """The worker took them (``PointsTaken``): "Points fidélité 500 pts  5,00 €"."""
        if not self.isVisible():
            return
        self._note_pending = False
        self._points[taken.op_id] = taken.points
        self._taken.append((TenderKind.LOYALTY, taken.amount_cents, taken.op_id))
        self.tenders.addItem(self._tender_text(*self._taken[-1]))

    def _points_offered(self, offer: Any) -> None:
        """The attached customer's points after each change of the sale."""
        self.loyalty.show_offer(offer, self.screen.customers.online)
        if self.view is not None and self.view.paid_cents >= self.view.total_cents:
            self.loyalty.button.setEnabled(False)

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
        if any(kind is TenderKind.CREDIT_NOTE for kind, _, _ in self._taken[row + 1 :]):
            self.message_label.setText(
                user_message("credit_note_after", "Remove the credit note paid after it first.")
            )
            return
        self.tenders.takeItem(row)
        if row < len(self._taken):
            del self._taken[row]
        self.screen.controller.request("remove_tender", row)

    def complete(self) -> None:
        self.screen.controller.request("complete")

    def reject(self) -> None:
        """Back to the sale: the tenders already taken are removed, nothing is lost (not
        while a credit note is being checked: its answer lists it first)."""
        if self._note_pending:
            return
        for row in reversed(range(self.tenders.count())):
            self.screen.controller.request("remove_tender", row)
        super().reject()


def _plain_amount(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"


def is_credit_note(code: str) -> bool:
    """A credit note's QR (checked by the worker: a bad one is refused there) or its code."""
    return code.startswith(CREDIT_NOTE_QR_PREFIX) or normalize_credit_note_code(code) is not None


def pay_with_credit_note(screen: TillScreen, code: str) -> None:
    """A credit note scanned (or typed) on the till screen during a sale: the payment
    dialog, opened if need be, takes it as a tender."""
    dialog = screen.payment_dialog
    if dialog is None or not dialog.isVisible():
        if screen.returns.refunding():  # a refund ticket takes no payment
            screen.show_refusal(
                "credit_note_on_refund",
                QCoreApplication.translate(
                    "PaymentDialog", "A credit note pays a sale: this ticket gives money back."
                ),
            )
            return
        screen.pay()  # refused, with its message, on an empty basket
        dialog = screen.payment_dialog
    if dialog is not None and dialog.isVisible():
        dialog.take_credit_note(code)
