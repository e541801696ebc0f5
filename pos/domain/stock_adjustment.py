"""A manager's stock adjustment: why goods left (or came back to) the shelf outside a sale.

The reason decides the direction, so a broken jar can never be typed as +3 by mistake:
damaged, stolen, a sample given, own use take goods out; found puts them back. The
quantity is always positive and bounded: beyond ``MAX_UNITS`` (or ``MAX_GRAMS`` by
weight) the shelf needs a count, not an adjustment.
"""

from __future__ import annotations

from enum import StrEnum

from pos.domain.errors import PosError
from pos.domain.product import SoldBy


class AdjustReason(StrEnum):
    """The contract's stock reasons a till's adjustment may use."""

    DAMAGE = "damage"  # broken, spoilt, past its date
    THEFT = "theft"
    FOUND = "found"  # back on the shelf: found in the stockroom, a lost article
    SAMPLE = "sample"  # given to taste or to try
    OWN_USE = "own_use"  # used by the store itself


_INTO_STOCK = frozenset({AdjustReason.FOUND})
MAX_UNITS = 1_000
MAX_GRAMS = 1_000_000  # 1 t
MAX_NOTE_CHARS = 200


def adjustment_delta(reason: str | None, quantity: int, sold_by: SoldBy) -> int:
    """The signed delta of an adjustment; PosError (nothing recorded) for bad input."""
    if not reason:
        raise PosError("Choose why the stock changes (damaged, stolen, found…).",
                       code="adjust_no_reason")  # fmt: skip
    try:
        why = AdjustReason(reason)
    except ValueError:
        raise PosError(f"{reason!r} is not a reason for an adjustment.",
                       code="adjust_bad_reason", reason=reason) from None  # fmt: skip
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        raise PosError("Type a quantity above zero: the reason says whether it comes in or out.",
                       code="adjust_bad_quantity")  # fmt: skip
    limit = MAX_GRAMS if sold_by is SoldBy.WEIGHT else MAX_UNITS
    if quantity > limit:
        raise PosError(
            f"{quantity:,} is too many for an adjustment (at most {limit:,}): count the shelf.",
            code="adjust_absurd_quantity", quantity=quantity, limit=limit,
        )  # fmt: skip
    return quantity if why in _INTO_STOCK else -quantity


def clean_note(note: str) -> str:
    """One line, at most ``MAX_NOTE_CHARS``: a note is read in a list, not a document."""
    return " ".join(note.split())[:MAX_NOTE_CHARS]
