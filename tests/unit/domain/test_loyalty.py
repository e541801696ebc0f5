"""The loyalty rule's arithmetic, the one both central and the till run."""

from __future__ import annotations

from pos.domain.loyalty import EarningLine, LoyaltyRule, points_earned, redemption_cents


def test_points_are_per_whole_euro_of_the_basket_not_of_each_line() -> None:
    rule = LoyaltyRule()
    # 3 × 0,70 € = 2,10 €: two points, where a floor per line would give none.
    assert points_earned([EarningLine(70), EarningLine(70), EarningLine(70)], rule) == 2
    assert points_earned([EarningLine(99)], rule) == 0
    assert points_earned([], rule) == 0


def test_department_multipliers_weigh_lines_before_the_floor() -> None:
    rule = LoyaltyRule(points_per_euro=2, department_percent={"Bio": 150, "Tabac": 0})
    lines = [EarningLine(1000, "Bio"), EarningLine(5000, "Tabac"), EarningLine(350, None)]
    # 10 € × 1.5 + 0 + 3,50 € = 18,50 € weighted: 18 whole euros, 2 points each.
    assert points_earned(lines, rule) == 36


def test_returned_or_negative_lines_earn_nothing_and_never_take_away() -> None:
    assert points_earned([EarningLine(-5000), EarningLine(250)], LoyaltyRule()) == 2


def test_redemption_value_rounds_down() -> None:
    rule = LoyaltyRule(redeem_points=100, redeem_cents=100)
    assert redemption_cents(250, rule) == 250
    assert redemption_cents(7, LoyaltyRule(redeem_points=3, redeem_cents=1)) == 2
