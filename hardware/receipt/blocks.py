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
    """The sale id, printed as a QR code (or Code 128) so returns can find the sale."""

    sale_id: str


ReceiptBlock = Text | SaleCode
