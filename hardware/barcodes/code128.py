"""Internal references (SKUs) scanned from Code 128 labels or typed by the cashier.

Code 128's check character is verified by the scanner and never transmitted, so only the
text can be checked here: printable ASCII, 1 to 48 characters. Case is kept as scanned.
"""

from __future__ import annotations

from hardware.barcodes.errors import BarcodeError, shown

#: Longer than any label the shop prints; a longer read is a runaway scan or a paste.
SKU_MAX_LENGTH = 48


def validate_sku(raw: str) -> str:
    """Return the SKU with surrounding whitespace removed, or raise ``BarcodeError``."""
    sku = raw.strip()
    if not sku:
        raise BarcodeError(
            "The reference is empty: scan again or type the reference.", code="empty"
        )
    for position, char in enumerate(sku, start=1):
        if not " " <= char <= "~":
            raise BarcodeError(
                f"The reference {shown(sku)} contains a character that cannot be on a label "
                f"({char!r} at position {position}): scan again or type the reference.",
                code="bad_characters",
                raw=sku,
                char=char,
                position=position,
            )
    if len(sku) > SKU_MAX_LENGTH:
        raise BarcodeError(
            f"The reference {shown(sku)} is {len(sku)} characters long, more than "
            f"{SKU_MAX_LENGTH}: scan again or type the reference.",
            code="bad_length",
            raw=sku,
            length=SKU_MAX_LENGTH,
        )
    return sku
