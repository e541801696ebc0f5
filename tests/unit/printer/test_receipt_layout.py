"""Layout of receipts as text: exact widths, French and English labels, every section."""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st
from receipt_samples import LONG_NAME, SALE_ID, sample_receipt

from hardware.printer.encoding import fold_text
from hardware.receipt.blocks import SaleCode, Text
from hardware.receipt.document import ReceiptLine
from hardware.receipt.formatting import format_cents, format_money, local_time_text
from hardware.receipt.layout import Item, layout, plain_text

WIDTHS = (48, 32)


def printed_lines(items: list[Item]) -> list[str]:
    """Lines as printed, codes left out."""
    return [
        item.text if isinstance(item, Text) else item
        for item in items
        if isinstance(item, Text | str)
    ]


def assert_exact_width(items: list[Item], columns: int) -> None:
    for item in items:
        if isinstance(item, Text):
            expected = columns // 2 if item.double_width else columns
            assert len(item.text) == expected, item
        elif isinstance(item, str):
            assert len(item) == columns, repr(item)


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("duplicate", [False, True])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_line_fills_the_width_exactly(columns: int, duplicate: bool, language: str) -> None:
    doc = sample_receipt(
        duplicate=duplicate, training=duplicate, copy_no=2, copy_seq=5, language=language, **FISCAL
    )
    assert_exact_width(layout(doc, columns), columns)


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("codepage", ["CP858", "CP1252"])
def test_widths_hold_after_the_code_page_fallback(columns: int, codepage: str) -> None:
    items = layout(sample_receipt(), columns, fold=partial(fold_text, codepage=codepage))
    assert_exact_width(items, columns)
    if codepage == "CP858":
        assert "Boeuf bourguignon" in plain_text(items)


def test_a_long_name_wraps_on_words_over_as_many_lines_as_needed_never_cut() -> None:
    lines = printed_lines(layout(sample_receipt(), 32))
    first = next(i for i, line in enumerate(lines) if line.startswith("Bœuf"))
    quantity = next(i for i, line in enumerate(lines) if line.startswith("  3 x 8,60"))
    assert lines[first].endswith("25,80 A")
    name_lines = [line.strip() for line in lines[first:quantity]]
    name_lines[0] = name_lines[0].removesuffix("25,80 A").strip()
    assert " ".join(name_lines) == LONG_NAME
    assert name_lines == [
        "Bœuf bourguignon mijoté",  # 24 cells beside the amount
        "aux carottes et lardons fumés de",
        "la ferme du Morvan",
    ]


def test_a_word_longer_than_the_line_is_broken() -> None:
    line = ReceiptLine("X" * 80, "1", 100, 100, 0, 100, "A")
    items = layout(sample_receipt(lines=(line,)), 32)
    assert_exact_width(items, 32)
    assert printed_lines(items)[7].startswith("X" * 24)


def test_item_quantity_discount_and_vat_code() -> None:
    text = plain_text(layout(sample_receipt(), 48))
    assert "Pommes Golden                             2,26 B" in text
    assert "  0,452 kg x 4,99 " in text
    assert "  Remise                                 -0,50  " in text
    assert "Pain                                      1,20 B" in text
    assert "1 x 1,20" not in text


def test_totals_ticket_discount_and_emphasis() -> None:
    items = layout(sample_receipt(), 48)
    text = plain_text(items)
    assert "Sous-total                               28,76 €" in text
    assert "Remise                                   -1,00 €" in text
    total = next(i for i in items if isinstance(i, Text) and "TOTAL" in i.text)
    assert total == Text("TOTAL TTC" + " " * 32 + "27,76 €", bold=True, double_height=True)


def test_vat_table_has_one_row_per_rate() -> None:
    lines = printed_lines(layout(sample_receipt(), 48))
    head = next(i for i, line in enumerate(lines) if "Taux" in line)
    assert lines[head].split() == ["Taux", "HT", "TVA", "TTC"]
    assert lines[head + 1].split() == ["A", "20", "%", "21,50", "4,30", "25,80"]
    assert lines[head + 2].split() == ["B", "5,5", "%", "1,86", "0,10", "1,96"]
    assert lines[head + 1].endswith("25,80")


def test_tenders_change_ticket_and_date_in_paris_time() -> None:
    text = plain_text(layout(sample_receipt(), 48))
    assert "Carte bancaire                           20,00 €" in text
    assert "Rendu                                     2,24 €" in text
    assert "Ticket n° 1234                  25/11/2026 10:42" in text
    assert "Caisse T01                    Encaissé par Marie" in text


def test_narrow_paper_puts_ticket_facts_one_under_the_other_when_needed() -> None:
    doc = sample_receipt(ticket_no=123456789, cashier="Marie-Christine Dupont")
    lines = printed_lines(layout(doc, 32))
    assert "Caisse T01".ljust(32) in lines
    assert "Encaissé par Marie-Christine".ljust(32) in lines
    assert "Dupont".ljust(32) in lines


