"""Quantities: whole units, or grams for goods sold by weight, within sane bounds.

An absurd quantity is almost always a slip (a barcode scanned into the quantity field),
so it is refused with a message rather than priced.
"""

from __future__ import annotations

from pos.domain.errors import PosError
from pos.domain.money import mul_div_half_up
from pos.domain.product import SoldBy

MAX_UNITS = 9_999
MAX_GRAMS = 100_000  # 100 kg on one line


def check_quantity(quantity: object, sold_by: SoldBy) -> int:
    """Return ``quantity`` if it fits how the product is sold; raise PosError if not."""
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise PosError("A quantity must be a whole number.", code="quantity_not_integer")
    if quantity <= 0:
        raise PosError("A quantity must be at least 1.", code="quantity_not_positive")
    limit = MAX_GRAMS if sold_by is SoldBy.WEIGHT else MAX_UNITS
    if quantity > limit:
        unit = "g" if sold_by is SoldBy.WEIGHT else "units"
        raise PosError(
            f"{quantity} {unit} is more than one line can hold ({limit} {unit}): check the "
            "quantity.",
            code="quantity_too_large",
            limit=limit,
        )
    return quantity


def line_gross(price_cents: int, quantity: int, sold_by: SoldBy) -> int:
    """Price × quantity in cents; per-kilogram prices are applied to grams, half up."""
    if sold_by is SoldBy.WEIGHT:
        return mul_div_half_up(price_cents, quantity, 1000)
    return price_cents * quantity


def line_portion(total_cents: int, quantity: int, count: int) -> int:
    """What ``count`` of a line's ``quantity`` costs when the line was priced whole (its
    promotions): its total in proportion, half up; all of it, exactly ``total_cents``.
    Central (a partial pickup, its points, its refund) and the till (ringing it up) alike."""
    if count == quantity:
        return total_cents
    return mul_div_half_up(total_cents, count, quantity)


def format_quantity(quantity: int, sold_by: SoldBy) -> str:
    """ "3", "0,452 kg": how a quantity reads on a French ticket."""
    if sold_by is SoldBy.WEIGHT:
        kilos, grams = divmod(quantity, 1000)
        return f"{kilos},{grams:03d} kg"
    return str(quantity)
