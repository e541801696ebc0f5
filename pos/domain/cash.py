"""Counting cash: the euro's coins and notes, and a count by denomination turned into cents.

A drawer is counted piece by piece (the opening float, the blind count of a Z), so the
figure typed for each denomination is a number of pieces. Anything a drawer cannot hold —
a negative count, a fraction, an unknown coin, thousands of 500 € notes — is a typing
error and refused with a ``PosError`` naming the denomination, never summed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pos.domain.errors import PosError
from pos.domain.money import format_eur

#: Euro coins (1 c … 2 €) and notes (5 € … 500 €), in cents, smallest first.
COINS: tuple[int, ...] = (1, 2, 5, 10, 20, 50, 100, 200)
NOTES: tuple[int, ...] = (500, 1000, 2000, 5000, 10000, 20000, 50000)
DENOMINATIONS: tuple[int, ...] = COINS + NOTES

#: More pieces of one denomination than this is not a till drawer (40 rolls of coins).
MAX_PIECES = 2000


@dataclass(frozen=True, slots=True)
class CashCount:
    """Pieces per denomination (zeros left out, smallest first) and what they add up to."""

    pieces: tuple[tuple[int, int], ...]

    @property
    def total_cents(self) -> int:
        return sum(denomination * count for denomination, count in self.pieces)

    def as_dict(self) -> dict[str, int]:
        """JSON-ready: denomination in cents (as text) → pieces."""
        return {str(denomination): count for denomination, count in self.pieces}


EMPTY_COUNT = CashCount(())


def _refused(message: str, code: str, denomination: object, count: object) -> PosError:
    return PosError(message, code=code, denomination=denomination, count=count, maximum=MAX_PIECES)


def count_cash(counts: Mapping[int, int]) -> CashCount:
    """Check a count by denomination (cents → pieces) and return it; ``PosError`` if any
    figure is absurd (codes ``unknown_denomination``, ``count_not_whole``,
    ``count_negative``, ``count_too_large``)."""
    pieces: dict[int, int] = {}
    for denomination, count in counts.items():
        if isinstance(denomination, bool) or denomination not in DENOMINATIONS:
            raise _refused(
                f"{denomination!r} is not a euro coin or note (in cents).",
                "unknown_denomination", denomination, count,
            )  # fmt: skip
        label = format_eur(denomination)
        if isinstance(count, bool) or not isinstance(count, int):
            raise _refused(
                f"The count of {label} pieces must be a whole number.",
                "count_not_whole", denomination, count,
            )  # fmt: skip
        if count < 0:
            raise _refused(
                f"The count of {label} pieces cannot be negative.",
                "count_negative", denomination, count,
            )  # fmt: skip
        if count > MAX_PIECES:
            raise _refused(
                f"{count} pieces of {label} is more than a drawer holds (at most {MAX_PIECES}):"
                " check the count.",
                "count_too_large", denomination, count,
            )  # fmt: skip
        if count:
            pieces[denomination] = count
    return CashCount(tuple(sorted(pieces.items())))


def cash_count_from_dict(raw: Mapping[str, int]) -> CashCount:
    """The inverse of ``CashCount.as_dict`` (a stored count read back)."""
    return count_cash({int(denomination): count for denomination, count in raw.items()})
