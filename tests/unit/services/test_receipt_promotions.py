"""A promoted sale's receipt at 80 mm (48 columns) and 58 mm (32): each promotion under
its line with what it took off, the staff's own discount apart as "Remise", and "Vous
avez économisé" (promotions and staff discounts) before the total; English too."""

from __future__ import annotations

import pytest

from hardware.receipt.formatting import format_cents
from hardware.receipt.layout import layout, plain_text
from pos.domain.discount import Discount
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.receipts import ReceiptHeader, receipt_document
from pos.store import promotion_feed
from pos.store.local_store import LocalStore
from tests.unit.services.test_checkout_promotions import promotion, till

LONG = "3 pour 2 sur les yaourts nature et aux fruits"


@pytest.fixture
def promoted_sale(store: LocalStore, demo_items):
    units = [i for i in demo_items if i.sold_by == "unit" and i.barcodes and i.price_cents > 300]
    first = next(i for i in units if i.price_cents % 3 == 0)
    second = next(i for i in units if i.sku != first.sku)
    promotion_feed.apply_page(
        store.conn,
        [promotion(1, kind="n_for_m", value=1, n=3, m=2, skus=[first.sku], name=LONG)],
        "p1",
    )
    checkout: Checkout = till(store)
    line = checkout.scan(first.barcodes[0])
    checkout.set_quantity(line.line_id, 3)
    other = checkout.scan(second.barcodes[0])
    checkout.set_line_discount(other.line_id, Discount.amount(50))
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
    sale = checkout.complete()
    checkout.close()
    return sale, first.price_cents


@pytest.mark.parametrize("columns", [48, 32])
def test_the_receipt_lists_each_promotion_and_what_was_saved(promoted_sale, columns) -> None:
    sale, price = promoted_sale
    text = plain_text(layout(receipt_document(sale, ReceiptHeader()), columns))
    lines = text.split("\n")
    assert all(len(line) <= columns for line in lines if not line.startswith("[code"))
    promo = next(i for i, line in enumerate(lines) if line.startswith("  3 pour 2 sur"))
    amount = f"-{format_cents(price)}"
    assert lines[promo].rstrip().endswith(amount)
    assert LONG.startswith(lines[promo].rstrip()[: -len(amount)].strip())  # wraps, uncut
    if columns == 32:
        assert lines[promo + 1].startswith("  ") and lines[promo + 1].strip() in LONG
    discounts = [line for line in lines if line.startswith("  Remise")]
    assert [line.split()[-1] for line in discounts] == ["-0,50"]  # the staff's part only
    saved = next(i for i, line in enumerate(lines) if "Vous avez économisé" in line)
    total = next(i for i, line in enumerate(lines) if line.startswith("TOTAL TTC"))
    assert saved < total
    assert lines[saved].strip() == f"Vous avez économisé {format_cents(price + 50)} €"


def test_an_english_receipt_says_you_saved(promoted_sale) -> None:
    sale, price = promoted_sale
    text = plain_text(layout(receipt_document(sale, ReceiptHeader(language="en")), 48))
    assert f"You saved {format_cents(price + 50)} €" in text
    assert "  Discount" in text


def test_a_sale_without_promotion_or_discount_saves_nothing(store, demo_items) -> None:
    item = next(i for i in demo_items if i.sold_by == "unit" and i.barcodes)
    checkout = till(store)
    checkout.scan(item.barcodes[0])
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
    sale = checkout.complete()
    checkout.close()
    text = plain_text(layout(receipt_document(sale, ReceiptHeader()), 48))
    assert "économisé" not in text
