"""What a laid-out receipt is made of, besides plain text lines.

Plain ``str`` items are normal lines of exactly the receipt width. ``Text`` carries
emphasis for the renderer (bold, double height/width); ``SaleCode`` asks for the
machine-readable code of the sale id. Keeping these as data makes the layout testable
without a printer and lets a screen preview show the same ticket.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    """An emphasised line, already padded to its printed width.

    With ``double_width`` each character takes two cells, so the text holds half the
    receipt's columns; double height keeps the width.
    """

    text: str
    bold: bool = False
    double_height: bool = False
    double_width: bool = False


@dataclass(frozen=True, slots=True)
class SaleCode:
    """The sale id, printed as a QR code (or Code 128) so returns can find the sale.
    ``ticket_ref`` ("T01-123") is the Code 128 printed where the sale id's is too wide."""

    sale_id: str
    ticket_ref: str = ""


@dataclass(frozen=True, slots=True)
class ScanCode:
    """A code to scan that is not a sale id: ``qr_text`` as a QR code, or ``barcode_text``
    as a Code 128 when the printer draws no QR (a credit note: ``CMPT-AV:<code>`` is too
    wide for a Code 128 on any paper, its bare code fits 80 mm)."""

    qr_text: str
    barcode_text: str


@dataclass(frozen=True, slots=True)
class Cut:
    """The paper is cut here: what follows is another document (a credit note after its
    return ticket). ``mark`` is the dashed line a preview shows in its place."""

    mark: str


ReceiptBlock = Text | SaleCode | ScanCode | Cut
