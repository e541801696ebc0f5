"""A scan adding a line to a large part of the item stage (a per-unit promotion on a
department meeting promotions on SKUs of it) works the part out from the part it grew
from (``promotions.part_growth``) when its conditions hold, only the new line's
promotion worked out: its answer must be, every time, the one the engine gives
recomputing everything."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from pos.domain.promotions import Kind, PricingLine, PromotionBook, Target, parts
from tests.support.promotion_baskets import (
    BRANDS,
    DEPARTMENTS,
    a_context,
    a_line,
    a_promotion,
)
from tests.unit.domain.test_promotions_incremental import without_memo
from tests.unit.domain.test_promotions_properties import check_invariants

SKUS = [f"SKU-{n}" for n in range(40)]
PER_UNIT = ((Kind.PERCENT, (500, 1000, 2000, 3000)), (Kind.AMOUNT_OFF, (10, 30, 50, 400)))


def a_store_book(rng: random.Random) -> PromotionBook:
    """Per-unit promotions on departments and brands, meeting per-unit (and a few pooled)
    promotions on SKUs of them at the same priorities: large linked parts."""
    found = []
    for pid in range(1, rng.randint(4, 8)):
        kind, values = rng.choice(PER_UNIT)
        target = rng.choice((
            Target(departments=frozenset({rng.choice(DEPARTMENTS[:3])})),
            Target(brands=frozenset({rng.choice(BRANDS[:3])})),
        ))  # fmt: skip
        found.append(a_promotion(pid, kind, rng.choice(values), target=target,
                                 priority=rng.choice((0, 0, 1))))  # fmt: skip
    for pid in range(10, rng.randint(12, 24)):
        target = Target(skus=frozenset(rng.sample(SKUS, rng.randint(1, 3))))
        if rng.random() < 0.15:
            found.append(a_promotion(pid, Kind.N_FOR_M, 1, target=target, n=3, m=2,
                                     priority=rng.choice((0, 1, -1))))  # fmt: skip
            continue
        kind, values = rng.choice(PER_UNIT)
        found.append(a_promotion(pid, kind, rng.choice(values), target=target,
                                 priority=rng.choice((0, 0, 1))))  # fmt: skip
    found.append(a_promotion(90, Kind.PERCENT, 300, priority=-1))  # on everything
    found.append(a_promotion(91, Kind.THRESHOLD, 700, threshold_cents=3000))
    return PromotionBook(found)


def a_scan(rng: random.Random, line_id: int) -> PricingLine:
    sku = rng.choice(SKUS)
    fields = {"department": rng.choice(DEPARTMENTS[:3]), "brand": rng.choice(BRANDS[:3])}
    if rng.random() < 0.1:
        return a_line(line_id, sku, rng.choice((900, 1990)), rng.choice((250, 750)),
                      weighed=True, **fields)  # fmt: skip
    return a_line(line_id, sku, rng.choice((1, 99, 250, 1399)), rng.choice((1, 1, 2, 3)),
                  **fields)  # fmt: skip


@pytest.fixture
def grown(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many parts were worked out from a smaller one (the path under test)."""
    count = [0]
    for name in ("grown_part", "grown_from"):  # from the memo, or the basket before
        real = getattr(parts, name)

        def counting(*args: object, real=real) -> object:  # type: ignore[no-untyped-def]
            found = real(*args)
            count[0] += found is not None
            return found

        monkeypatch.setattr(parts, name, counting)
    return count


