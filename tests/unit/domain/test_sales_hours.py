"""The store's days as UTC hour keys, and the local hour of each across the switches."""

from __future__ import annotations

from datetime import date

import pytest

from pos.domain.sales_hours import day_bounds, hour_bounds, offset_spans, period_of


def test_a_winter_day_and_a_summer_day() -> None:
    winter = period_of(date(2026, 1, 15), date(2026, 1, 15))
    assert hour_bounds(winter) == ("2026-01-14T23", "2026-01-15T23")
    assert offset_spans(winter) == (("2026-01-15T23", 1),)
    summer = period_of(date(2026, 7, 14), date(2026, 7, 14))
    assert hour_bounds(summer) == ("2026-07-13T22", "2026-07-14T22")
    assert offset_spans(summer) == (("2026-07-14T22", 2),)


def test_the_switches_of_a_year() -> None:
    year = period_of(date(2026, 1, 1), date(2026, 12, 31))
    # 29 March 2026 at 01:00 UTC Paris goes to +2; 25 October at 01:00 UTC back to +1.
    assert offset_spans(year) == (
        ("2026-03-29T01", 1),
        ("2026-10-25T01", 2),
        ("2026-12-31T23", 1),
    )
    autumn = period_of(date(2026, 10, 25), date(2026, 10, 25))
    start, end = hour_bounds(autumn)
    assert (start, end) == ("2026-10-24T22", "2026-10-25T23")  # a 25-hour day


def test_a_reversed_period_is_refused() -> None:
    with pytest.raises(ValueError):
        period_of(date(2026, 2, 1), date(2026, 1, 31))


def test_the_22_hour_goes_to_its_store_day() -> None:
    """22:00-22:59 UTC is 23:xx the same day in winter, 00:xx the next day in summer."""
    assert day_bounds(period_of(date(2026, 1, 15), date(2026, 1, 16))) == (
        "2026-01-15",
        "2026-01-16T22",
    )
    assert day_bounds(period_of(date(2026, 7, 14), date(2026, 7, 15))) == (
        "2026-07-13T22",
        "2026-07-15",
    )
    # The spring day starts in winter (no 22:00 before it), the autumn day in summer.
    assert day_bounds(period_of(date(2026, 3, 29), date(2026, 3, 29))) == (
        "2026-03-29",
        "2026-03-29",
    )
    assert day_bounds(period_of(date(2026, 10, 25), date(2026, 10, 25))) == (
        "2026-10-24T22",
        "2026-10-25T22",
    )
