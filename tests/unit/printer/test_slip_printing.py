"""Desk slips (picking list, handover slip): exact layout widths and their ESC/POS bytes."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

import pytest
from receipt_samples import dummy_printer

from hardware.printer.connections import PrinterConfig, PrinterDevice
from hardware.printer.encoding import fold_text
from hardware.printer.escpos_receipt import print_slip
from hardware.printer.fake import FakePrinter
from hardware.receipt.blocks import SaleCode, Text
from hardware.receipt.layout import Item, plain_text
from hardware.receipt.slip import SlipDocument, SlipRow, layout_slip, slip_text

ESC_INIT = b"\x1b@"
SELECT = {"CP858": b"\x1bt\x13", "CP1252": b"\x1bt\x10"}  # ESC t 19 / ESC t 16 on a TM-T88V
CUT = b"\x1bd\x06\x1dV\x00"
CODE = "K7M2-Q9XD"
QR_STORE = b"\x1d(k" + bytes([len(CODE) + 3, 0]) + b"1P0" + CODE.encode()
CODE128 = b"\x1dkI" + bytes([len(CODE) + 2]) + b"{B" + CODE.encode()  # GS k 73 n {B…
WIDTHS = (48, 32)
CODEPAGES = ("CP858", "CP1252")


def sample_slip(**changes: Any) -> SlipDocument:
    doc = SlipDocument(
        title="BON DE RETRAIT",
        subtitle=("Commande web-1", f"Code de retrait {CODE}", "Hélène Dupré"),
        rows=(
            SlipRow("2 × Confiture de fraises extra Bonne Maman 370 g", "9,18 €"),
            SlipRow("0,452 kg Pommes Golden", "2,26 €"),
            SlipRow(""),
            SlipRow("Non remis :"),
            SlipRow("1 × Bœuf haché 5 % MG"),
        ),
        totals=(SlipRow("TOTAL TTC", "11,44 €", bold=True), SlipRow("Payée en ligne")),
        footer=("Remis au client par Inès", "25/11/2025 10:30"),
        code=CODE,
    )
    return replace(doc, **changes)


def picking_sample() -> SlipDocument:
    rows = (
        SlipRow("☐ 2 × Confiture de fraises", "Épicerie"),
        SlipRow("☐ 1 × Bœuf haché", "Boucherie, charcuterie et traiteur"),
    )
    return SlipDocument("LISTE DE PRÉPARATION", rows=rows, code=CODE, label_column=True)


def lines_of(items: list[Item]) -> list[str]:
    """Lines as printed, codes left out."""
    return [item.text if isinstance(item, Text) else item for item in items
            if isinstance(item, Text | str)]  # fmt: skip


def assert_exact_width(items: list[Item], columns: int) -> None:
    for item in items:
        if isinstance(item, Text):
            assert len(item.text) == columns, item
        elif isinstance(item, str):
            assert len(item) == columns, repr(item)


def rendered(doc: SlipDocument, codepage: str = "CP858", columns: int = 48, **kw: Any) -> bytes:
    printer = dummy_printer()
    print_slip(printer, doc, columns=columns, codepage=codepage, **kw)
    return printer.output


# -- layout ---------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("codepage", [None, *CODEPAGES])
def test_every_line_fills_the_width_exactly(columns: int, codepage: str | None) -> None:
    fold = partial(fold_text, codepage=codepage) if codepage else (lambda text: text)
    for doc in (sample_slip(), picking_sample()):
        assert_exact_width(layout_slip(doc, columns, fold=fold), columns)


@pytest.mark.parametrize("columns", WIDTHS)
def test_rows_keep_amounts_whole_and_wrap_names_indented(columns: int) -> None:
    lines = plain_text(layout_slip(sample_slip(), columns)).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("2 × Confiture"))
    assert lines[first].endswith(" 9,18 €")
    assert lines[first + 1].startswith("    ") and "Maman" in lines[first + 1]
    assert any(line.startswith("0,452 kg Pommes Golden") and line.endswith(" 2,26 €")
               for line in lines)  # fmt: skip
    assert f"TOTAL TTC{' ' * (columns - 16)}11,44 €" in lines


def test_a_long_amount_column_is_cut_at_half_the_line_with_a_mark() -> None:
    doc = replace(picking_sample(), label_column=False)
    row = next(line for line in lines_of(layout_slip(doc, 32)) if "Bœuf" in line)
    assert row.endswith(" Boucherie, char.") and len(row) == 32


@pytest.mark.parametrize(("columns", "at"), [(48, 32), (32, 21)])
def test_departments_line_up_in_their_own_column_wrapped_never_cut(columns: int, at: int):
    lines = lines_of(layout_slip(picking_sample(), columns))
    rows = lines[lines.index("=" * columns) + 1 : lines.index("-" * columns)]
    assert all(line[at - 2 : at] == "  " for line in rows)  # the gap: never touching
    assert rows[0][at:].rstrip() == "Épicerie"
    departments = " ".join(filter(None, (row[at:].strip() for row in rows[1:])))
    assert departments == "Boucherie, charcuterie et traiteur"
    assert "Confiture de fraises" in " ".join(row[:at].strip() for row in rows)


def test_layout_blocks_title_bold_code_and_rules() -> None:
    items = layout_slip(sample_slip(), 48)
    assert items[0] == Text(f"{'BON DE RETRAIT':^48}", bold=True, double_height=True)
    assert items[4] == "=" * 48
    assert Text(f"TOTAL TTC{' ' * 32}11,44 €", bold=True) in items
    assert SaleCode(CODE) in items
    assert items.index(SaleCode(CODE)) < items.index(f"{'Remis au client par Inès':^48}")


def test_no_code_block_without_a_code() -> None:
    assert not [i for i in layout_slip(sample_slip(code=""), 48) if isinstance(i, SaleCode)]


def test_tick_boxes_print_as_ascii_in_every_code_page() -> None:
    text = slip_text(picking_sample(), 48, fold=partial(fold_text, codepage="CP858"))
    assert "[ ] 2 × Confiture de fraises" in text.replace("\n    ", " ") and "☐" not in text


def test_slip_text_is_the_printed_layout_with_the_code_as_a_marker() -> None:
    doc = sample_slip()
    fold = partial(fold_text, codepage="CP858")
    assert slip_text(doc, 32, fold=fold) == plain_text(layout_slip(doc, 32, fold=fold))
    assert f"[code: {CODE}]" in slip_text(doc, 48)
    assert "Bœuf" in slip_text(doc, 48) and "Boeuf" in slip_text(doc, 48, fold=fold)


def test_too_narrow_paper_is_refused() -> None:
    with pytest.raises(ValueError, match="24 columns"):
        layout_slip(sample_slip(), 20)


# -- ESC/POS bytes --------------------------------------------------------------------------


@pytest.mark.parametrize("codepage", CODEPAGES)
@pytest.mark.parametrize("columns", WIDTHS)
def test_code_page_is_selected_after_init_and_the_slip_is_cut(codepage: str, columns: int) -> None:
    output = rendered(sample_slip(), codepage, columns)
    assert output.startswith(ESC_INIT + SELECT[codepage])
    assert output.endswith(CUT)
    decoded = output.decode(codepage.lower())
    fold = partial(fold_text, codepage=codepage)
    for line in lines_of(layout_slip(sample_slip(), columns, fold=fold)):
        assert line.rstrip() + "\n" in decoded
    assert not [line for line in decoded.splitlines() if "?" in line]


def test_every_slip_selects_the_page_again() -> None:
    printer = dummy_printer()
    print_slip(printer, sample_slip(), columns=48, codepage="CP858")
    print_slip(printer, sample_slip(), columns=48, codepage="CP858")
    assert printer.output.count(ESC_INIT + SELECT["CP858"]) == 2


def test_cp858_euro_accents_and_oe_fallback() -> None:
    output = rendered(sample_slip(), "CP858")
    assert b" 9,18 \xd5\n" in output  # €
    assert b"H\x82l\x8ane Dupr\x82" in output  # é è
    assert b"1 \x9e Boeuf hach\x82" in output  # × kept, œ -> oe
    assert b"Pay\x82e en ligne" in output


def test_cp1252_euro_and_ligature() -> None:
    output = rendered(sample_slip(), "CP1252")
    assert b" 9,18 \x80\n" in output
    assert b"1 \xd7 B\x9cuf hach\xe9" in output


def test_native_qr_of_the_code_centred() -> None:
    output = rendered(sample_slip(), qr_native=True)
    assert QR_STORE in output
    assert b"\x1d(k\x03\x001Q0" in output
    assert CODE128 not in output


@pytest.mark.parametrize("columns", WIDTHS)
def test_code128_when_qr_is_off_fits_both_papers(columns: int) -> None:
    output = rendered(sample_slip(), columns=columns, qr_native=False)
    assert CODE128 in output and b"\x1d(k" not in output


def test_no_code_bytes_without_a_code() -> None:
    output = rendered(sample_slip(code=""))
    assert b"\x1d(k" not in output and b"\x1dk" not in output


# -- devices --------------------------------------------------------------------------------


def test_fake_printer_prints_slips_and_fails_on_demand() -> None:
    fake = FakePrinter(PrinterConfig(kind="dummy", codepage="CP1252", columns=32))
    fake.fail_next("paper_out")
    failed = fake.print_slip(sample_slip())
    assert (failed.ok, failed.code, failed.retryable) == (False, "paper_out", True)
    assert fake.jobs == []
    done = fake.print_slip(sample_slip())
    assert done.ok and done.message == "Slip printed."
    assert fake.jobs[0].startswith(ESC_INIT + SELECT["CP1252"])
    assert "BON DE RETRAIT" in fake.last_text() and "11,44 €" in fake.last_text()
    assert "Bœuf" in fake.last_text()


def test_printer_device_prints_a_slip_through_its_transport() -> None:
    printer = dummy_printer()
    device = PrinterDevice(PrinterConfig(kind="dummy"), factory=lambda _config: printer)
    result = device.print_slip(sample_slip())
    assert result.ok and result.message == "Slip printed."
    assert printer.output.startswith(ESC_INIT + SELECT["CP1252"]) and QR_STORE in printer.output


def test_printer_device_turns_a_failing_transport_into_a_result() -> None:
    def unreachable(_config: PrinterConfig) -> Any:
        raise ConnectionRefusedError("refused")

    result = PrinterDevice(PrinterConfig(kind="dummy"), factory=unreachable).print_slip(
        sample_slip()
    )
    assert (result.ok, result.code, result.retryable) == (False, "offline", True)
