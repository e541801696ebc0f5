"""A line sold at another price than the catalogue's, and why (issue 12).

The line keeps its catalogue price beside the new one, so the receipt, the sale record
and the X/Z can show what was changed; the reason is one a store actually uses, and
"other" needs a note. A zero, negative or absurd price is refused: it is a typing error,
not a price (a free item is a 100 % discount, which is recorded as such).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos.domain.errors import PosError
from pos.domain.money import MAX_CENTS, format_eur

#: A new price more than this many times the catalogue price is a typing error.
MAX_OVERRIDE_FACTOR = 10
MAX_NOTE_CHARS = 200


class OverrideReason(StrEnum):
    WRONG_LABEL = "wrong_label"  # the shelf label shows another price
    DAMAGED = "damaged"  # damaged item, sold as it is
    PRICE_MATCH = "price_match"  # matching a competitor's price
    GESTURE = "commercial_gesture"
    OTHER = "other"  # needs a note


@dataclass(frozen=True, slots=True)
class PriceOverride:
    """Why a line is not at its catalogue price; ``approval_id`` when a manager approved."""

    catalog_price_cents: int
    reason: OverrideReason
    note: str = ""
    approval_id: str | None = None


def check_override(catalog_cents: int, new_cents: int, reason: str, note: str) -> PriceOverride:
    """The override to record, or a ``PosError`` saying what is wrong with it."""
    if isinstance(new_cents, bool) or not isinstance(new_cents, int) or new_cents <= 0:
        raise PosError(
            "A new price must be more than 0,00 €: to give an item away, discount it by 100 %.",
            code="price_not_positive",
        )
    limit = min(MAX_CENTS, max(catalog_cents, 1) * MAX_OVERRIDE_FACTOR)
    if new_cents > limit:
        raise PosError(
            f"A new price of {format_eur(new_cents)} is more than {MAX_OVERRIDE_FACTOR} times "
            f"the catalogue price ({format_eur(catalog_cents)}): check the amount typed.",
            code="price_absurd",
            limit_cents=limit,
        )
    try:
        why = OverrideReason(reason)
    except ValueError:
        raise PosError("Choose why the price changes.", code="price_reason_missing") from None
    note = " ".join(str(note).split())[:MAX_NOTE_CHARS]
    if why is OverrideReason.OTHER and not note:
        raise PosError(
            "Say in a few words why the price changes (reason: other).",
            code="price_note_missing",
        )
    return PriceOverride(catalog_cents, why, note)
