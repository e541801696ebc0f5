"""Money is an ``int`` of euro cents everywhere; ``Decimal`` appears only inside tax maths.

Amounts are bounded so that an absurd figure (a typo of ten zeros, a corrupted scan)
is refused with a clear message instead of flowing into a ticket, a journal and a push.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from pos.domain.errors import PosError

Cents = int

#: The largest amount one ticket, line or tender may carry: 1,000,000.00 €.
MAX_CENTS: Cents = 100_000_000


def check_amount(cents: object, *, what: str = "amount", allow_zero: bool = True) -> Cents:
    """Return ``cents`` if it is a sane, non-negative amount; raise ``PosError`` if not."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise PosError(f"The {what} must be a whole number of cents.", code="amount_not_cents")
    if cents < 0 or (cents == 0 and not allow_zero):
        raise PosError(f"The {what} must be positive.", code="amount_not_positive", what=what)
    if cents > MAX_CENTS:
        raise PosError(
            f"The {what} of {format_eur(cents)} is over the limit of {format_eur(MAX_CENTS)}.",
            code="amount_too_large",
            what=what,
        )
    return cents


def round_half_up(value: Decimal) -> Cents:
    """Round a Decimal number of cents to the nearest cent, halves away from zero."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def mul_div_half_up(amount: int, numerator: int, denominator: int) -> Cents:
    """``amount * numerator / denominator`` rounded half up, in exact integer arithmetic."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    product = amount * numerator
    sign = -1 if product < 0 else 1
    q, r = divmod(abs(product), denominator)
    if 2 * r >= denominator:
        q += 1
    return sign * q


def parse_eur(text: str) -> Cents:
    """Parse what a cashier types ("12,50", "12.5", "12 €", "1 234,56") into cents."""
    cleaned = text.strip().replace("€", "").replace("\u202f", "").replace("\xa0", "")
    cleaned = cleaned.replace(" ", "").replace(",", ".")
    if not cleaned or cleaned.count(".") > 1 or not cleaned.replace(".", "").isdigit():
        raise PosError(f"“{text}” is not an amount in euros.", code="amount_unreadable")
    whole, _, frac = cleaned.partition(".")
    if len(frac) > 2:
        raise PosError(f"“{text}” has more than two decimals.", code="amount_too_precise")
    cents = int(whole or "0") * 100 + int((frac + "00")[:2])
    return check_amount(cents)


def format_eur(cents: int) -> str:
    """French format for logs, receipts and messages: ``1 234,56 €`` (narrow no-break spaces)."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    grouped = f"{euros:,}".replace(",", "\u202f")
    return f"{sign}{grouped},{rest:02d}\u00a0€"
