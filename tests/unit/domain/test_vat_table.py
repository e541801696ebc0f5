"""The VAT table a scan builds from its amounts per rate (``vat_table``) is the one
``vat_breakdown`` splits from nothing, whatever rows it keeps from earlier scans and
however often its memo is cleared at its bound."""

from __future__ import annotations

import random

import pytest

from pos.domain import vat
from pos.domain.vat import FRENCH_RATES, vat_breakdown, vat_table


@pytest.mark.parametrize("limit", [1, 7, 4096])
def test_the_kept_rows_are_the_rows_split_from_nothing(
    monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr(vat, "_SPLITS_LIMIT", limit)
    rng = random.Random(limit)
    per_rate = {bp: rng.randint(0, 5_000) for bp in FRENCH_RATES}
    for _ in range(2_000):  # a scan moves one or two rates, a refund goes below zero
        for bp in rng.sample(list(FRENCH_RATES), rng.randint(1, 2)):
            per_rate[bp] = rng.choice((per_rate[bp] + rng.randint(-900, 900), -rng.randint(0, 99)))
        shown = {bp: cents for bp, cents in per_rate.items() if rng.random() < 0.9}
        assert vat_table(shown) == vat_breakdown(shown.items())
    assert len(vat._splits) <= max(limit, 1)


def test_a_rate_whose_amount_did_not_move_keeps_its_row() -> None:
    first = vat_table({2000: 1234, 550: 999})
    second = vat_table({2000: 1234, 550: 1998})
    assert second[0] is first[0] and second[1] != first[1]
