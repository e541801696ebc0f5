"""ESC/POS bytes of receipts, drawer and test page, read from python-escpos's ``Dummy``."""

from __future__ import annotations

from functools import partial

import pytest
from receipt_samples import SALE_ID, dummy_printer, sample_receipt

from hardware.printer.encoding import fold_text
from hardware.printer.escpos_receipt import open_drawer, print_receipt, start_job
from hardware.printer.testpage import print_test_page
from hardware.receipt.blocks import Text
from hardware.receipt.layout import layout

ESC_INIT = b"\x1b@"
SELECT = {"CP858": b"\x1bt\x13", "CP1252": b"\x1bt\x10"}  # ESC t 19 / ESC t 16 on a TM-T88V
DOUBLE_HEIGHT_BOLD = b"\x1b!\x10\x1bE\x01"
FONT_B = b"\x1bM\x01"  # a TM-T88V prints 42 columns in font A: 48 need font B
CENTRE, LEFT = b"\x1ba\x01", b"\x1ba\x00"
CUT = b"\x1bd\x06\x1dV\x00"  # feed 6 lines, full cut


def rendered(codepage: str = "CP858", columns: int = 48, **kwargs: object) -> bytes:
    printer = dummy_printer()
    print_receipt(printer, sample_receipt(), columns=columns, codepage=codepage, **kwargs)
    return printer.output


@pytest.mark.parametrize("codepage", ["CP858", "CP1252"])
@pytest.mark.parametrize("columns", [48, 32])
def test_every_laid_out_line_is_printed_in_the_code_page(codepage: str, columns: int) -> None:
    output = rendered(codepage, columns)
    assert output.startswith(ESC_INIT + SELECT[codepage])
    decoded = output.decode(codepage.lower())
    for item in layout(sample_receipt(), columns, fold=partial(fold_text, codepage=codepage)):
        text = item.text if isinstance(item, Text) else item
        if isinstance(text, str):
            assert text.rstrip() + "\n" in decoded


def test_cp858_euro_accents_and_oe_fallback() -> None:
    output = rendered("CP858")
    assert b"TOTAL TTC                                27,76 \xd5\n" in output
    assert b"\x90picerie du Coin" in output  # É
    assert b"Boeuf bourguignon mijot\x82" in output
    assert b"Esp\x8aces" in output
    assert b"Ticket n\xf8 1234" in output


def test_cp1252_euro_and_ligature() -> None:
    output = rendered("CP1252")
    assert b"27,76 \x80\n" in output
    assert b"B\x9cuf bourguignon mijot\xe9" in output


def test_no_character_was_silently_replaced() -> None:
    for codepage in ("CP858", "CP1252"):
        text_lines = rendered(codepage).decode(codepage.lower()).splitlines()
        assert not [line for line in text_lines if "?" in line]


def test_total_is_bold_double_height_and_reset_after() -> None:
    output = rendered()
    at = output.index(b"TOTAL TTC")
    styled = DOUBLE_HEIGHT_BOLD + FONT_B  # ESC ! resets the font to A: B again
    assert output[at - len(styled) : at] == styled
    after = output[at : at + 80]
    assert b"\x1b!\x00\x1bE\x00" + FONT_B in after


def test_vat_table_rows() -> None:
    decoded = rendered().decode("cp858")
    assert "A 20 %           21,50         4,30        25,80\n" in decoded
    assert "B 5,5 %           1,86         0,10         1,96\n" in decoded


def test_code_page_is_selected_again_after_every_init() -> None:
    printer = dummy_printer()
    receipt = sample_receipt()
    print_receipt(printer, receipt, columns=48, codepage="CP858")
    print_receipt(printer, receipt, columns=48, codepage="CP858")
    assert printer.output.count(ESC_INIT + SELECT["CP858"]) == 2


def test_library_alone_would_forget_the_page_after_init() -> None:
    """The trap ``start_job`` exists for: escpos does not re-send ESC t after INIT."""
    printer = dummy_printer()
    printer.charcode("CP858")
    printer.hw("INIT")
    printer.text("é")
    assert printer.output == SELECT["CP858"] + ESC_INIT + b"\x82"
    printer.clear()
    start_job(printer, "CP858")
    assert printer.output == ESC_INIT + SELECT["CP858"]


def test_native_qr_of_the_sale_id_centred() -> None:
    output = rendered(qr_native=True)
    store = b"\x1d(k" + bytes([len(SALE_ID) + 3, 0]) + b"1P0" + SALE_ID.encode()
    assert store in output
    assert b"\x1d(k\x03\x001Q0" in output  # print the stored symbol
    qr_at = output.index(b"\x1d(k")
    assert output[qr_at - len(CENTRE) : qr_at] == CENTRE
    assert output.index(LEFT, qr_at) > qr_at


def test_code128_of_the_sale_id_when_qr_is_off() -> None:
    output = rendered(qr_native=False)
    assert b"\x1dkI\x16{C" in output  # GS k 73, 22 bytes: {C + 20 digit pairs
    assert b"\x1d(k" not in output
    assert output[output.index(b"\x1dkI") :].count(LEFT) >= 1  # alignment restored


def test_58mm_without_qr_prints_the_ticket_code_as_a_code128_with_wider_bars() -> None:
    output = rendered(columns=32, qr_native=False)
    assert b"\x1dw\x03" in output  # 112 modules x 3 dots = 336 of the 384
    assert b"\x1dkI\x0a{BT01-1234" in output
    assert b"Ticket T01-1234" in output
    assert b"944b-" in output and b"e07cc4f1f6a4" in output


def test_no_code128_when_neither_the_id_nor_a_ticket_code_fits(
    caplog: pytest.LogCaptureFixture,
) -> None:
    printer = dummy_printer()
    doc = sample_receipt(terminal_id="caisse 1")  # no ticket code a return desk could read
    print_receipt(printer, doc, columns=32, codepage="CP858", qr_native=False)
    output = printer.output
    assert b"\x1dk" not in output
    assert b"e07cc4f1f6a4" in output
    assert "does not fit" in caplog.text


def test_receipt_ends_with_a_cut() -> None:
    assert rendered().endswith(CUT)


@pytest.mark.parametrize(("pin", "kick"), [(2, b"\x1bp\x00"), (5, b"\x1bp\x01")])
def test_drawer_kick(pin: int, kick: bytes) -> None:
    printer = dummy_printer()
    open_drawer(printer, pin)
    assert printer.output.startswith(kick)
    assert len(printer.output) == 5  # ESC p m t1 t2


def test_drawer_pin_must_be_2_or_5() -> None:
    with pytest.raises(ValueError, match="2 or 5"):
        open_drawer(dummy_printer(), 3)


@pytest.mark.parametrize(
    ("codepage", "expected"),
    [
        (
            "CP858",
            [b"\x85\x83\x84\x87\x82\x8a\x88\x89", b"oe OE \x91 \x92 \xd5", b"Boeuf"],
        ),
        ("CP1252", [b"\xe0\xe2\xe4\xe7\xe9\xe8\xea\xeb", b"\x9c \x8c \xe6 \xc6 \x80", b"B\x9cuf"]),
    ],
)
def test_test_page_shows_accents_euro_and_oe(codepage: str, expected: list[bytes]) -> None:
    printer = dummy_printer()
    print_test_page(printer, 48, codepage)
    output = printer.output
    assert output.startswith(ESC_INIT + SELECT[codepage])
    for chunk in expected:
        assert chunk in output
    assert b"123456789012345678901234567890123456789012345678\n" in output
    assert output.endswith(CUT)
