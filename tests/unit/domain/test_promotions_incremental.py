"""A scan reprices only the part of the basket it touches (``promotions.parts``): the
parts already priced are remembered by the book between scans and across baskets.
Over thousands of random scan sequences (adds, quantity changes, a price override,
voids), a book that has priced everything before answers exactly what a fresh book
answers, and what the engine gives without any memo; so a remembered part can never
serve a stale answer."""

from __future__ import annotations

import random
from dataclasses import replace
from operator import attrgetter

from pos.domain.promotions import PricingLine, PromotionBook
from pos.domain.promotions.engine import resolve
from pos.domain.promotions.parts import part_of
from tests.support.promotion_baskets import (
    BRANDS,
    DEPARTMENTS,
    a_context,
    a_line,
    random_promotion,
)
from tests.unit.domain.test_promotions_properties import check_invariants

SKUS = [f"SKU-{n}" for n in range(12)]  # few articles and prices: parts recur, and lines
# alike in all but one field meet, so a memo keyed without that field would be caught


def a_scan(rng: random.Random, line_id: int) -> PricingLine:
    fields = {
        "department": rng.choice(DEPARTMENTS[:3]),
        "brand": rng.choice(BRANDS[:3]),
        "promotable": rng.random() > 0.05,
    }
    sku = rng.choice(SKUS)
    if rng.random() < 0.15:
        grams = rng.choice((250, 500, 750, 1000))
        return a_line(line_id, sku, rng.choice((900, 1200)), grams, weighed=True, **fields)
    return a_line(line_id, sku, rng.choice((100, 250, 399)), rng.choice((1, 1, 2, 3)), **fields)


def step(rng: random.Random, lines: list[PricingLine], next_id: int) -> list[PricingLine]:
    """One till action on the basket: a scan, a quantity change, an override, a void."""
    roll = rng.random()
    if roll < 0.5 or not lines:
        return [*lines, a_scan(rng, next_id)]
    at = rng.randrange(len(lines))
    line = lines[at]
    if roll < 0.75:
        changed = replace(a_scan(rng, line.line_id), sku=line.sku, promotable=line.promotable)
    elif roll < 0.85:
        changed = replace(line, promotable=not line.promotable)
    else:
        return lines[:at] + lines[at + 1 :]
    return [*lines[:at], changed, *lines[at + 1 :]]


def without_memo(book: PromotionBook, lines: list[PricingLine], context) -> object:
    """The engine as it was before parts: the whole item stage recomputed."""
    ordered = sorted(lines, key=attrgetter("line_id"))
    return resolve(book.eligible(context).matches(ordered), ordered)


def test_a_book_that_remembers_parts_answers_like_a_fresh_one_scan_after_scan():
    rng = random.Random(1717)
    sequences = evaluations = 0
    for _ in range(100):  # promotion sets
        promotions = [random_promotion(rng, pid, SKUS) for pid in range(1, rng.randint(2, 30))]
        book = PromotionBook(promotions)  # kept across all the baskets below: a warm memo
        for _ in range(20):  # scan sequences, one basket each
            context = a_context(customer_id=rng.choice((None, "cust-1")))
            lines: list[PricingLine] = []
            for n in range(rng.randint(2, 14)):
                lines = step(rng, lines, 100 + n)
                result = book.evaluate(lines, context)
                assert result == without_memo(book, lines, context)
                if n % 4 == 0:
                    assert result == PromotionBook(promotions).evaluate(lines, context)
                    check_invariants(result, lines)
                evaluations += 1
            sequences += 1
    assert sequences == 2000 and evaluations > 15_000


def test_matches_extended_from_the_last_basket_are_those_found_from_nothing():
    """``EligibleIndex.matches`` extends its last answer by a scanned line (a basket
    growing, or its last line replaced as the scan benchmark does): over random
    sequences, each answer, its linking ids and its parts (extended from the last
    basket's) are those of a fresh index."""
    rng = random.Random(2027)
    extended = 0
    for _ in range(60):
        promotions = [random_promotion(rng, pid, SKUS) for pid in range(1, rng.randint(2, 30))]
        book = PromotionBook(promotions)
        context = a_context(customer_id=rng.choice((None, "cust-1")))
        index = book.eligible(context)
        lines: list[PricingLine] = []
        for n in range(rng.randint(4, 24)):
            roll = rng.random()
            if roll < 0.3 and lines:  # the last line replaced by another scan
                lines = [*lines[:-1], a_scan(rng, 100 + n)]
            elif roll < 0.4:  # a basket seen before, less its last line (a void)
                lines = lines[:-1]
            else:
                lines = step(rng, lines, 100 + n)
            extended += bool(index._recent) and any(
                len(known.lines) == len(lines) - 1 for known in index._recent
            )
            linking: set[int] = set()
            found = index.matches(lines, linking)
            fresh = type(index).of(index.promotions)
            fresh_linking: set[int] = set()
            assert found == fresh.matches(lines, fresh_linking)
            assert linking == fresh_linking
            known = index.matched(lines).part_of()  # from the base's parts, when known
            from_nothing = part_of(fresh.matched(lines).items, fresh_linking)
            assert known == from_nothing
    assert extended > 300