@pytest.mark.white_box
def test_a_grown_part_answers_as_the_engine_recomputing_everything(grown: list[int]) -> None:
    rng = random.Random(1515)
    evaluations = 0
    for _ in range(150):
        book = a_store_book(rng)  # its memo kept across the baskets below
        for _ in range(6):
            context = a_context()
            lines: list[PricingLine] = []
            for n in range(rng.randint(10, 40)):
                roll = rng.random()
                if roll < 0.7 or not lines:
                    lines = [*lines, a_scan(rng, 100 + n)]
                elif roll < 0.8:  # the last line taken off again (the benchmark's way)
                    lines = lines[:-1]
                elif roll < 0.9:  # a quantity changed
                    at = rng.randrange(len(lines))
                    quantity = lines[at].quantity % 3 + 1
                    changed = replace(lines[at], quantity=quantity,
                                      gross_cents=lines[at].unit_price_cents * quantity,
                                      weighed=False)  # fmt: skip
                    lines = [*lines[:at], changed, *lines[at + 1 :]]
                else:  # a line removed
                    at = rng.randrange(len(lines))
                    lines = lines[:at] + lines[at + 1 :]
                result = book.evaluate(lines, context)
                assert result == without_memo(book, lines, context)
                check_invariants(result, lines)
                evaluations += 1
    assert evaluations > 3000
    assert grown[0] > 500  # the path under test was taken, often


@pytest.mark.white_box
def test_a_scan_joining_a_large_part_prices_its_own_line_only(grown: list[int]) -> None:
    """A department at 10 % meets a SKU at 20 % (both priority 0): every line of the
    department is one part. Each scan of another article of the department prices
    that line alone, not the 31 lines of its part; the department's 10 %, saving
    more in all, keeps the SKU's line."""
    department = Target(departments=frozenset({"crèmerie"}))
    book = PromotionBook([
        a_promotion(1, Kind.PERCENT, 1000, target=department),
        a_promotion(2, Kind.PERCENT, 2000, target=Target(skus=frozenset({"SKU-0"}))),
        a_promotion(3, Kind.PERCENT, 300, priority=-1),
    ])  # fmt: skip
    context = a_context()
    index = book.eligible(context)
    dairy = {"department": "crèmerie", "brand": "Danone"}
    lines = [a_line(1, "SKU-0", 250, **dairy)]
    lines += [a_line(n, f"SKU-{n}", 100 + n, **dairy) for n in range(2, 31)]
    book.evaluate(lines, context)
    priced = []
    for n in range(31, 51):
        before = index.lines_priced
        scanned = [*lines, a_line(n, f"SKU-{n}", 100 + n, quantity=n % 3 + 1, **dairy)]
        result = book.evaluate(scanned, context)
        priced.append(index.lines_priced - before)
        assert result == without_memo(book, scanned, context)
        assert [a.promotion_id for a in result.lines[1]] == [1]
        assert [a.promotion_id for a in result.lines[n]] == [1]  # none left for the 3 %
    assert priced == [1] * 20
    assert grown[0] == 20


def test_a_line_a_pooled_promotion_took_in_part_before_is_still_contested() -> None:
    """A "3 for 2" of a higher priority takes three of four yogurts; at priority 0 the
    yogurt's own -50 % (500 c on the unit left) beats the department's -10 % (300 c in
    all). A 30 € article of the department then makes the -10 % the larger (600 c): it
    is chosen first and takes the yogurt left. The part cannot be grown from the last
    one (the yogurt was not taken whole above, nor by the -10 %): priced whole."""
    dairy = Target(departments=frozenset({"crèmerie"}))
    book = PromotionBook([
        a_promotion(1, Kind.N_FOR_M, 1, target=Target(skus=frozenset({"SKU-A"})), n=3, m=2,
                    priority=1),
        a_promotion(2, Kind.PERCENT, 1000, target=dairy),
        a_promotion(3, Kind.PERCENT, 5000, target=Target(skus=frozenset({"SKU-A"}))),
    ])  # fmt: skip
    context = a_context()
    fields = {"department": "crèmerie", "brand": "Danone"}
    lines = [a_line(1, "SKU-A", 1000, 4, **fields), a_line(2, "SKU-C", 2000, **fields)]
    before = book.evaluate(lines, context)
    assert [(a.promotion_id, a.discount_cents) for a in before.lines[1]] == [(1, 1000), (3, 500)]
    scanned = [*lines, a_line(3, "SKU-L", 3000, **fields)]
    after = book.evaluate(scanned, context)
    assert after == without_memo(book, scanned, context)
    assert [(a.promotion_id, a.discount_cents) for a in after.lines[1]] == [(1, 1000), (2, 100)]
