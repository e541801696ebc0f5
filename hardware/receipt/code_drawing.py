"""A laid-out receipt's codes as dark modules, for a screen to draw what paper shows.

The decision is the printer's (``escpos_receipt``): a QR code of the sale id where the
printer draws QR codes; else the Code 128 ``code128_for`` picks for the paper's width (the
sale id, or on 58 mm the ticket code); else nothing, only the readable reference. The
symbols are built with the libraries python-escpos itself depends on (``qrcode``,
``python-barcode``), imported when a preview asks, off the start-up path.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardware.receipt.blocks import Cut, SaleCode, ScanCode, Text
from hardware.receipt.layout import Item
from hardware.receipt.sale_code import PAPER_DOTS, code128_for

#: QR module size in printer dots, as printed (``escpos_receipt.QR_MODULE_DOTS``).
QR_MODULE_DOTS = 5
#: A Code 128's bar height in dots, as printed.
BAR_HEIGHT_DOTS = 64


@dataclass(frozen=True, slots=True)
class CodeDrawing:
    """Dark modules row by row (a QR's square, or a Code 128's one row of bars), each
    ``module_dots`` printer dots wide; ``text`` is what a scanner reads from it."""

    modules: tuple[tuple[bool, ...], ...]
    module_dots: int
    text: str

    @property
    def is_qr(self) -> bool:
        return len(self.modules) > 1


PaperRow = str | Text | CodeDrawing


def paper_rows(items: list[Item], *, columns: int, qr_native: bool) -> list[PaperRow]:
    """What paper shows, row by row: text lines (emphasised ones as ``Text``), and the
    codes the printer would draw."""
    rows: list[PaperRow] = []
    for item in items:
        if isinstance(item, SaleCode | ScanCode):
            drawing = code_drawing(item, columns=columns, qr_native=qr_native)
            rows += [drawing] if drawing is not None else []
        elif isinstance(item, Cut):
            rows.append(item.mark)
        else:
            rows.append(item)
    return rows


def code_drawing(item: SaleCode | ScanCode, *, columns: int, qr_native: bool) -> CodeDrawing | None:
    """The code ``item`` prints as, or None where the paper shows none."""
    if isinstance(item, SaleCode):
        qr_text, code, fallback = item.sale_id, item.sale_id, item.ticket_ref
    else:
        qr_text, code, fallback = item.qr_text, item.barcode_text, ""
    if qr_native:
        return CodeDrawing(_qr_modules(qr_text), QR_MODULE_DOTS, qr_text)
    chosen = code128_for(code, fallback, PAPER_DOTS.get(columns, PAPER_DOTS[32]))
    if chosen is None:
        return None
    payload, bar_dots = chosen
    text = _payload_text(payload)
    return CodeDrawing((_code128_modules(text),), bar_dots, text)


def _payload_text(payload: str) -> str:
    """What a scanner reads: set B as written, set C's byte pairs as their digits."""
    if payload.startswith("{C"):
        return "".join(f"{ord(char):02d}" for char in payload[2:])
    return payload[2:]


def _qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    import qrcode  # python-escpos's own dependency

    symbol = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_L)
    symbol.add_data(text)
    symbol.make(fit=True)
    return tuple(tuple(bool(dark) for dark in row) for row in symbol.get_matrix())


def _code128_modules(text: str) -> tuple[bool, ...]:
    from barcode.codex import Code128  # python-barcode, python-escpos's own dependency

    return tuple(bit == "1" for bit in Code128(text).build()[0])
