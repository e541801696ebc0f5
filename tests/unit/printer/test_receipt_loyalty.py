"""A return ticket with a customer says the points it takes back, and the new balance,
in both widths and both languages (issue 15)."""

from __future__ import annotations

import pytest

from hardware.receipt.layout import layout, plain_text
from hardware.receipt.loyalty_lines import LoyaltyLines
from pos.services.receipts import receipt_document
from tests.unit.printer.return_samples import header, return_sale

TAKEN_BACK = LoyaltyLines(earned=0, balance=1234, estimated=False, taken_back=12)


@pytest.mark.parametrize("columns", [32, 48])
def test_a_return_ticket_says_the_points_taken_back(columns: int) -> None:
    french = receipt_document(return_sale(), header("fr"), loyalty=TAKEN_BACK)
    text = plain_text(layout(french, columns))
    assert "Points repris : 12" in text and "Nouveau solde : 1 234 points" in text
    assert "Points gagnés" not in text
    english = receipt_document(return_sale(), header("en"), loyalty=TAKEN_BACK)
    text = plain_text(layout(english, columns))
    assert "Points taken back: 12" in text and "New balance: 1,234 points" in text


def test_a_ticket_without_a_customer_prints_no_points() -> None:
    text = plain_text(layout(receipt_document(return_sale(), header("fr")), 48))
    assert "Points" not in text and "solde" not in text.lower()
