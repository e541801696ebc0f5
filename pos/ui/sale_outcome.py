"""How a completed sale ended, in the cashier's and the customer's words: the change to
give back ("À rendre : 12,40 €"), or how it was paid when there is none ("Payé par
carte"). The till screen and the customer display say the same thing."""

from __future__ import annotations

from pos.domain.sale import CompletedSale
from pos.ui.money import format_money
from pos.ui.qt import QCoreApplication
from pos.ui.screens.till_day.labels import tender_name


def change_text(sale: CompletedSale) -> str:
    """ "Change due: 12,40 €", or "" when nothing is given back."""
    cents = sale.draft.change_cents
    return (
        QCoreApplication.translate("SaleOutcome", "Change due: %1").replace(
            "%1", format_money(cents)
        )
        if cents
        else ""
    )


def paid_by_text(sale: CompletedSale) -> str:
    """ "Paid by card", "Paid in cash, exact amount"…; several kinds: "Paid: card, cash"."""
    kinds = list(dict.fromkeys(tender.kind for tender in sale.draft.tenders))
    if len(kinds) != 1:
        return QCoreApplication.translate("SaleOutcome", "Paid: %1").replace(
            "%1", ", ".join(tender_name(k).lower() for k in kinds)
        )
    return {
        "cash": QCoreApplication.translate("SaleOutcome", "Paid in cash, exact amount"),
        "card": QCoreApplication.translate("SaleOutcome", "Paid by card"),
        "cheque": QCoreApplication.translate("SaleOutcome", "Paid by cheque"),
        "meal_voucher": QCoreApplication.translate("SaleOutcome", "Paid in meal vouchers"),
        "gift_card": QCoreApplication.translate("SaleOutcome", "Paid by gift card"),
        "voucher": QCoreApplication.translate("SaleOutcome", "Paid by voucher"),
    }.get(
        kinds[0],
        QCoreApplication.translate("SaleOutcome", "Paid: %1").replace(
            "%1", tender_name(kinds[0]).lower()
        ),
    )


def outcome_text(sale: CompletedSale) -> str:
    """What the cashier says last: the change, else how it was paid."""
    return change_text(sale) or paid_by_text(sale)
