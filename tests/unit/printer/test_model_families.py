"""Receipts on each model family offered, both widths: the bytes python-escpos produces,
decoded back to text in the job's code page; and the raster fallback's bytes."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

import pytest
from escpos_text import escpos_text
from receipt_samples import SALE_ID, dummy_printer, sample_receipt

from hardware.printer.connections import PrinterConfig, PrinterDevice
from hardware.printer.encoding import (
    FRENCH_CHARACTERS,
    RASTER,
    codec_for,
    fold_text,
    missing_characters,
)
from hardware.printer.escpos_receipt import print_receipt
from hardware.printer.models import printer_model
from hardware.printer.raster import font_path, text_image
from hardware.printer.testpage import PageWords, page_lines, print_test_page
from hardware.receipt.blocks import Text
from hardware.receipt.document import ReceiptLine
from hardware.receipt.layout import layout

ESC_INIT = b"\x1b@"
GS_CUT = b"\x1dV"
RASTER_IMAGE = b"\x1dv0"  # GS v 0
COLUMN_IMAGE = b"\x1b*"  # ESC *

#: One per family: Epson, Star, Citizen, a cheap 58 mm printer, a CP437-only generic.
FAMILIES = [
    ("TM-T88V", "CP1252"),
    ("TM-T20II", "ISO_8859-15"),
    ("TSP600", "CP858"),
    ("CT-S651", "CP1252"),
    ("ZJ-5870", "CP850"),
    ("simple", "CP437"),
]


def _lines(columns: int, codepage: str) -> list[str]:
    items = layout(sample_receipt(), columns, fold=partial(fold_text, codepage=codepage))
    texts = [item.text if isinstance(item, Text) else item for item in items]
    return [text.rstrip() for text in texts if isinstance(text, str) and text.strip()]


@pytest.mark.parametrize(("key", "codepage"), FAMILIES)
@pytest.mark.parametrize("columns", [48, 32])
def test_every_line_reads_back_in_the_models_page(key: str, codepage: str, columns: int) -> None:
    model = printer_model(key)
    printer = dummy_printer(key)
    print_receipt(printer, sample_receipt(), columns=columns, codepage=codepage)
    output = printer.output
    number = int(printer.profile.get_code_pages()[codepage])
    assert output.startswith(ESC_INIT + b"\x1bt" + bytes((number,)))  # this model's ESC t n
    text = escpos_text(output, codec_for(codepage))
    for line in _lines(columns, codepage):
        assert line in text, line
    assert "?" not in text  # nothing silently lost (the sample has no "?")
    # the printer draws the QR, or it goes as a picture: something to scan either way
    assert (f"[QR {SALE_ID}]" in text) == model.qr
    assert ("[IMAGE " in text) == (not model.qr)
    assert (GS_CUT in output) == model.cut
    if not model.cut:
        assert output.endswith(b"\n" * 6)  # fed past the tear bar instead


@pytest.mark.parametrize(("key", "codepage"), FAMILIES)
def test_french_words_survive_or_fall_back_readably(key: str, codepage: str) -> None:
    printer = dummy_printer(key)
    print_receipt(printer, sample_receipt(), columns=48, codepage=codepage)
    text = escpos_text(printer.output, codec_for(codepage))
    euro = "€" if not missing_characters(codepage, "€") else "EUR"
    assert "TOTAL TTC" in text and f"27,76 {euro}" in text
    oe = "œ" if not missing_characters(codepage, "œ") else "oe"
    assert f"B{oe}uf bourguignon" in text
    assert ("mijoté" if not missing_characters(codepage, "é") else "mijote") in text


def test_48_columns_on_a_42_column_epson_select_font_b_and_keep_it() -> None:
    printer = dummy_printer("TM-T88V")
    print_receipt(printer, sample_receipt(), columns=48, codepage="CP1252")
    output = printer.output
    assert output.startswith(ESC_INIT + b"\x1bt\x10\x1bM\x01")
    # every size change (ESC !) resets the font: each is followed by font B again
    assert output.count(b"\x1b!\x00\x1bE\x00\x1bM\x01") >= 2
    printer = dummy_printer("TM-T20II")  # 48 columns in font A: no font command at all
    print_receipt(printer, sample_receipt(), columns=48, codepage="CP1252")
    assert b"\x1bM" not in printer.output


def test_a_model_without_qr_gets_a_qr_picture_or_code_128() -> None:
    printer = dummy_printer("TH230")  # 80 mm, Code 128 but no QR
    print_receipt(printer, sample_receipt(), columns=48, codepage="CP1252")
    text = escpos_text(printer.output, "cp1252")
    assert b"\x1d(k" not in printer.output and "[IMAGE 128x124]" in text  # 4-dot modules
    printer.clear()
    print_receipt(printer, sample_receipt(), columns=48, codepage="CP1252", qr_native=False)
    assert b"\x1dkI" in printer.output and b"\x1dv0" not in printer.output
    printer = dummy_printer("ZJ-5870")  # 58 mm, no QR, no Code 128: the QR picture
    print_receipt(printer, sample_receipt(), columns=32, codepage="CP1252")
    assert "[IMAGE 128x124]" in escpos_text(printer.output, "cp1252")


@pytest.mark.parametrize(("key", "command"), [("TM-T88V", RASTER_IMAGE), ("TM-U220", COLUMN_IMAGE)])
@pytest.mark.parametrize("columns", [48, 32])
def test_raster_fallback_sends_pictures_and_no_text(key: str, command: bytes, columns: int) -> None:
    printer = dummy_printer(key)
    print_receipt(printer, sample_receipt(), columns=columns, codepage=RASTER)
    output = printer.output
    assert output.startswith(ESC_INIT) and command in output[:8]  # (ESC * after ESC 3)
    assert b"\x1bt" not in output
    for word in (b"TOTAL", b"Bourguignon", b"bourguignon", b"Merci", b"27,76"):
        assert word not in output
    # the QR is still the printer's own where it can draw one (TM-U220: a picture too)
    assert (f"1P0{SALE_ID}".encode() in output) == printer_model(key).qr


def test_raster_picture_draws_each_character_in_its_own_cell() -> None:
    assert font_path() is not None  # fonts-dejavu-core, installed by bootstrap

    def picture(text: str) -> bytes:
        return text_image([text], columns=48, width_dots=512).tobytes()

    assert picture("é") != picture("e") and picture("œ") != picture("oe")
    assert picture("€") != picture("E")
    sheet = text_image(["x" * 48, Text("TOTAL", double_height=True)], columns=48, width_dots=512)
    assert sheet.size[0] == 512 and sheet.mode == "1"
    first_row, last_cell = sheet.crop((0, 0, 512, 20)), sheet.crop((480, 0, 512, 20))
    assert first_row.histogram()[0] > 48 * 10  # black dots: 48 "x" drawn
    assert last_cell.histogram()[0] == 0  # 48 cells of 10 dots: the last 32 stay white
    assert sheet.size[1] == 20 + 2 * 20  # 20-dot rows (cells are 1:2), double height twice


def test_raster_receipt_size_and_time_to_a_file(tmp_path: Path) -> None:
    """A 20-line receipt printed as pictures to a file printer (figures for the report)."""
    lines = tuple(
        ReceiptLine(f"Article n° {n} crème brûlée « maison »", "1", 250, 250, 0, 250, "B")
        for n in range(20)
    )
    target = tmp_path / "lp0"
    config = PrinterConfig(kind="file", file_path=str(target), profile="TM-T88V", codepage=RASTER)
    started = time.perf_counter()
    assert PrinterDevice(config).print_receipt(sample_receipt(lines=lines)).ok
    elapsed = time.perf_counter() - started
    data = target.read_bytes()
    print(f"raster 20-line receipt: {len(data)} bytes, {elapsed * 1000:.0f} ms")
    assert RASTER_IMAGE in data and b"maison" not in data
    assert elapsed < 5 and 10_000 < len(data) < 400_000


@pytest.mark.parametrize("codepage", printer_model("TM-T88V").offered_codepages())
def test_test_page_has_every_character_or_says_what_replaced_it(codepage: str) -> None:
    printer = dummy_printer("TM-T88V")
    print_test_page(printer, 48, codepage)
    output = printer.output
    if codepage == RASTER:
        assert RASTER_IMAGE in output and b"\x1bt" not in output
        return
    text = escpos_text(output, codec_for(codepage))
    missing = missing_characters(codepage)
    for char in "".join(FRENCH_CHARACTERS):
        assert (char in text) == (char not in missing), char
    if missing:
        assert f"{len(missing)} characters are not on this code page" in text
        for char in missing:
            assert fold_text(char, codepage) in text
    else:
        assert "Every character is on this code page." in text
    assert "1234567890" * 4 + "12345678" in text


def test_test_page_in_french_at_32_columns() -> None:
    words = PageWords(title="Comptoir — page de test", setup="%1 · %2 · %3 colonnes")
    lines = page_lines(32, "CP858", "Epson TM-T88V", words)
    texts = [line.text if isinstance(line, Text) else line for line in lines]
    assert texts[0] == "Comptoir - page de test"  # CP858 has no "—": folded, then wrapped
    assert all(len(text) <= 32 for text in texts)  # "…" became "...": still 32 at most
    assert "Epson TM-T88V · CP858 · 32" in " ".join(texts)
    first = page_lines(32, "CP1252", "Epson TM-T88V", words)[0]
    assert isinstance(first, Text) and first.text == "Comptoir — page de test"
