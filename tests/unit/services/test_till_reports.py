"""The X and the Z on paper: every line exactly the paper's width (48 and 32 columns),
amounts whole, French words by default, English on request."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from hardware.printer.encoding import fold_text
from hardware.receipt.blocks import Text
from hardware.receipt.slip import layout_slip
from pos.domain.cash import count_cash
from pos.domain.errors import PosError
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
from sync.contract.till_days import TillSessionClosedPayload
from sync.medusa.plugin_till_days import translate_till_day
from sync.ports import OutgoingOperation

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


RETURNS_DAY = DayFigures(
    session=SESSION,
    at="2026-12-06T17:45:00Z",
    sales_count=1,
    sales_total_cents=1000,
    discount_cents=0,
    cash_tendered_cents=1000,
    change_cents=0,
    cash_in_cents=0,
    cash_out_cents=0,
    by_tender=(TenderTotal("cash", 1, 1000),),
    by_cashier=(CashierTotal("Camille", 1, 1000), CashierTotal("Inès", 1, -4990)),
    by_vat=(VatTotal(2000, -3325, -665, -3990),),
    returns_count=1,
    returns_total_cents=4990,
    refunds_by_tender=(TenderTotal("cash", 1, 3000), TenderTotal("credit_note", 1, 1990)),
)  # fmt: skip


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ("Retours", "Total des retours TTC", "Remboursements", "Avoir (1)",
                "Remboursé en espèces")),
        ("en", ("Returns", "Returns total", "Refunds", "Credit note (1)", "Cash refunded")),
    ],
)  # fmt: skip
def test_the_x_and_z_show_returns_refunds_and_negative_totals(language, words) -> None:
    counted = ClosingCount(count_cash({1000: 10, 200: 5}))
    rows = close_figures(RETURNS_DAY, counted)
    z = till_records.z_report(
        RETURNS_DAY, rows, counted.cash, StaffRef("s-nad", "Nadia"), "2026-12-06T18:00:00Z", None
    )
    assert z["refunds_by_tender"][1] == {
        "tender": "credit_note", "payments": 1, "amount_cents": 1990,
    }  # fmt: skip
    for doc in (x_report_slip(RETURNS_DAY, language), z_report_slip(z, language)):
        lines = _lines(doc, 48)
        assert all(len(line) == 48 for line in lines)
        text = "\n".join(lines)
        assert all(word in text for word in words), text
        assert "-49,90 €" in text and "-39,90 €" in text and "-30,00 €" in text
    assert "refunds_by_tender" not in _z()  # a day without refunds: its record as before
    assert "Retours" not in "\n".join(_lines(z_report_slip(_z()), 48))


def test_a_z_with_negative_totals_goes_to_medusa_as_written() -> None:
    """The Medusa adapter checks a Z against the contract before sending it whole: a
    day with more returned than sold at a rate and for a cashier passes, unchanged."""
    counted = ClosingCount(count_cash({1000: 10, 200: 5}))
    z = till_records.z_report(
        RETURNS_DAY, close_figures(RETURNS_DAY, counted), counted.cash,
        StaffRef("s-nad", "Nadia"), "2026-12-06T18:00:00Z", None,
    )  # fmt: skip
    op = OutgoingOperation("z-s-1", 1, till_records.CLOSED, json.dumps(z))
    sent = translate_till_day(op)
    assert sent == z and sent["by_vat"][0]["total_cents"] == -3990
    assert TillSessionClosedPayload.model_validate(z).model_dump(mode="json") == z


CARD_REFUND_DAY = replace(
    RETURNS_DAY,
    by_tender=(TenderTotal("cash", 1, 1000), TenderTotal("card", 1, 1500)),
    refunds_by_tender=(TenderTotal("card", 1, 3500),),
)


def test_a_negative_card_total_is_counted_when_card_refunds_make_it_expected() -> None:
    """Card refunds above the day's card payments: the terminal's total is -20,00 €, and
    the closer may count it; cash, and a card total expected positive, stay >= 0."""
    assert CARD_REFUND_DAY.expected("card") == -2000
    counted = ClosingCount(count_cash({1000: 10, 200: 5}), {"card": -2000})
    card = next(row for row in close_figures(CARD_REFUND_DAY, counted) if row.tender == "card")
    assert (card.expected_cents, card.counted_cents, card.difference_cents) == (-2000, -2000, 0)
    for day in (RETURNS_DAY, FIGURES):  # card expected 0 or more: a negative count is absurd
        with pytest.raises(PosError) as refused:
            close_figures(day, ClosingCount(count_cash({1000: 1}), {"card": -2000}))
        assert refused.value.code == "counted_amount_refused"


@pytest.mark.parametrize("columns", [48, 32])
def test_the_x_report_names_each_rate_by_the_tickets_letter(columns: int) -> None:
    lines = _lines(x_report_slip(FIGURES), columns)
    assert any(line.startswith("C 5,5 % : HT") for line in lines)
    assert any(line.startswith("A 20 % : HT") for line in lines)
    english = _lines(x_report_slip(FIGURES, "en"), columns)
    assert any(line.startswith("C 5.5%: net") for line in english)
