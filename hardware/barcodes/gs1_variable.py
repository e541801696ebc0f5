"""GS1 variable-measure codes: EAN-13s with prefix 20-29 printed by a scale or a labeller.

These restricted-circulation numbers carry an item code (the scale's PLU) and either the
price or the weight of the item in hand. GS1 leaves their layout to each store or country,
so the layout is data (``VariableMeasureLayout``) that must match the scales' configuration.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from hardware.barcodes.errors import check_digit_error
from hardware.barcodes.gtin import require_digits, validate_ean13


class MeasureKind(StrEnum):
    """What the embedded value measures, and so its unit."""

    PRICE = "price"  # euro cents, the basket's unit of money
    WEIGHT = "weight"  # grams


# Weighted products of one digit, GS1 General Specifications 7.9.2 (index = digit).
_TWO_MINUS = (0, 2, 4, 6, 8, 9, 1, 3, 5, 7)  # 2×d, units digit minus tens digit
_THREE = (0, 3, 6, 9, 2, 5, 8, 1, 4, 7)  # 3×d, units digit
_FIVE_PLUS = (0, 5, 1, 6, 2, 7, 3, 8, 4, 9)  # 5×d, units digit plus tens digit
_FIVE_MINUS = (0, 5, 9, 4, 8, 3, 7, 2, 6, 1)  # 5×d, units digit minus tens digit
_FOUR_DIGIT_WEIGHTS = (_TWO_MINUS, _TWO_MINUS, _THREE, _FIVE_MINUS)  # GenSpecs 7.9.3
_FIVE_DIGIT_WEIGHTS = (_FIVE_PLUS, _TWO_MINUS, _FIVE_MINUS, _FIVE_PLUS, _TWO_MINUS)  # 7.9.4

#: The in-store restricted-circulation prefixes handled here (GS1 prefix 02 is not).
_VARIABLE_PREFIXES = frozenset(f"2{d}" for d in range(10))


def price_weight_check_digit(digits: str) -> int:
    """GS1 check digit of a 4- or 5-digit price/weight field (GenSpecs 7.9.3 and 7.9.4).

    Four digits: weights 2-, 2-, 3, 5-; the check digit is the units digit of 3 × the sum.
    Five digits: weights 5+, 2-, 5-, 5+, 2-; the check digit is the one whose 5- product
    brings the sum to a multiple of ten.
    """
    require_digits(digits, "price or weight field")
    if len(digits) == 4:
        return 3 * sum(w[int(d)] for w, d in zip(_FOUR_DIGIT_WEIGHTS, digits, strict=True)) % 10
    if len(digits) == 5:
        total = sum(w[int(d)] for w, d in zip(_FIVE_DIGIT_WEIGHTS, digits, strict=True))
        return _FIVE_MINUS.index(-total % 10)
    raise ValueError(f"a price/weight check digit covers 4 or 5 digits, not {len(digits)}")


@dataclass(frozen=True, slots=True)
class VariableMeasureLayout:
    """Where the item code and the value sit in a 2x EAN-13 (0-based digit positions).

    Positions 0-1 hold the prefix and 12 the EAN-13 check digit. When
    ``has_value_check_digit`` is set, the GS1 price/weight check digit sits just before the
    value (position ``value_start - 1``), as in ``21 IIIII V PPPP C``, and is verified.
    """

    prefixes: frozenset[str]
    kind: MeasureKind
    item_start: int = 2
    item_length: int = 5
    value_start: int = 7
    value_length: int = 5
    has_value_check_digit: bool = False

    def __post_init__(self) -> None:
        # A layout is configuration: refuse a wrong one when the till starts, not at the scan.
        if isinstance(self.prefixes, str):
            raise TypeError("prefixes is a set of two-digit strings, not one string")
        object.__setattr__(self, "prefixes", frozenset(self.prefixes))
        if not self.prefixes:
            raise ValueError("a variable-measure layout needs at least one prefix")
        for prefix in self.prefixes:
            if prefix not in _VARIABLE_PREFIXES:
                raise ValueError(f"variable-measure prefixes are 20 to 29, not {prefix!r}")
        object.__setattr__(self, "kind", MeasureKind(self.kind))
        used = [*self._span(self.item_start, self.item_length, "item code")]
        used += self._span(self.value_start, self.value_length, "value")
        if self.has_value_check_digit:
            if self.value_length not in (4, 5):
                raise ValueError("a value check digit covers a 4- or 5-digit value")
            used += self._span(self.value_start - 1, 1, "value check digit")
        if len(used) != len(set(used)):
            raise ValueError("the item code, value and value check digit overlap")

    @staticmethod
    def _span(start: int, length: int, what: str) -> range:
        if length < 1 or start < 2 or start + length > 12:
            raise ValueError(f"the {what} must lie within digits 2 to 11 of the EAN-13")
        return range(start, start + length)


@dataclass(frozen=True, slots=True)
class VariableMeasure:
    """What a variable-measure label says: which item, and its price (cents) or weight (g)."""

    item_code: str
    kind: MeasureKind
    value: int
    raw: str


#: A common configuration, to be changed to match the store's scales: prefixes 20-25 embed
#: the price in euro cents, 26-29 the weight in grams; layout ``PP IIIII VVVVV C`` (item code
#: at 2-6, value at 7-11, no price/weight check digit). Limits: 999.99 € and 99.999 kg.
DEFAULT_LAYOUTS: tuple[VariableMeasureLayout, ...] = (
    VariableMeasureLayout(
        prefixes=frozenset({"20", "21", "22", "23", "24", "25"}), kind=MeasureKind.PRICE
    ),
    VariableMeasureLayout(prefixes=frozenset({"26", "27", "28", "29"}), kind=MeasureKind.WEIGHT),
)


def decode_variable_measure(
    ean13: str, layouts: Iterable[VariableMeasureLayout] = DEFAULT_LAYOUTS
) -> VariableMeasure | None:
    """Decode a 2x EAN-13 with the first layout owning its prefix.

    Returns ``None`` for other prefixes or when no layout claims it (such a code is then an
    ordinary in-store EAN-13, e.g. a loyalty card). Raises ``BarcodeError`` on a wrong
    EAN-13 check digit or a wrong price/weight check digit.
    """
    validate_ean13(ean13)
    prefix = ean13[:2]
    if prefix[0] != "2":
        return None
    layout = next((lay for lay in layouts if prefix in lay.prefixes), None)
    if layout is None:
        return None
    value = ean13[layout.value_start : layout.value_start + layout.value_length]
    if layout.has_value_check_digit:
        expected = price_weight_check_digit(value)
        if int(ean13[layout.value_start - 1]) != expected:
            raise check_digit_error(ean13, expected, what=f"{layout.kind} check digit")
    return VariableMeasure(
        item_code=ean13[layout.item_start : layout.item_start + layout.item_length],
        kind=layout.kind,
        value=int(value),
        raw=ean13,
    )
