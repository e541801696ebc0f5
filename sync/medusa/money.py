"""Medusa's money in, integer cents out: the rules, in one place.

Medusa v2 sends amounts as decimals in major units (``4.99``), and totals it does not
round (a cart total of ``45.132``, a tax total of ``1.6633333333333333``). Many replies
also carry the exact decimal text beside the number (``raw_amount: {"value": "4.99"}``).
The rules:

1. Read the exact text when there is one (``raw_*.value``), else the JSON number through
   its shortest ``repr`` (``4.99`` stays ``4.99``, never ``4.9900000000000002131...``).
   Never compute money in binary floating point.
2. Convert to cents with ``ROUND_HALF_UP`` on the decimal value (``45.132`` -> 4513,
   ``0.125`` -> 13, ``2.345`` -> 235): the rounding a French receipt and a customer expect,
   the same one the till's VAT split uses.
3. Round each figure once, where it is read: a line's total is rounded from Medusa's line
   total, never rebuilt from a rounded unit price; a cart's total is Medusa's total rounded,
   never the sum of rounded lines (the difference, at most half a cent per line, is left
   visible rather than spread).
4. A VAT rate is a percentage (``20``, ``5.5``): basis points are ``rate * 100`` rounded
   half up (``5.5`` -> 550).
5. Refuse what cannot be money: negatives, NaN, infinities, over ``MAX_CENTS`` (the till's
   1,000,000.00 EUR), booleans, text that is not a decimal. The caller reports the item.
6. Going back (cents -> Medusa), ``cents / 100`` is exact in decimal and sent as a JSON
   number with at most two decimals.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

MAX_CENTS = 100_000_000  # the contract's bound (sync.contract.scalars.MAX_CENTS)
_CENT = Decimal(1)


class BadAmount(ValueError):
    """Not a money amount this till can hold."""


def decimal_of(value: Any, raw: Any = None) -> Decimal:
    """The exact decimal of a Medusa amount: ``raw`` (``{"value": "4.99"}``) wins."""
    if isinstance(raw, dict) and isinstance(raw.get("value"), str):
        text = raw["value"]
    elif isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BadAmount(f"{value!r} is not an amount")
    else:
        text = repr(value) if isinstance(value, float) else str(value)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise BadAmount(f"{text!r} is not an amount") from None
    if not number.is_finite():
        raise BadAmount(f"{text!r} is not a finite amount")
    return number


def to_cents(value: Any, raw: Any = None) -> int:
    """Integer cents of a major-unit amount, half up (rule 2); ``BadAmount`` if not money."""
    cents = int((decimal_of(value, raw) * 100).quantize(_CENT, rounding=ROUND_HALF_UP))
    if cents < 0:
        raise BadAmount(f"negative amount {value!r}")
    if cents > MAX_CENTS:
        raise BadAmount(f"amount {value!r} is over the till's limit")
    return cents


def field_cents(record: dict[str, Any], name: str) -> int:
    """``record[name]`` in cents, reading ``record["raw_" + name]`` first when present."""
    return to_cents(record.get(name), record.get(f"raw_{name}"))


def rate_to_bp(rate: Any) -> int:
    """A VAT percentage (``20``, ``5.5``) in basis points (rule 4)."""
    bp = int((decimal_of(rate) * 100).quantize(_CENT, rounding=ROUND_HALF_UP))
    if not 0 <= bp < 10_000:
        raise BadAmount(f"VAT rate {rate!r} is out of range")
    return bp


def to_major(cents: int) -> float:
    """Cents as Medusa's major-unit number (rule 6): exact to two decimals."""
    if isinstance(cents, bool) or not isinstance(cents, int) or cents < 0:
        raise BadAmount(f"{cents!r} is not a number of cents")
    return float(Decimal(cents) / 100)