def test_sale_code_and_its_readable_id() -> None:
    items = layout(sample_receipt(), 48)
    assert SaleCode(SALE_ID, "T01-1234") in items
    assert "Ticket T01-1234".center(48) in items
    assert f"Réf. {SALE_ID}" in plain_text(items)
    narrow = plain_text(layout(sample_receipt(), 32)).replace(" ", "").replace("\n", "")
    assert SALE_ID in narrow


def test_header_centred_and_store_name_emphasised() -> None:
    items = layout(sample_receipt(), 48)
    assert items[0] == Text("Épicerie du Coin".center(48), bold=True, double_height=True)
    assert items[1] == "12 rue des Lilas".center(48)


def test_duplicate_banner_with_its_number_at_top_and_bottom() -> None:
    items = layout(sample_receipt(duplicate=True, copy_no=3, copy_seq=17), 48)
    banner = Text("DUPLICATA n°3".center(24), bold=True, double_height=True, double_width=True)
    assert items[1] == banner and items[-3] == banner  # first and last things on paper
    assert items[2].strip() == items[-2].strip() == "Duplicata enreg. n° 17"
    assert "DUPLICATA" not in plain_text(layout(sample_receipt(), 48))


def test_english_labels() -> None:
    doc = sample_receipt(language="en", duplicate=True, copy_no=1, copy_seq=4, record_no=9)
    text = plain_text(layout(doc, 48))
    for label in ("TOTAL", "Subtotal", "Discount", "VAT", "Net", "Change", "Ticket no. 1234"):
        assert label in text
    assert "DUPLICATE No. 1" in text and "Duplicate record no. 4" in text
    assert "Record no. 9" in text
    for french in ("Rendu", "Encaissé par", "TTC", "Ticket n°", "enregistrement"):
        assert french not in text


FISCAL = {"record_no": 1235, "software_version": "0.1.0", "signature_excerpt": "MEUCIQDx"}


def test_fiscal_footer_at_48_columns_under_the_ticket_facts() -> None:
    lines = printed_lines(layout(sample_receipt(**FISCAL), 48))
    at = lines.index("Caisse T01                    Encaissé par Marie")
    assert lines[at + 1] == "N° d'enregistrement 1235           Version 0.1.0"
    assert lines[at + 2] == "Signature MEUCIQDx".ljust(48)


def test_fiscal_footer_at_32_columns_one_fact_a_line() -> None:
    lines = printed_lines(layout(sample_receipt(**FISCAL), 32))
    at = lines.index("N° d'enregistrement 1235".ljust(32))
    assert lines[at + 1 : at + 3] == ["Version 0.1.0".ljust(32), "Signature MEUCIQDx".ljust(32)]
    assert lines[at - 1].startswith("Caisse T01 ")  # the terminal, just above


@pytest.mark.parametrize("columns", [48, 32])
@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", "FORMATION — SANS VALEUR FISCALE"), ("en", "TRAINING — NOT A VALID RECEIPT")],
)
def test_a_training_ticket_says_so_at_top_and_bottom(columns: int, language: str, words: str):
    items = layout(sample_receipt(training=True, language=language), columns)
    banner = Text(words.center(columns), bold=True, double_height=True)
    assert items[1] == banner and items[-2] == banner
    assert all(len(item) == columns for item in items if isinstance(item, str))
    assert words not in plain_text(layout(sample_receipt(language=language), columns))


def test_no_change_line_when_exact_payment() -> None:
    assert "Rendu" not in plain_text(layout(sample_receipt(change_cents=0), 48))


def test_too_narrow_paper_is_refused() -> None:
    with pytest.raises(ValueError, match="24 columns"):
        layout(sample_receipt(), 20)


@pytest.mark.parametrize(
    ("cents", "text"),
    [(0, "0,00"), (5, "0,05"), (-100, "-1,00"), (123456, "1 234,56"), (10**8, "1 000 000,00")],
)
def test_french_money_format(cents: int, text: str) -> None:
    assert format_cents(cents) == text
    assert format_money(cents) == f"{text} €"


@pytest.mark.parametrize(
    ("instant", "local"),
    [
        ("2026-11-25T09:42:00Z", "25/11/2026 10:42"),
        ("2026-07-01T08:00:00+00:00", "01/07/2026 10:00"),
        ("2026-12-31T23:30:00", "01/01/2027 00:30"),
    ],
)
def test_date_printed_in_europe_paris_time(instant: str, local: str) -> None:
    assert local_time_text(instant) == local


names = st.text(
    alphabet=st.sampled_from("abcdefghij ÉéèœŒ’«»-–0123456789kg"), min_size=0, max_size=120
)
amounts = st.integers(min_value=-(10**7), max_value=10**8)


@given(name=names, gross=amounts, discount=st.integers(0, 10**6), columns=st.sampled_from(WIDTHS))
def test_any_item_keeps_every_line_exact(
    name: str, gross: int, discount: int, columns: int
) -> None:
    line = ReceiptLine(name, "2", gross // 2, gross, discount, gross - discount, "A")
    doc = sample_receipt(lines=(line,), header=(name,), footer=(name,), total_cents=gross)
    for codepage in ("CP858", "CP1252"):
        assert_exact_width(
            layout(doc, columns, fold=partial(fold_text, codepage=codepage)), columns
        )
