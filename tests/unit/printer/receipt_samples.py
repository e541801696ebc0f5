"""Sample receipts shared by the printer tests: long French names, two VAT rates, discounts."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hardware.printer.connections import PrinterConfig, open_printer
from hardware.receipt.document import ReceiptDocument, ReceiptLine, TenderRow, VatRow

SALE_ID = "7c9e6679-7425-40de-944b-e07cc4f1f6a4"

LONG_NAME = "Bœuf bourguignon mijoté aux carottes et lardons fumés de la ferme du Morvan"


def sample_receipt(**changes: Any) -> ReceiptDocument:
    """A 3-item ticket: 27,76 € paid 20 € by card and 10 € cash, 2,24 € change."""
    doc = ReceiptDocument(
        header=(
            "Épicerie du Coin",
            "12 rue des Lilas",
            "75011 Paris",
            "SIRET 123 456 789 00012",
            "TVA intracom FR12345678901",
        ),
        lines=(
            ReceiptLine(LONG_NAME, "3", 860, 2580, 0, 2580, "A"),
            ReceiptLine("Pommes Golden", "0,452 kg", 499, 226, 50, 176, "B"),
            ReceiptLine("Pain", "1", 120, 120, 0, 120, "B"),
        ),
        ticket_discount_cents=100,
        total_cents=2776,
        vat_rows=(
            VatRow("A", "20 %", 2150, 430, 2580),
            VatRow("B", "5,5 %", 186, 10, 196),
        ),
        tenders=(TenderRow("Carte bancaire", 2000), TenderRow("Espèces", 1000)),
        change_cents=224,
        ticket_no=1234,
        terminal_id="T01",
        cashier="Marie",
        completed_at="2026-11-25T09:42:00Z",
        sale_id=SALE_ID,
        footer=("Merci de votre visite !", "Échange sous 30 jours avec ce ticket"),
    )
    return replace(doc, **changes)


def dummy_printer(profile: str = "TM-T88V") -> Any:
    """A real python-escpos ``Dummy``, built the way the app builds printers."""
    return open_printer(PrinterConfig(kind="dummy", profile=profile))
