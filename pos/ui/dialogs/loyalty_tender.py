"""The payment dialog's loyalty part (issue 15): the attached customer's points as a
tender, "Solde : 1 234 points (12,34 €)", the points that cover what is due filled in
(the cashier may lower them), and offline the limit the till applies.

It only shows and asks: the worker offers the points after each change of the sale
(``LoyaltyOffer``) and takes them (``spend_points``); without a customer the key is off.
"""

from __future__ import annotations

from pos.ui.i18n import Retranslating
from pos.ui.money import format_money
from pos.ui.qt import QHBoxLayout, QLabel, QLocale, QPushButton, QSpinBox, QVBoxLayout, QWidget
from pos.ui.till_loyalty_worker import LoyaltyOffer


def format_points(points: int) -> str:
    """1 234 in French, 1,234 in English (QLocale's group separator)."""
    return QLocale().toString(points)


class LoyaltyTender(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loyaltyTender")
        self.offer: LoyaltyOffer | None = None
        self.online = True
        self.button = QPushButton(self)
        self.button.setObjectName("loyaltyButton")
        self.button.setMinimumHeight(52)
        self.button.setAutoDefault(False)
        self.points_field = QSpinBox(self)
        self.points_field.setObjectName("loyaltyPoints")
        self.points_field.setMinimumHeight(52)
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("loyaltyBalance")
        self.note_label = QLabel(self)
        self.note_label.setObjectName("loyaltyNote")
        self.note_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.button, 2)
        row.addWidget(self.points_field, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.balance_label)
        layout.addWidget(self.note_label)
        self.retranslate_ui()
        self.show_offer(None, True)

    def retranslate_ui(self) -> None:
        self.button.setText(self.tr("Loyalty points"))
        self.points_field.setSuffix(self.tr(" pts"))
        self._word()

    def show_offer(self, offer: LoyaltyOffer | None, online: bool) -> None:
        """The customer's points (None: no customer attached, the key is off); the same
        offer again keeps what the cashier typed."""
        if offer is not None and offer == self.offer:
            self.online = online
            self._word()
            return
        self.offer, self.online = offer, online
        usable = offer is not None and offer.points > 0
        self.button.setEnabled(usable)
        self.points_field.setEnabled(usable)
        top = offer.balance if offer is not None else 0
        self.points_field.setRange(0, top)
        self.points_field.setValue(offer.points if offer is not None else 0)
        self._word()

    def requested_points(self) -> int | None:
        """The points typed; None when left as offered (the worker covers what is due)."""
        value = self.points_field.value()
        return None if self.offer is not None and value == self.offer.points else value

    def tender_text(self, points: int, cents: int) -> str:
        """ "Points fidélité 500 pts  5,00 €"."""
        return (
            self.tr("Loyalty points %1 pts  %2")
            .replace("%1", format_points(points))
            .replace("%2", format_money(cents))
        )

    def _word(self) -> None:
        offer = self.offer
        if offer is None:
            self.balance_label.setText(self.tr("Attach the customer to pay with their points."))
            self.note_label.clear()
            return
        if not offer.offered:
            self.balance_label.setText(
                self.tr("This store's central server keeps no loyalty points (Medusa).")
            )
            self.note_label.setText(self.tr("Points are neither earned nor spent at this till."))
            return
        self.balance_label.setText(
            self.tr("Balance: %1 points (%2)")
            .replace("%1", format_points(offer.balance))
            .replace("%2", format_money(offer.balance_cents))
        )
        if self.online:
            self.note_label.clear()
        elif offer.cap_points <= 0:
            self.note_label.setText(self.tr("offline: points cannot be spent at this till"))
        else:
            self.note_label.setText(
                self.tr(
                    "offline: at most %1 points, confirmed at the next synchronisation"
                ).replace("%1", format_points(offer.cap_points))
            )
