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


def _t(text: str) -> str:
    return QCoreApplication.translate("TillDay", text)


def tender_name(tender: str) -> str:
    names = {
        "cash": _t("Cash"),
        "card": _t("Card"),
        "cheque": _t("Cheque"),
        "meal_voucher": _t("Meal vouchers"),
        "voucher": _t("Voucher"),
        "gift_card": _t("Gift card"),
    }
    return names.get(tender, tender)


def reason_name(reason: MovementReason) -> str:
    return {
        MovementReason.BANK_DEPOSIT: _t("Bank deposit"),
        MovementReason.PETTY_CASH: _t("Petty cash"),
        MovementReason.CHANGE_TOP_UP: _t("Change top-up"),
        MovementReason.OTHER: _t("Other (say what)"),
    }[reason]


def signed(cents: int) -> str:
    return ("+" if cents > 0 else "") + format_money(cents)


def figure_rows(record: dict[str, Any]) -> list[Row]:
    """Sales, discounts, by tender, by cashier, by VAT rate, then the drawer's cash."""
    rows: list[Row] = [
        (_t("Sales"), str(record["sales_count"]), ""),
        (_t("Sales total"), format_money(record["sales_total_cents"]), "total"),
        (_t("Discounts given"), format_money(record["discount_cents"]), ""),
        (_t("By tender"), "", "heading"),
    ]
    rows += [
        (f"{tender_name(t['tender'])} ({t['payments']})", format_money(t["amount_cents"]), "")
        for t in record["by_tender"]
    ] or [(_t("none"), "", "")]
    rows.append((_t("By cashier"), "", "heading"))
    rows += [
        (f"{c['cashier']} ({c['sales']})", format_money(c["total_cents"]), "")
        for c in record["by_cashier"]
    ] or [(_t("none"), "", "")]
    rows.append((_t("By VAT rate"), "", "heading"))
    rows += [
        (
            _t("%1: net %2, VAT %3")
            .replace("%1", format_rate(v["vat_bp"]))
            .replace("%2", format_money(v["base_cents"]))
            .replace("%3", format_money(v["vat_cents"])),
            format_money(v["total_cents"]),
            "",
        )
        for v in record["by_vat"]
    ] or [(_t("none"), "", "")]
    return rows + cash_rows(record)


def cash_rows(record: dict[str, Any]) -> list[Row]:
    return [
        (_t("Cash in the drawer"), "", "heading"),
        (_t("Opening float"), format_money(record["float_cents"]), ""),
        (_t("Cash taken"), format_money(record["cash_tendered_cents"]), ""),
        (_t("Change given"), signed(-record["change_cents"]), ""),
        (_t("Cash in"), format_money(record["cash_in_cents"]), ""),
        (_t("Cash out"), signed(-record["cash_out_cents"]), ""),
        (_t("Cash expected"), format_money(record["cash_expected_cents"]), "total"),
    ]
