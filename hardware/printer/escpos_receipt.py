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

import contextlib
import io
import logging
from functools import partial
from typing import Any

from hardware.printer.encoding import RASTER, encode_text, fold_text
from hardware.printer.failures import PrinterSetupError
from hardware.printer.models import PrinterModel, model_of_profile
from hardware.printer.raster import print_text_image
from hardware.receipt.blocks import Cut, SaleCode, ScanCode, Text
from hardware.receipt.document import ReceiptDocument
from hardware.receipt.layout import Item, layout
from hardware.receipt.sale_code import PAPER_DOTS, code128_for
from hardware.receipt.slip import SlipDocument, layout_slip

log = logging.getLogger(__name__)

DOTS_FOR_COLUMNS = PAPER_DOTS  # printable dots per line: 80 mm / 58 mm heads
#: QR module size in dots: ~20 mm for a UUID, easy for a handheld scanner.
QR_MODULE_DOTS = 5
#: QR module size in dots when drawn here: 4 dots keep a UUID's code under 25 mm.
QR_IMAGE_DOTS = 4

DRAWER_PINS = (2, 5)
#: Lines fed instead of a cut on a printer without a cutter: past the tear bar.
TEAR_FEED_LINES = 6
ESC_FONT = b"\x1bM"


def start_job(printer: Any, codepage: str) -> None:
    """Reset the printer and select ``codepage`` explicitly (``ESC @`` then ``ESC t n``);
    ``RASTER`` selects none: the text goes as pictures."""
    printer.hw("INIT")
    if codepage.upper() != RASTER:
        select_codepage(printer, codepage)
    else:  # INIT left page 0: the library's own newlines (around a QR picture) need no ESC t
        printer.magic.encoding = printer.profile.codePages.get("0")


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
    """What the model can do decides: a QR drawn by the printer or sent as a picture, a
    cut only if it has a cutter, the font that fits ``columns``, and text as pictures
    for ``RASTER``."""
    model = model_of_profile(printer.profile)
    start_job(printer, codepage)
    font = _select_font(printer, model, columns, codepage)
    pictured: list[Text | str] = []
    for item in items:
        if codepage.upper() == RASTER and isinstance(item, Text | str):
            pictured.append(item)
            continue
        _flush_pictured(printer, pictured, model, columns)
        _render(printer, item, codepage=codepage, columns=columns, qr_native=qr_native, font=font)
    _flush_pictured(printer, pictured, model, columns)
    cut_paper(printer, model)


def _select_font(printer: Any, model: PrinterModel, columns: int, codepage: str) -> int:
    """Font A unless it prints fewer than ``columns`` (TM-T88V: 42): then the first that
    fits (``ESC M n``); a database with odd figures keeps font A."""
    font = model.font_for(columns) or 0
    if font and codepage.upper() != RASTER:
        printer._raw(ESC_FONT + bytes((font,)))
    return font


def _flush_pictured(
    printer: Any, pictured: list[Text | str], model: PrinterModel, columns: int
) -> None:
    dots = DOTS_FOR_COLUMNS.get(columns, 384)
    width = min(dots, model.dots) if model.dots else dots
    print_text_image(printer, pictured, columns=columns, width_dots=width, impl=model.image_impl)
    pictured.clear()


def cut_paper(printer: Any, model: PrinterModel) -> None:
    """Cut where the model has a cutter; else feed the text past the tear bar."""
    if model.cut:
        printer.cut()
    else:
        printer._raw(b"\n" * TEAR_FEED_LINES)  # not ln(): no code page in raster jobs


def _render(
    printer: Any, item: Item, *, codepage: str, columns: int, qr_native: bool, font: int
) -> None:
    if isinstance(item, Text):
        _render_text(printer, item, codepage, font)
    elif isinstance(item, SaleCode):
        _render_sale_code(printer, item, columns=columns, qr_native=qr_native)
    elif isinstance(item, ScanCode):
        _render_scan_code(printer, item, columns=columns, qr_native=qr_native)
    elif isinstance(item, Cut):
        # the next document (a credit note) is the customer's own paper
        cut_paper(printer, model_of_profile(printer.profile))
    else:
        write_line(printer, item, codepage)


def _render_text(printer: Any, item: Text, codepage: str, font: int) -> None:
    """``ESC !`` (sizes) also resets the font to A: the chosen font is selected again."""
    printer.set(bold=item.bold, double_height=item.double_height, double_width=item.double_width)
    if font and (item.double_height or item.double_width):
        printer._raw(ESC_FONT + bytes((font,)))
    write_line(printer, item.text, codepage)
    printer.set(normal_textsize=True, bold=False)
    if font:
        printer._raw(ESC_FONT + bytes((font,)))


def _render_sale_code(printer: Any, code: SaleCode, *, columns: int, qr_native: bool) -> None:
    """Centred code; native QR refuses ``center=True``, so alignment is set around it.
    Without QR, the Code 128 of the sale id, or on 58 mm paper of the ticket code."""
    printer.set(align="center")
    if qr_native:
        print_qr(printer, code.sale_id)
    else:
        _render_code128(printer, code.sale_id, code.ticket_ref, columns)
    printer.set(align="left")


def _render_scan_code(printer: Any, item: ScanCode, *, columns: int, qr_native: bool) -> None:
    """A credit note's code: its QR text, or its bare code as a Code 128 (set B)."""
    printer.set(align="center")
    if qr_native:
        print_qr(printer, item.qr_text)
    else:
        _render_code128(printer, item.barcode_text, "", columns)  # not a UUID: set B as it is
    printer.set(align="left")


def print_qr(printer: Any, data: str) -> None:
    """A QR code: drawn by the printer (``GS ( k``) where the model can, else made here
    as a picture (python-escpos with ``qrcode``) and sent with the model's image command,
    so a 58 mm printer without QR support still gives a code to scan for a return."""
    model = model_of_profile(printer.profile)
    if model.qr:
        printer.qr(data, native=True, size=QR_MODULE_DOTS)
        return
    arguments = {"impl": model.image_impl, "center": False}  # ESC a centres it
    with contextlib.redirect_stdout(io.StringIO()):  # escpos notes unknown widths there
        printer.qr(data, native=False, size=QR_IMAGE_DOTS, image_arguments=arguments)


def _render_code128(printer: Any, code: str, fallback: str, columns: int) -> None:
    if not model_of_profile(printer.profile).barcode:
        # python-escpos would draw it in software, which fails on some Pillow builds
        log.warning("This printer model draws no Code 128; %r printed as text only", code)
        return
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


def print_lines(printer: Any, lines: list[Text | str], *, columns: int, codepage: str) -> None:
    """Laid-out lines (the test page), printed and cut as a receipt is."""
    _print_items(printer, list(lines), columns=columns, codepage=codepage, qr_native=False)
