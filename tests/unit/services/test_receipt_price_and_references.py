"""A sale with a price override, paid by gift card and voucher, printed on a file
printer: the real ESC/POS bytes carry "Prix modifié" with both prices and each card's
number, at 80 mm (48 columns) and 58 mm (32), and no line is wider than the paper."""

from __future__ import annotations

from pathlib import Path

import pytest

from hardware.printer.connections import PrinterConfig, PrinterDevice
from pos.domain.rights import Actor, Role
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.receipts import ReceiptHeader, receipt_document

INES = Actor("ines", "Inès", Role.MANAGER)
INIT = b"\x1b@"


def cp858(text: str) -> bytes:
    return text.encode("cp858")


@pytest.fixture
def sale(store, demo_items):
    item = next(i for i in demo_items if i.sold_by == "unit" and i.price_cents > 600)
    checkout = Checkout(store, terminal_id="T01", actor=INES)
    line = checkout.scan(item.barcodes[0])
    checkout.override_price(line.line_id, 300, "wrong_label")
    checkout.add_tender(TenderKind.GIFT_CARD, 200, "GC-4921-7730")
    checkout.add_tender(TenderKind.VOUCHER, 50, "AV-0042")
    checkout.add_tender(TenderKind.CARD, 50, "bank-auth-991")
    completed = checkout.complete()
    checkout.close()
    return completed, item.price_cents


@pytest.mark.parametrize("columns", [48, 32])
def test_the_receipt_prints_the_changed_price_and_the_card_numbers(
    tmp_path: Path, sale, columns: int
) -> None:
    completed, catalog = sale
    target = tmp_path / "lp0"
    device = PrinterDevice(
        PrinterConfig(kind="file", file_path=str(target), columns=columns, codepage="CP858")
    )
    assert device.print_receipt(receipt_document(completed, ReceiptHeader())).ok
    printed = target.read_bytes()
    assert printed.startswith(INIT)
    euros = f"{catalog // 100},{catalog % 100:02d}"
    changed = [line for line in printed.split(b"\n") if cp858("Prix modifié") in line]
    assert len(changed) == 1
    assert changed[0].rstrip().endswith(cp858(f"{euros} -> 3,00"))  # → folded for CP858
    assert cp858("Carte cadeau GC-4921-7730") in printed  # on its tender's line
    assert cp858("Bon d'achat AV-0042") in printed
    assert b"bank-auth-991" not in printed  # a card payment's reference is the bank's
    text_lines = [line for line in printed.split(b"\n") if not line.startswith(b"\x1d")]
    assert all(len(line.split(b"\x1b")[0]) <= columns for line in text_lines)
