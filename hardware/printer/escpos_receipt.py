"""Render receipts, desk slips, the drawer kick and the test page on a python-escpos printer.

Every job starts with ``INIT`` (a clean printer state, whatever the last job left) and
then selects the code page again: INIT puts the printer back on page 0 while
python-escpos still believes its old page, so ``select_codepage`` forgets the library's
page before ``charcode()`` to force a fresh ``ESC t n``. Text is sent as bytes made by
``encode_text`` (see ``encoding.py`` for why not ``printer.text()``).

The printer argument is any ``escpos.escpos.Escpos`` (``Network``, ``Usb``, ``Serial``,
``File`` or ``Dummy`` in tests); it is typed loosely so this module imports no escpos.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from hardware.printer.encoding import encode_text, fold_text
from hardware.printer.failures import PrinterSetupError
from hardware.receipt.blocks import Cut, SaleCode, ScanCode, Text
from hardware.receipt.document import ReceiptDocument
from hardware.receipt.layout import Item, layout
from hardware.receipt.sale_code import PAPER_DOTS, code128_for
from hardware.receipt.slip import SlipDocument, layout_slip

log = logging.getLogger(__name__)

DOTS_FOR_COLUMNS = PAPER_DOTS  # printable dots per line: 80 mm / 58 mm heads
#: QR module size in dots: ~20 mm for a UUID, easy for a handheld scanner.
QR_MODULE_DOTS = 5

DRAWER_PINS = (2, 5)
TEST_PAGE_CHARACTERS = (
    "àâäçéèêëîïôöùûüÿ",
    "ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ",
    "€ œ Œ æ Æ « » ’ … – ° ×",
    "Bœuf, œufs, crème brûlée, 12,50 €",
)


def start_job(printer: Any, codepage: str) -> None:
    """Reset the printer and select ``codepage`` explicitly (``ESC @`` then ``ESC t n``)."""
    printer.hw("INIT")
    select_codepage(printer, codepage)


def select_codepage(printer: Any, codepage: str) -> None:
    """Emit ``ESC t n`` for ``codepage`` even if the library thinks it is already selected.

    Raises ``PrinterSetupError`` when the printer's profile has no such page.
    """
    if codepage.upper() not in printer.profile.get_code_pages():
        raise PrinterSetupError(
            f"This printer model has no code page {codepage.upper()}: choose another code "
            "page in the printer settings."
        )
    printer.magic.encoding = None
    printer.charcode(codepage.upper())


def write_line(printer: Any, text: str, codepage: str) -> None:
    """One line of text; trailing spaces are dropped so a full line never wraps twice."""
    printer._raw(encode_text(text.rstrip() + "\n", codepage))


def print_receipt(
    printer: Any, doc: ReceiptDocument, *, columns: int, codepage: str, qr_native: bool = True
) -> None:
    """Print ``doc`` laid out for ``columns`` and cut. Raises what the transport raises.

    ``qr_native`` prints the sale id as a printer-drawn QR code (``GS ( k``); ``False``
    prints a Code 128 instead, for printers without QR support (80 mm paper only).
    """
    items = layout(doc, columns, fold=partial(fold_text, codepage=codepage))
    _print_items(printer, items, columns=columns, codepage=codepage, qr_native=qr_native)


def print_slip(
    printer: Any, doc: SlipDocument, *, columns: int, codepage: str, qr_native: bool = True
) -> None:
    """Print a desk slip (picking list, handover slip) and cut, exactly as a receipt:
    INIT, the code page selected again, text folded to the page, ``code`` as QR or
    Code 128. Raises what the transport raises."""
    items = layout_slip(doc, columns, fold=partial(fold_text, codepage=codepage))
    _print_items(printer, items, columns=columns, codepage=codepage, qr_native=qr_native)


def _print_items(
    printer: Any, items: list[Item], *, columns: int, codepage: str, qr_native: bool
) -> None:
    start_job(printer, codepage)
    for item in items:
        _render(printer, item, codepage=codepage, columns=columns, qr_native=qr_native)
    printer.cut()


def _render(printer: Any, item: Item, *, codepage: str, columns: int, qr_native: bool) -> None:
    if isinstance(item, Text):
        _render_text(printer, item, codepage)
    elif isinstance(item, SaleCode):
        _render_sale_code(printer, item, columns=columns, qr_native=qr_native)
    elif isinstance(item, ScanCode):
        _render_scan_code(printer, item, columns=columns, qr_native=qr_native)
    elif isinstance(item, Cut):
        printer.cut()  # the next document (a credit note) is the customer's own paper
    else:
        write_line(printer, item, codepage)


def _render_text(printer: Any, item: Text, codepage: str) -> None:
    printer.set(bold=item.bold, double_height=item.double_height, double_width=item.double_width)
    write_line(printer, item.text, codepage)
    printer.set(normal_textsize=True, bold=False)


def _render_sale_code(printer: Any, code: SaleCode, *, columns: int, qr_native: bool) -> None:
    """Centred code; native QR refuses ``center=True``, so alignment is set around it.
    Without QR, the Code 128 of the sale id, or on 58 mm paper of the ticket code."""
    printer.set(align="center")
    if qr_native:
        printer.qr(code.sale_id, native=True, size=QR_MODULE_DOTS)
    else:
        _render_code128(printer, code.sale_id, code.ticket_ref, columns)
    printer.set(align="left")


def _render_scan_code(printer: Any, item: ScanCode, *, columns: int, qr_native: bool) -> None:
    """A credit note's code: its QR text, or its bare code as a Code 128 (set B)."""
    printer.set(align="center")
    if qr_native:
        printer.qr(item.qr_text, native=True, size=QR_MODULE_DOTS)
    else:
        _render_code128(printer, item.barcode_text, "", columns)  # not a UUID: set B as it is
    printer.set(align="left")


def _render_code128(printer: Any, code: str, fallback: str, columns: int) -> None:
    chosen = code128_for(code, fallback, DOTS_FOR_COLUMNS.get(columns, 384))
    if chosen is None:
        log.warning("Code %r does not fit a Code 128 on this paper; text only", code)
        return
    payload, bar_dots = chosen
    printer.barcode(payload, "CODE128", height=64, width=bar_dots, pos="OFF", function_type="B")


def open_drawer(printer: Any, pin: int) -> None:
    """Pulse the drawer on connector pin 2 or 5 (``ESC p 0`` / ``ESC p 1``)."""
    if pin not in DRAWER_PINS:
        raise ValueError(f"The cash drawer pin must be 2 or 5, not {pin}.")
    printer.cashdraw(pin)


def print_test_page(printer: Any, columns: int, codepage: str) -> None:
    """Accents, €, œ and a width ruler, to check the code page and column setting."""
    start_job(printer, codepage)
    printer.set(bold=True, double_height=True)
    write_line(printer, "Comptoir - test", codepage)
    printer.set(normal_textsize=True, bold=False)
    write_line(printer, f"Code page {codepage.upper()}, {columns} columns", codepage)
    for line in TEST_PAGE_CHARACTERS:
        write_line(printer, line, codepage)
    ruler = "".join(str(n % 10) for n in range(1, columns + 1))
    write_line(printer, ruler, codepage)
    printer.cut()
