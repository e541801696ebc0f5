"""GS1 GTIN codes (EAN-13, EAN-8, UPC-A, UPC-E, GTIN-14): check digits and EAN-13 forms.

The catalogue is keyed on the 13-digit form, so the other lengths are validated here and
converted to it. Validators are strict (no whitespace trimming): ``parse_scan`` cleans input.
"""

from __future__ import annotations

from hardware.barcodes.errors import BarcodeError, check_digit_error, shown


def require_digits(code: str, what: str) -> None:
    """Refuse empty input and anything but ASCII digits (``isdigit`` alone accepts '²' or '٣')."""
    if not code:
        raise BarcodeError(
            f"The {what} is empty: scan again or type the code.", code="empty", what=what
        )
    if not (code.isascii() and code.isdigit()):
        raise BarcodeError(
            f"The {what} {shown(code)} must contain only digits: check it and type it again.",
            code="not_digits",
            raw=code,
            what=what,
        )


def _require_gtin(code: str, length: int, what: str) -> None:
    require_digits(code, what)
    if len(code) != length:
        raise BarcodeError(
            f"{shown(code)} has {len(code)} digits; {what} codes have {length}: "
            "scan again or type the full code.",
            code="bad_length",
            raw=code,
            what=what,
            length=length,
        )


def gtin_check_digit(body: str) -> int:
    """GS1 mod-10 check digit of ``body`` (GenSpecs 7.9.1): weights 3, 1, 3… from the right.

    Weighting from the right makes one function serve every GTIN length, and leading zeros
    do not change the result (which is why UPC-A and EAN-13 agree).
    """
    require_digits(body, "code")
    return _check_digit(body)


def _check_digit(body: str) -> int:
    """``gtin_check_digit`` of ASCII digits: every other digit from the right (weight 3)
    and the others (weight 1) summed by C over two slices, as each scan validates one."""
    return -(3 * sum(map(int, body[::-2])) + sum(map(int, body[-2::-2]))) % 10


def verified(code: str) -> str:
    """``code`` if its check digit is right, else raise: for a code already known to be
    ASCII digits of a GTIN's length (``parse_scan`` and the validators check both first),
    the check alone."""
    expected = _check_digit(code[:-1])
    if int(code[-1]) != expected:
        raise check_digit_error(code, expected)
    return code


def validate_ean13(code: str) -> str:
    """Return ``code`` if it is a 13-digit EAN with a correct check digit, else raise."""
    _require_gtin(code, 13, "EAN-13")
    return verified(code)


def validate_ean8(code: str) -> str:
    """Return ``code`` if it is an 8-digit EAN with a correct check digit, else raise."""
    _require_gtin(code, 8, "EAN-8")
    return verified(code)


def upca_to_ean13(upca: str) -> str:
    """Validate a 12-digit UPC-A and return its EAN-13 form (a leading 0 is prepended)."""
    _require_gtin(upca, 12, "UPC-A")
    return "0" + verified(upca)


def gtin14_to_ean13(gtin14: str) -> str:
    """Validate a GTIN-14 and return the EAN-13 it wraps, when it identifies a single item.

    Indicator 0 is a padded EAN-13 (same check digit). Indicators 1-8 are cartons and 9 is
    variable-measure trade units: neither is sold at the till, so they are refused.
    """
    _require_gtin(gtin14, 14, "GTIN-14")
    verified(gtin14)
    if gtin14[0] != "0":
        raise BarcodeError(
            f"{gtin14} is a carton code (GTIN-14 with indicator {gtin14[0]}), "
            "not the code of one item: scan the item itself.",
            code="trade_unit",
            raw=gtin14,
            indicator=gtin14[0],
        )
    return gtin14[1:]


def expand_upce(upce: str) -> str:
    """Expand an 8-digit UPC-E (number system 0 or 1) to its 12-digit UPC-A, check verified.

    The sixth data digit says where the zeros suppressed from the UPC-A go:
    0-2 → manufacturer ``ab{d}00``, product ``00cde``; 3 → ``abc00``, ``000de``;
    4 → ``abcd0``, ``0000e``; 5-9 → ``abcde``, ``0000{d}``.
    The check digit is the UPC-A one. Non-canonical forms (e.g. ``ab0de3``) are expanded
    anyway, as scanners do; ``compress_upca`` gives the canonical form.
    """
    _require_gtin(upce, 8, "UPC-E")
    if upce[0] not in "01":
        raise BarcodeError(
            f"{upce} is not a UPC-E code (they start with 0 or 1): scan again or type the code.",
            code="bad_number_system",
            raw=upce,
        )
    system, (a, b, c, d, e, last), check = upce[0], upce[1:7], upce[7]
    if last in "012":
        body = f"{a}{b}{last}0000{c}{d}{e}"
    elif last == "3":
        body = f"{a}{b}{c}00000{d}{e}"
    elif last == "4":
        body = f"{a}{b}{c}{d}00000{e}"
    else:
        body = f"{a}{b}{c}{d}{e}0000{last}"
    expected = gtin_check_digit(system + body)
    if int(check) != expected:
        raise check_digit_error(upce, expected)
    return system + body + check


def compress_upca(upca: str) -> str | None:
    """The canonical UPC-E of a valid UPC-A, or ``None`` when it has no UPC-E form."""
    _require_gtin(upca, 12, "UPC-A")
    verified(upca)
    system, maker, product, check = upca[0], upca[1:6], upca[6:11], upca[11]
    if system not in "01":
        return None
    if maker[2] in "012" and maker[3:] == "00" and product[:2] == "00":
        data = maker[:2] + product[2:] + maker[2]
    elif maker[3:] == "00" and product[:3] == "000":
        data = maker[:3] + product[3:] + "3"
    elif maker[4] == "0" and product[:4] == "0000":
        data = maker[:4] + product[4] + "4"
    elif product[:4] == "0000" and product[4] in "56789":
        data = maker + product[4]
    else:
        return None
    return system + data + check


def make_ean13(body12: str) -> str:
    """Append the check digit to 12 digits: how demo data and tests build valid EAN-13s."""
    require_digits(body12, "EAN-13 body")
    if len(body12) != 12:
        raise BarcodeError(
            f"An EAN-13 body has 12 digits, {shown(body12)} has {len(body12)}.",
            code="bad_length",
            raw=body12,
            length=12,
        )
    return body12 + str(gtin_check_digit(body12))
