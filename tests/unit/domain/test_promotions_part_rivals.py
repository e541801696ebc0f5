"""A scan adding a line to a large part whose per-unit promotions share lines at one
priority (a store's departments and brands, each taking only some of their lines): the
part is grown from the one before by walking the old greedy's choices
(``part_growth``), whichever of the new line's promotions takes it, one chosen before
or one never chosen. Every answer must be the engine's recomputing everything."""

from __future__ import annotations

import random

import pytest

from pos.domain.promotions import Kind, PricingLine, PromotionBook, Target, part_growth
from tests.support.promotion_baskets import BRANDS, DEPARTMENTS, a_context, a_line, a_promotion
from tests.unit.domain.test_promotions_incremental import without_memo
from tests.unit.domain.test_promotions_properties import check_invariants

SKUS = [f"SKU-{n}" for n in range(30)]
PER_UNIT = ((Kind.PERCENT, (500, 1000, 1500, 2000)), (Kind.AMOUNT_OFF, (10, 30, 50, 150)))


def a_rival_book(rng: random.Random) -> PromotionBook:
    """Per-unit promotions on two departments and two brands at priority 0 (a line of
    the third department and brand meets none of them, of one of each two), others on
    a few SKUs (at priority 0 too, or another), a pooled one now and then at priority
    0, and a 3 % on everything."""
    found = []
    targets = [Target(departments=frozenset({d})) for d in DEPARTMENTS[:2]]
    targets += [Target(brands=frozenset({b})) for b in BRANDS[:2]]
    for pid, target in enumerate(targets, start=1):
        kind, values = rng.choice(PER_UNIT)
        found.append(a_promotion(pid, kind, rng.choice(values), target=target))
    for pid in range(10, rng.randint(11, 16)):
        target = Target(skus=frozenset(rng.sample(SKUS, rng.randint(1, 3))))
        if rng.random() < 0.2:
            found.append(a_promotion(pid, Kind.N_FOR_M, 1, target=target, n=2, m=1))
            continue
        kind, values = rng.choice(PER_UNIT)
        found.append(a_promotion(pid, kind, rng.choice(values), target=target,
                                 priority=rng.choice((0, 0, 1, -1))))  # fmt: skip
    found.append(a_promotion(90, Kind.PERCENT, 300, priority=-2))  # on everything
    return PromotionBook(found)


def a_scan(rng: random.Random, line_id: int) -> PricingLine:
    """An article of one of three departments, of one of three brands."""
    fields = {"department": rng.choice(DEPARTMENTS[:3]), "brand": rng.choice(BRANDS[:3])}
    if rng.random() < 0.1:
        return a_line(line_id, rng.choice(SKUS), rng.choice((900, 1990)),
                      rng.choice((250, 750)), weighed=True, **fields)  # fmt: skip
    return a_line(line_id, rng.choice(SKUS), rng.choice((40, 99, 250, 700, 1399)),
                  rng.choice((1, 1, 2, 3)), **fields)  # fmt: skip


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many new lines the walk gave to a rival chosen before (``earlier``) and to
    one never chosen (``last``), and how often a rival ranking above an old choice by
    its bound had its saving known (``_exact``): the paths under test."""
    count = {"earlier": 0, "last": 0, "known later": 0, "known alone": 0}
    real = part_growth._taker

    def counting(rivals, level, part, lines, base, item_promotions):  # type: ignore[no-untyped-def]
        found = real(rivals, level, part, lines, base, item_promotions)
        if found is not None:
            earlier = any(a.promotion_id == found[0].id for items in base[0] for a in items)
            count["earlier" if earlier else "last"] += 1
        return found

    monkeypatch.setattr(part_growth, "_taker", counting)
    real_exact = part_growth._exact

    def known(pid, gain, step, order, saved, *rest):  # type: ignore[no-untyped-def]
        found = real_exact(pid, gain, step, order, saved, *rest)
        if found is not None:  # a rival that may be chosen earlier: its saving known
            count["known later" if pid in saved else "known alone"] += 1
        return found

    monkeypatch.setattr(part_growth, "_exact", known)
    return count


@pytest.mark.white_box
def test_a_part_grown_by_the_walk_answers_as_the_engine_recomputing_everything(
    taken: dict[str, int],
) -> None:
    rng = random.Random(2121)
    evaluations = 0
    for _ in range(120):
        book = a_rival_book(rng)  # its memo kept across the baskets below
        reference = PromotionBook(book.promotions)  # its matches would replace the book's
        for _ in range(4):
            context = a_context()
            lines: list[PricingLine] = []
            for n in range(rng.randint(8, 30)):
                if rng.random() < 0.8 or not lines:
                    lines = [*lines, a_scan(rng, 100 + n)]
                else:  # the last line taken off again (the benchmark's way)
                    lines = lines[:-1]
                result = book.evaluate(lines, context)
                assert result == without_memo(reference, lines, context)
                check_invariants(result, lines)
                evaluations += 1
    assert evaluations > 4000
    assert taken["earlier"] > 300 and taken["last"] > 300  # both paths, often
    assert taken["known later"] > 100 and taken["known alone"] > 100


def test_a_department_chosen_first_takes_a_new_line_its_brand_would_take_alone() -> None:
    """The grocery's -0.50 € is on every line of it and meets a -20 % on one brand
    (both priority 0): one part. A line of that brand saves more with the brand's
    -20 % alone, but the grocery's -0.50 €, saving the most on the whole part, is
    chosen first and takes it. Each such scan works the part out from the one before:
    one line priced, not the 21 of its part."""
    grocery = Target(departments=frozenset({"épicerie"}))
    book = PromotionBook([
        a_promotion(1, Kind.AMOUNT_OFF, 50, target=grocery),
        a_promotion(2, Kind.PERCENT, 2000, target=Target(brands=frozenset({"Lu"}))),
        a_promotion(3, Kind.AMOUNT_OFF, 50, target=Target(skus=frozenset({"SKU-1"}))),
        a_promotion(4, Kind.PERCENT, 300, priority=-1),
    ])  # fmt: skip
    reference = PromotionBook(book.promotions)
    context = a_context()
    index = book.eligible(context)
    lines = [a_line(1, "SKU-1", 329, department="épicerie", brand="Maison")]
    lines += [a_line(n, f"SKU-{n}", 150 + n, department="épicerie", brand="Maison")
              for n in range(2, 21)]  # fmt: skip
    lines.append(a_line(21, "SKU-21", 790, department="épicerie", brand="Lu"))
    book.evaluate(lines, context)
    priced = []
    for n in range(22, 32):
        before = index.lines_priced
        scanned = [*lines, a_line(n, f"SKU-{n}", 700 + n, department="épicerie", brand="Lu")]
        result = book.evaluate(scanned, context)
        priced.append(index.lines_priced - before)
        assert result == without_memo(reference, scanned, context)
        assert [(a.promotion_id, a.discount_cents) for a in result.lines[n]] == [(1, 50)]
    assert priced == [1] * 10
