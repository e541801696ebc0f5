"""The X and the Z on paper: every line exactly the paper's width (48 and 32 columns),
amounts whole, French words by default, English on request."""

from __future__ import annotations

import pytest

from hardware.printer.encoding import fold_text
from hardware.receipt.blocks import Text
from hardware.receipt.slip import layout_slip
from pos.domain.cash import count_cash
from pos.domain.till_day import (
    CashierTotal,
    ClosingCount,
    DayFigures,
    StaffRef,
    TenderTotal,
    TillSession,
    VatTotal,
    close_figures,
)
from pos.services import till_records
from pos.services.till_reports import x_report_slip, z_report_slip

SESSION = TillSession(
    "s-1", "T01", StaffRef("s-cam", "Camille"), "2026-12-06T07:30:00Z",
    count_cash({1000: 10, 200: 10}), "open",
)  # fmt: skip
FIGURES = DayFigures(
    session=SESSION,
    at="2026-12-06T17:45:00Z",
    sales_count=1234,
    sales_total_cents=123_456_78,
    discount_cents=1_234_56,
    cash_tendered_cents=45_678_90,
    change_cents=1_234_50,
    cash_in_cents=5000,
    cash_out_cents=20000,
    by_tender=(TenderTotal("card", 900, 78_912_38), TenderTotal("cash", 334, 44_444_40)),
    by_cashier=(CashierTotal("Marie-Bérénice de La Tour-d'Auvergne", 1234, 123_456_78),),
    by_vat=(
        VatTotal(550, 100_000_00, 5_500_00, 105_500_00),
        VatTotal(2000, 14_963_98, 2_992_80, 17_956_78),
    ),
)  # fmt: skip


def _z() -> dict:
    counted = ClosingCount(count_cash({5000: 900}), {"card": 78_900_00})
    rows = close_figures(FIGURES, counted)
    closer = StaffRef("s-nad", "Nadia")
    return till_records.z_report(
        FIGURES, rows, counted.cash, closer, "2026-12-06T18:00:00Z", "ap-1"
    )


def _lines(doc, columns: int) -> list[str]:
    fold = lambda text: fold_text(text, codepage="CP858")  # noqa: E731
    items = layout_slip(doc, columns, fold=fold)
    return [
        item.text if isinstance(item, Text) else item
        for item in items
        if isinstance(item, str | Text)
    ]


@pytest.mark.parametrize("columns", [48, 32])
def test_x_and_z_fit_the_paper_with_amounts_whole(columns: int) -> None:
    for doc in (x_report_slip(FIGURES), z_report_slip(_z())):
        lines = _lines(doc, columns)
        assert all(len(line) == columns for line in lines), [
            bad for bad in lines if len(bad) != columns
        ]
        text = "\n".join(lines)
        assert "123 456,78 €" in text and "Espèces attendues" in text
    z_text = "\n".join(_lines(z_report_slip(_z()), columns))
    assert "CLÔTURE Z" in z_text and "Écart total" in z_text and "approuvé" in z_text


def test_the_report_speaks_english_when_asked() -> None:
    text = "\n".join(_lines(z_report_slip(_z(), "en"), 48))
    assert "Z CLOSURE" in text and "Cash expected" in text and "Opening float" in text
    x_text = "\n".join(_lines(x_report_slip(FIGURES, "en"), 48))
    assert "X REPORT" in x_text and "By VAT rate" in x_text and "5,5" not in x_text
