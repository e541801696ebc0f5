"""A scan that extends the basket last priced carries its item stage over
(``parts._after_one_more``): only the part the new line joins is looked up or priced,
the other lines keep what they had. Its answer must be, every time, the engine's
recomputing everything, and it must hold with the memo of parts trimmed between scans
(the till trims it when idle)."""

from __future__ import annotations

import random

import pytest

from pos.domain.promotions import Kind, PricingLine, PromotionBook, Target, engine, parts
from tests.support.promotion_baskets import a_context, a_line, a_promotion, random_promotion
from tests.unit.domain.test_promotions_incremental import SKUS, a_scan, without_memo
from tests.unit.domain.test_promotions_properties import check_invariants


@pytest.fixture
def carried(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many evaluations carried the stage over (the path under test)."""
    count = [0]
    real = parts._after_one_more

    def counting(*args: object) -> None:
        count[0] += 1
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(parts, "_after_one_more", counting)
    return count


@pytest.mark.white_box
def test_a_stage_carried_over_answers_as_the_engine_recomputing_everything(
    carried: list[int],
) -> None:
    """Baskets grown scan by scan, their last line replaced or taken off now and then
    (the benchmark's way), a line voided or overridden (not promotable), the memo of
    parts cleared at random between scans."""
    rng = random.Random(4242)
    evaluations = 0
    for _ in range(80):
        promotions = [random_promotion(rng, pid, SKUS) for pid in range(1, rng.randint(2, 30))]
        book = PromotionBook(promotions)
        reference = PromotionBook(promotions)  # its matches would replace the book's last
        for _ in range(5):
            context = a_context(customer_id=rng.choice((None, "cust-1")))
            index = book.eligible(context)
            lines: list[PricingLine] = []
            for n in range(rng.randint(5, 30)):
                roll = rng.random()
                if roll < 0.2 and lines:  # the last line replaced by another scan
                    lines = [*lines[:-1], a_scan(rng, 100 + n)]
                elif roll < 0.3 and lines:  # taken off again
                    lines = lines[:-1]
                else:
                    lines = [*lines, a_scan(rng, 100 + n)]
                if rng.random() < 0.2:
                    index._parts.clear()
                result = book.evaluate(lines, context)
                assert result == without_memo(reference, lines, context)
                check_invariants(result, lines)
                evaluations += 1
    assert evaluations > 5000
    assert carried[0] > 0.6 * evaluations


def test_a_scan_after_the_memo_was_trimmed_prices_its_own_part_only() -> None:
    """The till trims the memo of parts when idle: the next scan still prices only the
    line it adds (its stage carried over from the basket before), not all 30."""
    book = PromotionBook([
        a_promotion(1, Kind.PERCENT, 1000, target=Target(skus=frozenset({"SKU-0"}))),
        a_promotion(2, Kind.N_FOR_M, 1, target=Target(skus=frozenset({"SKU-1"})), n=3, m=2),
        a_promotion(3, Kind.PERCENT, 300, priority=-1),
    ])  # fmt: skip
    reference = PromotionBook(book.promotions)
    context = a_context()
    index = book.eligible(context)
    lines = [a_line(n, f"SKU-{n % 5}", 100 + n) for n in range(1, 31)]
    book.evaluate(lines, context)
    priced = []
    for n in range(31, 41):
        index._parts.clear()
        before = index.lines_priced
        scanned = [*lines, a_line(n, f"SKU-{n}", 100 + n)]
        assert book.evaluate(scanned, context) == without_memo(reference, scanned, context)
        priced.append(index.lines_priced - before)
    assert priced == [1] * 10


def an_exclusive_book(rng: random.Random) -> PromotionBook:
    """Random promotions, a third of them exclusive (per-unit ones on a department, a
    brand or everything; now and then a pooled or a basket one): rule 4 decides often."""
    found = [random_promotion(rng, pid, SKUS) for pid in range(1, rng.randint(3, 12))]
    for pid in range(50, rng.randint(51, 56)):
        kind = rng.choice((Kind.PERCENT, Kind.PERCENT, Kind.AMOUNT_OFF, Kind.AMOUNT_OFF,
                           Kind.N_FOR_M, Kind.BASKET_AMOUNT))  # fmt: skip
        target = rng.choice((Target.all(), Target(departments=frozenset({"crèmerie"})),
                             Target(brands=frozenset({"Danone"}))))  # fmt: skip
        value = rng.choice((500, 1000, 3000)) if kind is Kind.PERCENT else rng.randint(1, 400)
        fields = {"n": 3, "m": 2} if kind is Kind.N_FOR_M else {}
        found.append(a_promotion(pid, kind, value, target=target, exclusive=True, **fields))
    return PromotionBook(found)


@pytest.mark.white_box
def test_exclusive_savings_carried_over_answer_as_the_engine_recomputing_everything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What each exclusive promotion saves alone is carried over from the basket before
    (``engine.alone_savings``): the new line's saving added to a per-unit one's."""
    carried = [0]
    real = engine.alone_savings

    def counting(exclusives, lines, before):  # type: ignore[no-untyped-def]
        carried[0] += sum(
            promotion.id in before and promotion.kind in (Kind.PERCENT, Kind.AMOUNT_OFF)
            for promotion, _ in exclusives
        ) if before else 0  # fmt: skip
        return real(exclusives, lines, before)

    monkeypatch.setattr(engine, "alone_savings", counting)
    rng = random.Random(5151)
    evaluations = won = 0
    for _ in range(80):
        book = an_exclusive_book(rng)
        reference = PromotionBook(book.promotions)
        for _ in range(4):
            context = a_context()
            lines: list[PricingLine] = []
            for n in range(rng.randint(5, 25)):
                if rng.random() < 0.2 and lines:  # the last line replaced by another scan
                    lines = [*lines[:-1], a_scan(rng, 100 + n)]
                else:
                    lines = [*lines, a_scan(rng, 100 + n)]
                result = book.evaluate(lines, context)
                assert result == without_memo(reference, lines, context)
                check_invariants(result, lines)
                won += result.exclusive_id is not None
                evaluations += 1
    assert evaluations > 3000 and won > 500
    assert carried[0] > 2000  # carried over from the basket before
