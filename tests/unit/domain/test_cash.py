"""Counting a drawer by denomination: sums in cents, absurd counts refused by name."""

import pytest

from pos.domain.cash import DENOMINATIONS, MAX_PIECES, count_cash
from pos.domain.errors import PosError
from pos.domain.till_day import (
    CashierTotal,
    ClosingCount,
    DayFigures,
    StaffRef,
    TenderTotal,
    TillSession,
    close_figures,
    total_difference,
)


def test_the_euro_has_fifteen_denominations_and_a_count_sums_them() -> None:
    assert len(DENOMINATIONS) == 15 and DENOMINATIONS[0] == 1 and DENOMINATIONS[-1] == 50000
    counted = count_cash({50000: 1, 2000: 3, 200: 4, 1: 7, 10: 0})
    assert counted.total_cents == 50000 + 6000 + 800 + 7
    assert counted.pieces == ((1, 7), (200, 4), (2000, 3), (50000, 1))  # zeros left out
    assert count_cash({}).total_cents == 0


@pytest.mark.parametrize(
    ("counts", "code"),
    [
        ({500: -1}, "count_negative"),
        ({500: 2.0}, "count_not_whole"),
        ({500: "3"}, "count_not_whole"),
        ({500: True}, "count_not_whole"),
        ({1: MAX_PIECES + 1}, "count_too_large"),
        ({25: 1}, "unknown_denomination"),
        ({True: 1}, "unknown_denomination"),
    ],
)
def test_absurd_counts_are_refused_with_the_denomination(counts, code) -> None:
    with pytest.raises(PosError) as refused:
        count_cash(counts)
    assert refused.value.code == code
    assert refused.value.params["denomination"] == next(iter(counts))


def test_closing_figures_show_over_and_short_per_tender_and_add_gaps_in_absolute() -> None:
    session = TillSession("s", "T01", StaffRef("a", "A"), "t", count_cash({1000: 10}), "open")
    tenders = (
        TenderTotal("card", 1, 3000),
        TenderTotal("cash", 1, 4500),
        TenderTotal("gift_card", 1, 1500),
    )
    cashiers = (CashierTotal("A", 3, 9000),)
    x = DayFigures(session, "t", 3, 9000, 0, 5000, 500, 0, 1000, tenders, cashiers, ())
    assert x.cash_expected_cents == 10000 + 5000 - 500 - 1000
    rows = close_figures(x, ClosingCount(count_cash({1000: 14}), {"card": 2900}))
    by = {row.tender: row.difference_cents for row in rows}
    assert by == {"cash": 500, "card": -100, "cheque": 0, "meal_voucher": 0, "gift_card": 0}
    assert total_difference(rows) == 600  # the cash over does not hide the card short
