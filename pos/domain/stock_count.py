"""Rules of a stock count: what may be typed, and what a variance is worth.

A count is blind: the counter types what the shelf holds, never seeing the figure the
till expects, so the count is not steered by it. A quantity is zero or more and bounded:
beyond ``MAX_COUNT_UNITS`` (or ``MAX_COUNT_GRAMS`` by weight) it is a typing slip (a
barcode typed into the quantity), refused with a sentence, never recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos.domain.errors import PosError
from pos.domain.product import Product, SoldBy

MAX_COUNT_UNITS = 10_000
MAX_COUNT_GRAMS = 1_000_000  # 1 t of one article on one shelf
MAX_LABEL_CHARS = 60


class CountScope(StrEnum):
    FULL = "full"  # the whole store
    DEPARTMENT = "department"  # one department: articles of others are refused
    SHELF = "shelf"  # a free label ("Allée 3, gondole B"): any article


class EntryMode(StrEnum):
    """How a quantity typed for an article already counted in this count is taken."""

    NEW = "new"  # the first time: refused (``count_entered_twice``) if already counted
    ADD = "add"  # a second place holds more of it (shelf and stockroom)
    REPLACE = "replace"  # the first figure was wrong


def counted_quantity(quantity: object, sold_by: SoldBy) -> int:
    """The quantity as recorded; PosError (nothing recorded) for a bad one."""
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise PosError("Type the quantity found as a whole number.", code="count_bad_quantity")
    if quantity < 0:
        raise PosError("A count cannot be negative: type what the shelf holds (0 if empty).",
                       code="count_negative", quantity=quantity)  # fmt: skip
    limit = MAX_COUNT_GRAMS if sold_by is SoldBy.WEIGHT else MAX_COUNT_UNITS
    if quantity > limit:
        raise PosError(
            f"{quantity:,} is not a plausible count (at most {limit:,}): check the figure.",
            code="count_absurd", quantity=quantity, limit=limit,
        )  # fmt: skip
    return quantity


def scope_label(scope: str, label: str) -> tuple[CountScope, str]:
    """The scope and its cleaned label; a department or shelf count must name one."""
    try:
        which = CountScope(scope)
    except ValueError:
        raise PosError(f"{scope!r} is not a kind of count.", code="count_bad_scope") from None
    text = " ".join(label.split())[:MAX_LABEL_CHARS]
    if which is CountScope.FULL:
        return which, ""
    if not text:
        raise PosError("Name the department or the shelf being counted.",
                       code="count_no_label")  # fmt: skip
    return which, text


@dataclass(frozen=True, slots=True)
class Variance:
    """One counted article after the count: counted − expected at the instant it was
    counted, and what that is worth at its selling price (VAT included)."""

    product: Product
    counted: int
    expected: int
    counted_at: str

    @property
    def variance(self) -> int:
        return self.counted - self.expected

    @property
    def value_cents(self) -> int:
        """Units × unit price, or grams × price per kg / 1000 rounded half away from 0."""
        if self.product.sold_by is not SoldBy.WEIGHT:
            return self.variance * self.product.price_cents
        raw = abs(self.variance) * self.product.price_cents
        cents = (raw + 500) // 1000
        return cents if self.variance >= 0 else -cents
