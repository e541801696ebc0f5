"""A line priced alone takes its outcome from the parts memo without hashing its key
again on the next scans (``PricingLine._alone``, kept with the memo it came from): the
next evaluation of a basket looks up no single line, and the same line objects priced
by another book, or in another context, get that book's answer, never the first's."""

from __future__ import annotations

import pytest

from pos.domain.promotions import Kind, PromotionBook, Target
from pos.domain.promotions.parts import PartMemo
from tests.support.promotion_baskets import a_context, a_line, a_promotion
from tests.unit.domain.test_promotions_incremental import without_memo


class CountingMemo(PartMemo):
    """A parts memo counting its look-ups."""

    __slots__ = ("lookups",)

    def __init__(self) -> None:
        super().__init__()
        self.lookups = 0

    def get(self, key, default=None):  # type: ignore[override]
        self.lookups += 1
        return super().get(key, default)


def lines_of_a_basket() -> list:
    return [
        a_line(n, f"SKU-{n % 7}", 100 + 37 * n % 900, n % 3 + 1,
               department="crèmerie" if n % 2 else "épicerie")
        for n in range(1, 31)
    ]  # fmt: skip


@pytest.mark.white_box
def test_a_basket_priced_again_looks_up_no_single_line() -> None:
    book = PromotionBook([
        a_promotion(1, Kind.PERCENT, 1000, target=Target(skus=frozenset({"SKU-1", "SKU-2"}))),
        a_promotion(2, Kind.AMOUNT_OFF, 30, target=Target(departments=frozenset({"épicerie"}))),
        a_promotion(3, Kind.N_FOR_M, 1, target=Target(skus=frozenset({"SKU-5"})), n=3, m=2),
    ])  # fmt: skip
    context = a_context()
    memo = CountingMemo()
    object.__setattr__(book.eligible(context), "_parts", memo)
    lines = lines_of_a_basket()
    first = book.evaluate(lines, context)
    single = memo.lookups  # each line alone and each part looked up once (then priced)
    assert single >= 5
    memo.lookups = 0
    again = book.evaluate(lines, context)
    assert again == first == without_memo(book, lines, context)
    assert memo.lookups <= 2  # the linked parts only (the department's, the "3 pour 2")


def test_the_same_lines_in_another_book_or_context_get_its_answer() -> None:
    dairy = Target(departments=frozenset({"crèmerie"}))
    tenth = PromotionBook([a_promotion(1, Kind.PERCENT, 1000, target=dairy)])
    fifth = PromotionBook([a_promotion(1, Kind.PERCENT, 2000, target=dairy)])
    members = PromotionBook([a_promotion(1, Kind.PERCENT, 3000, target=dairy,
                                         customer_only=True)])  # fmt: skip
    lines = lines_of_a_basket()
    asked = [(tenth, a_context()), (fifth, a_context()), (tenth, a_context()),
             (members, a_context()), (members, a_context(customer_id="c-1"))]  # fmt: skip
    for book, context in asked:
        for _ in range(2):
            assert book.evaluate(lines, context) == without_memo(book, lines, context)
    off = members.evaluate(lines, a_context(customer_id="c-1")).saved_cents
    assert off > fifth.evaluate(lines, a_context()).saved_cents > 0
    assert members.evaluate(lines, a_context()).saved_cents == 0
