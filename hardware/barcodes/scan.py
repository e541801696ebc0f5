"""One entry point from what the scanner (or the cashier) typed to a normalised code.

Every GTIN comes out in its 13-digit form (EAN-8 excepted, which has no such form), so
the catalogue needs one key per product whatever symbology the label used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from hardware.barcodes.code128 import validate_sku
from hardware.barcodes.errors import BarcodeError, shown
from hardware.barcodes.gs1_variable import (
    DEFAULT_LAYOUTS,
    VariableMeasure,
    VariableMeasureLayout,
    decode_variable_measure,
)
from hardware.barcodes.gtin import (
    expand_upce,
    gtin14_to_ean13,
    upca_to_ean13,
    validate_ean8,
    verified,
)


class CodeKind(StrEnum):
    """The symbology a scan was read as; ``ScannedCode.value`` is in the form noted."""

    EAN13 = "ean13"  # 13 digits (also a GTIN-14 with indicator 0, without it)
    EAN8 = "ean8"  # 8 digits
    UPCA = "upca"  # the EAN-13 form: 0 + the 12 UPC-A digits
    UPCE = "upce"  # the EAN-13 form of the expanded UPC-A
    VARIABLE_MEASURE = "variable_measure"  # the 13 digits; details in ``measure``
    SKU = "sku"  # an internal reference, as scanned


@dataclass(frozen=True, slots=True)
class ScannedCode:
    """A scan that passed every check, ready for a catalogue lookup."""

    kind: CodeKind
    value: str
    measure: VariableMeasure | None = None


def parse_scan(raw: str, layouts: Iterable[VariableMeasureLayout] = DEFAULT_LAYOUTS) -> ScannedCode:
    """Classify and validate one scan; raise ``BarcodeError`` with a cashier-facing message.

    Surrounding whitespace (the scanner's CR/LF/tab suffix) is dropped, and so are spaces
    inside an otherwise all-digit code, typed as printed under the bars. By digit count:
    8 → EAN-8, 12 → UPC-A, 13 → EAN-13 or variable measure, 14 → GTIN-14 (indicator 0 only);
    any other count is refused. Anything not all digits is an internal reference (SKU).

    Eight digits are ambiguous: EAN-8 is tried first (it is what European labels carry),
    then UPC-E for a code starting with 0 or 1. A UPC-E whose digits also happen to pass
    the EAN-8 check (about one in ten) is therefore read as EAN-8.
    """
    text = raw.strip()
    if not text:
        raise BarcodeError("Nothing was scanned: scan again or type the code.", code="empty")
    digits = text.replace(" ", "")
    if not (digits.isascii() and digits.isdigit()):
        return ScannedCode(CodeKind.SKU, validate_sku(text))
    match len(digits):
        case 8:
            return _parse_eight(digits)
        case 12:
            return ScannedCode(CodeKind.UPCA, upca_to_ean13(digits))
        case 13:
            return _parse_ean13(verified(digits), layouts)
        case 14:
            return _parse_ean13(gtin14_to_ean13(digits), layouts)
        case _:
            raise BarcodeError(
                f"{shown(digits)} has {len(digits)} digits; barcodes have 8, 12, 13 or 14: "
                "scan again or type the full code.",
                code="bad_length",
                raw=digits,
            )


def _parse_eight(digits: str) -> ScannedCode:
    try:
        return ScannedCode(CodeKind.EAN8, validate_ean8(digits))
    except BarcodeError as ean8_error:
        if digits[0] not in "01":
            raise
        try:
            upca = expand_upce(digits)
        except BarcodeError:
            raise ean8_error from None  # name the EAN-8 digit: the likelier reading
        return ScannedCode(CodeKind.UPCE, upca_to_ean13(upca))


def _parse_ean13(ean13: str, layouts: Iterable[VariableMeasureLayout]) -> ScannedCode:
    """A valid EAN-13 (check digit verified) as a scanned code."""
    measure = decode_variable_measure(ean13, layouts) if ean13[0] == "2" else None
    if measure is None:
        return ScannedCode(CodeKind.EAN13, ean13)
    return ScannedCode(CodeKind.VARIABLE_MEASURE, ean13, measure)
