"""The closures' pure arithmetic: perpetual grand totals (the absolute one counting a
return positively), a year as the sum of its months, and the shop's calendar."""

from datetime import date

import pytest

from pos.domain.closures import (
    DAY,
    MONTH,
    YEAR,
    PeriodTotals,
    VatRow,
    closure_body,
    day_label,
    fiscal_year_label,
    fiscal_year_months,
    fiscal_year_start,
    month_end_utc,
    parse_month,
    sum_periods,
    totals_of,
)


def period(first: int, last: int, rows: tuple[VatRow, ...], total_abs: int) -> PeriodTotals:
    total = sum(row.total_cents for row in rows)
    return PeriodTotals(first, last, last - first + 1, rows, total, total_abs)


def test_grand_totals_are_perpetual_and_the_absolute_one_counts_a_return_positively():
    # Day 1: two sales, 12,00 € and 3,00 €. Day 2: a 5,00 € sale and a -8,00 € return.
    day1 = period(1, 2, (VatRow(2000, 1250, 250, 1500),), total_abs=1500)
    day2 = period(3, 4, (VatRow(2000, -250, -50, -300),), total_abs=500 + 800)
    first = closure_body(DAY, "2026-12-06", day1, None, 0, session_id="s1")
    second = closure_body(DAY, "2026-12-07", day2, first, 7, session_id="s2")
    assert (first["grand_total_cents"], first["grand_total_abs_cents"]) == (1500, 1500)
    assert second["total_cents"] == -300 and second["total_abs_cents"] == 1300
    assert second["grand_total_cents"] == 1200  # the return nets the turnover down…
    assert second["grand_total_abs_cents"] == 2800  # …but never the absolute grand total
    assert second["previous"] == 7 and second["session_id"] == "s2"


def test_a_year_is_the_sum_of_its_months_and_an_empty_month_keeps_the_run_contiguous():
    october = closure_body(
        MONTH, "2026-10", period(5, 9, (VatRow(2000, 1000, 200, 1200),
                                        VatRow(550, 1000, 55, 1055)), 2255), None, 0,
    )  # fmt: skip
    november = closure_body(MONTH, "2026-11", sum_periods([], after_seq=9), october, 3)
    december = closure_body(
        MONTH, "2026-12", period(10, 11, (VatRow(2000, 500, 100, 600),), 600), november, 4
    )
    assert (november["from"], november["to"], november["tickets"]) == (10, 9, 0)
    year = sum_periods([totals_of(m) for m in (october, november, december)], after_seq=4)
    body = closure_body(YEAR, "2026", year, None, 0)
    assert (body["from"], body["to"], body["tickets"]) == (5, 11, 7)
    assert body["totals_by_vat"] == [
        {"vat_bp": 2000, "base_cents": 1500, "vat_cents": 300, "total_cents": 1800},
        {"vat_bp": 550, "base_cents": 1000, "vat_cents": 55, "total_cents": 1055},
    ]
    assert body["total_cents"] == body["grand_total_cents"] == 2855
    assert "session_id" not in body


def test_periods_follow_the_shops_calendar_across_daylight_saving_time():
    assert day_label("2026-12-06T22:59:59.999Z") == "2026-12-06"
    assert day_label("2026-12-06T23:00:00.000Z") == "2026-12-07"  # midnight in Paris
    assert month_end_utc(date(2026, 12, 1)) == "2026-12-31T23:00:00.000Z"  # winter: UTC+1
    assert month_end_utc(date(2026, 7, 1)) == "2026-07-31T22:00:00.000Z"  # summer: UTC+2
    assert month_end_utc(date(2026, 3, 1)) == "2026-03-31T22:00:00.000Z"  # after the switch


def test_fiscal_years_start_on_the_configured_month():
    assert fiscal_year_start(date(2026, 12, 6), 1) == date(2026, 1, 1)
    assert fiscal_year_start(date(2027, 3, 6), 7) == date(2026, 7, 1)
    assert fiscal_year_label(date(2026, 1, 1)) == "2026"
    assert fiscal_year_label(date(2026, 7, 1)) == "2026-2027"
    assert fiscal_year_months(date(2026, 7, 1))[::11] == ["2026-07", "2027-06"]


@pytest.mark.parametrize("label", ["2026-13", "2026-1", "26-11", "2026/11", "novembre"])
def test_a_month_is_written_yyyy_mm(label: str):
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_month(label)
