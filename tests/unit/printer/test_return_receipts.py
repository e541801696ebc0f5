"""Return, exchange and credit note tickets, from a committed sale to the printer's bytes.

Each sale is built from the domain types as the till commits it (returned lines negative,
refund tenders negative), mapped by ``pos.services.receipts`` and printed on python-escpos's
``Dummy`` in each code page offered (CP858, CP1252) at 48 and 32 columns; the bytes are read
back to text and compared with the expected ticket in ``golden/`` (French and English).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
import return_samples as rs
from escpos_text import escpos_text
from receipt_samples import dummy_printer

from hardware.printer.encoding import fold_text
from hardware.printer.escpos_receipt import print_receipt
from hardware.receipt.blocks import Cut, ScanCode, Text
from hardware.receipt.document import ReceiptDocument
from hardware.receipt.layout import Item, layout
from pos.domain.chain_entry import ChainEntry
from pos.domain.sale import SaleTender
from pos.services.credit_note_slip import credit_note_expiry
from pos.services.receipts import receipt_document
from pos.store.duplicates import Duplicate

GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "return": rs.return_sale,
    "exchange_due": rs.exchange_due,
    "exchange_refund": rs.exchange_refund,
    "credit_note_paid": rs.paid_with_credit_note,
}
CODEPAGES = ("CP858", "CP1252")
WIDTHS = (48, 32)
LANGUAGES = ("fr", "en")
QR_STORE = b"\x1d(k"  # GS ( k: the QR's function 180 stores its data ("1P0" + data)


def document(case: str, language: str = "fr", **changes: object) -> ReceiptDocument:
    doc = receipt_document(
        CASES[case](), rs.header(language), credit_note_balances={rs.SPENT_CODE: 701}
    )
    return replace(doc, **changes)


def printed(doc: ReceiptDocument, codepage: str, columns: int, **kwargs: bool) -> bytes:
    printer = dummy_printer()
    print_receipt(printer, doc, columns=columns, codepage=codepage, **kwargs)
    return printer.output


@pytest.mark.parametrize("codepage", CODEPAGES)
@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES)
def test_the_printed_ticket_reads_as_expected(
    case: str, language: str, columns: int, codepage: str
) -> None:
    output = printed(document(case, language), codepage, columns)
    expected = (GOLDEN / f"{case}_{language}_{columns}.txt").read_text(encoding="utf-8")
    assert escpos_text(output, codepage) == expected


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_credit_note_qr_carries_its_prefixed_code(columns: int) -> None:
    payload = f"1P0CMPT-AV:{rs.CREDIT_CODE}".encode("ascii")
    store = QR_STORE + bytes([len(payload), 0]) + payload
    output = printed(document("return"), "CP858", columns)
    assert output.count(store) == 1
    receipt, slip = output.split(b"\x1dV\x00")[:2]  # the credit note is its own paper
    assert store in slip and store not in receipt


def test_without_qr_80mm_paper_gets_a_code128_of_the_bare_code() -> None:
    code = rs.CREDIT_CODE.encode("ascii")
    barcode = b"\x1dkI" + bytes([len(code) + 2]) + b"{B" + code  # GS k 73 n {B…
    output = printed(document("return"), "CP858", 48, qr_native=False)
    assert barcode in output and QR_STORE not in output


def test_without_qr_58mm_paper_still_prints_the_code_in_clear() -> None:
    """A Code 128 of the code is 510 dots, wider than a 58 mm head: the code is read."""
    output = printed(document("return"), "CP858", 32, qr_native=False)
    slip = escpos_text(output, "CP858").split("[CUT]")[1]
    assert "[CODE128" not in slip
    assert f"      {rs.CREDIT_CODE}\n" in slip


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", ["return", "credit_note_paid"])
def test_a_credit_note_code_is_never_cut_or_wrapped(case: str, language: str, columns: int):
    text = escpos_text(printed(document(case, language), "CP1252", columns), "CP1252")
    code = rs.CREDIT_CODE if case == "return" else rs.SPENT_CODE
    lines = [line for line in text.splitlines() if "AV-" in line and "[QR" not in line]
    assert lines and all(code in line for line in lines)


def lines_of(items: list[Item]) -> list[Item]:
    return [item for item in items if isinstance(item, Text | str)]


@pytest.mark.parametrize("codepage", CODEPAGES)
@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES)
def test_every_line_fills_the_paper_exactly(case, language, columns, codepage) -> None:
    doc = document(case, language, duplicate=True, copy_no=2, copy_seq=7, training=True)
    items = layout(doc, columns, fold=partial(fold_text, codepage=codepage))
    assert sum(isinstance(item, Cut) for item in items) == len(doc.credit_notes)
    for item in lines_of(items):
        if isinstance(item, Text):
            assert len(item.text) == (columns // 2 if item.double_width else columns), item
        else:
            assert len(item) == columns, repr(item)


def test_a_duplicate_prints_the_credit_note_again_marked_as_a_copy() -> None:
    entry = ChainEntry("T01", "duplicates", 7, "duplicate", rs.RETURN_ID, "", "k", "", "{}")
    copy = Duplicate(copy_no=2, entry=entry)
    doc = receipt_document(rs.return_sale(), rs.header("fr"), copy=copy)
    receipt, slip, after = escpos_text(printed(doc, "CP858", 48), "CP858").split("[CUT]")
    for part in (receipt, slip):
        assert part.count("DUPLICATA n°2") == 2 and "Duplicata enreg. n° 7" in part
    assert "AVOIR" in slip and rs.CREDIT_CODE in slip and after == "\n"


def test_the_credit_note_slip_comes_only_from_a_credit_note_refund() -> None:
    """A card or cash refund prints no slip; a credit note spent prints none either."""
    for case in ("exchange_refund", "credit_note_paid", "exchange_due"):
        doc = document(case)
        assert doc.credit_notes == ()
        assert not [item for item in layout(doc, 48) if isinstance(item, Cut | ScanCode)]
    (slip,) = document("return").credit_notes
    assert (slip.code, slip.amount_cents, slip.expires_on) == (rs.CREDIT_CODE, 899, "2027-11-25")


@pytest.mark.parametrize(
    ("issued_at", "last_day"),
    [
        ("2026-11-25T09:42:00Z", "2027-11-25"),
        ("2026-12-31T23:30:00Z", "2028-01-01"),  # already 1 January in Paris
        ("2028-02-29T10:00:00Z", "2029-02-28"),
    ],
)
def test_a_credit_note_is_valid_one_year_in_the_shops_calendar(issued_at, last_day) -> None:
    assert credit_note_expiry(issued_at) == last_day


def test_an_exchange_with_a_ticket_discount_shows_it_on_the_sold_side() -> None:
    sale = rs.exchange_due()
    sold = replace(sale.draft.lines[1], ticket_discount_cents=300, total_cents=2699)
    draft = replace(sale.draft, lines=(sale.draft.lines[0], sold), total_cents=700)
    doc = receipt_document(replace(sale, draft=draft), rs.header("fr"))
    assert doc.ticket_discount_cents == 300
    text = escpos_text(printed(doc, "CP858", 32), "CP858")
    expected = (
        "Articles repris         -19,99 €\n"
        "Articles vendus          29,99 €\n"
        "Remise                   -3,00 €\n"
        "RESTE À PAYER             7,00 €\n"
    )
    assert expected in text


def test_a_return_without_receipt_and_a_voucher_say_what_they_are() -> None:
    sale = rs.return_sale()
    ref = replace(sale.draft.lines[0].returned, origin_line_no=0, origin_label="")
    line = replace(sale.draft.lines[0], returned=ref)
    tenders = (SaleTender("voucher", 500, "BA-0042"), SaleTender("cheque", -500))
    draft = replace(sale.draft, lines=(line,), tenders=tenders)
    text = escpos_text(printed(receipt_document(replace(sale, draft=draft), rs.header("fr")),
                               "CP858", 48), "CP858")  # fmt: skip
    assert "  Retour sans ticket\n" in text and "Retour du ticket" not in text
    assert "Bon d'achat" in text and "\nAvoir" not in text  # an avoir is a credit note
    assert "\n" + "Remboursement".ljust(42) + "5,00 €\n" in text  # a cheque: a plain refund
