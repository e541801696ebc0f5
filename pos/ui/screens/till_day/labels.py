"""Till-day words shown on screen: tenders, movement reasons and a report's figure rows.

The rows are built from the till day's records (an X's or a Z's dict, ``till_records``),
so the X on screen, the Z result and the printed slips say the same figures.
"""

from __future__ import annotations

from typing import Any

from pos.domain.till_day import MovementReason
from pos.ui.money import format_money, format_rate
from pos.ui.qt import QCoreApplication

#: One row of a report on screen: label, value ("" for a heading), style
#: ("heading", "total", "over", "short" or "").
Row = tuple[str, str, str]


def tender_name(tender: str) -> str:
    names = {
        "cash": QCoreApplication.translate("TillDay", "Cash"),
        "card": QCoreApplication.translate("TillDay", "Card"),
        "cheque": QCoreApplication.translate("TillDay", "Cheque"),
        "meal_voucher": QCoreApplication.translate("TillDay", "Meal vouchers"),
        "voucher": QCoreApplication.translate("TillDay", "Voucher"),
        "gift_card": QCoreApplication.translate("TillDay", "Gift card"),
        "loyalty": QCoreApplication.translate("TillDay", "Loyalty points"),
    }
    return names.get(tender, tender)


def reason_name(reason: MovementReason) -> str:
    return {
        MovementReason.BANK_DEPOSIT: QCoreApplication.translate("TillDay", "Bank deposit"),
        MovementReason.PETTY_CASH: QCoreApplication.translate("TillDay", "Petty cash"),
        MovementReason.CHANGE_TOP_UP: QCoreApplication.translate("TillDay", "Change top-up"),
        MovementReason.OTHER: QCoreApplication.translate("TillDay", "Other (say what)"),
    }[reason]


def signed(cents: int) -> str:
    return ("+" if cents > 0 else "") + format_money(cents)


def figure_rows(record: dict[str, Any]) -> list[Row]:
    """Sales, discounts, by tender, by cashier, by VAT rate, then the drawer's cash."""
    rows: list[Row] = [
        (QCoreApplication.translate("TillDay", "Sales"), str(record["sales_count"]), ""),
        (
            QCoreApplication.translate("TillDay", "Sales total"),
            format_money(record["sales_total_cents"]),
            "total",
        ),
        (
            QCoreApplication.translate("TillDay", "Discounts given"),
            format_money(record["discount_cents"]),
            "",
        ),
        (QCoreApplication.translate("TillDay", "By tender"), "", "heading"),
    ]
    rows += [
        (f"{tender_name(t['tender'])} ({t['payments']})", format_money(t["amount_cents"]), "")
        for t in record["by_tender"]
    ] or [(QCoreApplication.translate("TillDay", "none"), "", "")]
    rows.append((QCoreApplication.translate("TillDay", "By cashier"), "", "heading"))
    rows += [
        (f"{c['cashier']} ({c['sales']})", format_money(c["total_cents"]), "")
        for c in record["by_cashier"]
    ] or [(QCoreApplication.translate("TillDay", "none"), "", "")]
    rows.append((QCoreApplication.translate("TillDay", "By VAT rate"), "", "heading"))
    rows += [
        (
            QCoreApplication.translate("TillDay", "%1: net %2, VAT %3")
            .replace("%1", format_rate(v["vat_bp"]))
            .replace("%2", format_money(v["base_cents"]))
            .replace("%3", format_money(v["vat_cents"])),
            format_money(v["total_cents"]),
            "",
        )
        for v in record["by_vat"]
    ] or [(QCoreApplication.translate("TillDay", "none"), "", "")]
    return rows + cash_rows(record)


def cash_rows(record: dict[str, Any]) -> list[Row]:
    return [
        (QCoreApplication.translate("TillDay", "Cash in the drawer"), "", "heading"),
        (
            QCoreApplication.translate("TillDay", "Opening float"),
            format_money(record["float_cents"]),
            "",
        ),
        (
            QCoreApplication.translate("TillDay", "Cash taken"),
            format_money(record["cash_tendered_cents"]),
            "",
        ),
        (
            QCoreApplication.translate("TillDay", "Change given"),
            signed(-record["change_cents"]),
            "",
        ),
        (
            QCoreApplication.translate("TillDay", "Cash put in"),
            format_money(record["cash_in_cents"]),
            "",
        ),
        (
            QCoreApplication.translate("TillDay", "Cash taken out"),
            signed(-record["cash_out_cents"]),
            "",
        ),
        (
            QCoreApplication.translate("TillDay", "Cash expected"),
            format_money(record["cash_expected_cents"]),
            "total",
        ),
    ]
