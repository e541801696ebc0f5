"""The sale id as Code 128: a UUID packed in set C fits 80 mm paper and reads back."""

from __future__ import annotations

import uuid

import pytest
from receipt_samples import SALE_ID

from hardware.receipt.sale_code import (
    UUID_DIGITS,
    code128_for,
    code128_modules,
    code128_payload,
    sale_id_from_scan,
    ticket_code,
)
from pos.services.return_lookup import is_receipt_code, parse_sale_code


def test_uuid_is_packed_as_forty_digits_in_set_c() -> None:
    payload = code128_payload(SALE_ID)
    assert payload.startswith("{C")
    digits = "".join(f"{ord(char):02d}" for char in payload[2:])
    assert len(digits) == UUID_DIGITS
    assert sale_id_from_scan(digits) == SALE_ID


def test_packed_uuid_fits_a_tm_t88v_line_at_the_narrowest_bar() -> None:
    assert code128_modules(code128_payload(SALE_ID)) * 2 <= 512
    assert code128_modules("{B" + SALE_ID) * 2 > 512  # why set B is not used for UUIDs


@pytest.mark.parametrize("sale_id", ["T01-000123", "ABC", SALE_ID.upper()])
def test_other_ids_go_in_set_b_unchanged(sale_id: str) -> None:
    assert code128_payload(sale_id) == "{B" + sale_id
    assert sale_id_from_scan(sale_id) == sale_id


def test_every_uuid_round_trips() -> None:
    for _ in range(200):
        sale_id = str(uuid.uuid4())
        digits = "".join(f"{ord(c):02d}" for c in code128_payload(sale_id)[2:])
        assert sale_id_from_scan(f" {digits}\n") == sale_id


def test_the_widest_code128_that_fits_each_paper() -> None:
    assert code128_for(SALE_ID, "T01-1234", 512) == (code128_payload(SALE_ID), 2)
    assert code128_for(SALE_ID, "T01-1234", 384) == ("{BT01-1234", 3)  # 112 modules x 3
    assert code128_for(SALE_ID, "", 384) is None  # the readable reference remains
    assert code128_for("", "T01-999999999", 384) == ("{BT01-999999999", 2)


@pytest.mark.parametrize(
    ("terminal", "ticket", "code"),
    [("T01", 1234, "T01-1234"), ("caisse_2", 7, "caisse_2-7"), ("caisse 2", 7, ""),
     ("T01", 0, ""), ("T01", 10**9, ""), ("", 5, ""), ("Té1", 5, "")],
)  # fmt: skip
def test_a_ticket_code_is_made_only_when_the_returns_desk_reads_it_back(
    terminal: str, ticket: int, code: str
) -> None:
    assert ticket_code(terminal, ticket) == code
    if code:
        found = parse_sale_code(code, "T09")
        assert (found.terminal_id, found.ticket_no) == (terminal.upper(), ticket)


@pytest.mark.parametrize(
    ("scanned", "opens"),
    [
        ("T01-1234", True),  # the 58 mm receipt's Code 128, as printed
        (ticket_code("CAISSE_2", 7), True),
        (SALE_ID, True),  # the 80 mm receipt's QR
        ("3017620422003", False),  # a product's EAN: the sale
        ("T01 1234", False),  # typed with a space: the returns dialog reads it, a scan never
        ("T01-0123", False),
        ("T01-", False),
        ("-1234", False),
        ("CMPT-AV-12", False),  # a credit note
    ],
)
def test_a_receipts_own_codes_and_nothing_else_open_a_return(scanned: str, opens: bool) -> None:
    assert is_receipt_code(scanned) is opens
