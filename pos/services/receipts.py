"""A completed sale as a receipt document, and the receipt choices a till records.

The receipt is built from the committed sale only (what is in the journal), never from
the screen's basket, so a printed ticket and a duplicate say exactly what was sealed.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardware.receipt.document import ReceiptDocument, ReceiptLine, TenderRow, VatRow
from pos.config import StoreSettings
from pos.domain.quantity import format_quantity
from pos.domain.sale import CompletedSale, SaleTender
from pos.domain.vat import rate_label

TENDER_LABELS = {
    "fr": {
        "cash": "Espèces",
        "card": "Carte bancaire",
        "voucher": "Avoir",
        "gift_card": "Carte cadeau",
        "cheque": "Chèque",
        "meal_voucher": "Titres-restaurant",
    },
    "en": {
        "cash": "Cash",
        "card": "Card",
        "voucher": "Voucher",
        "gift_card": "Gift card",
        "cheque": "Cheque",
        "meal_voucher": "Meal vouchers",
    },
}
VAT_CODES = "ABCDEFGH"


@dataclass(frozen=True, slots=True)
class ReceiptHeader:
    """What the store prints at the top and bottom of every ticket (from its settings)."""

    lines: tuple[str, ...] = ("Comptoir",)
    footer: tuple[str, ...] = ("Merci de votre visite !",)
    language: str = "fr"


def header_for_store(store: StoreSettings, language: str = "fr") -> ReceiptHeader:
    """The ticket's top and bottom from the store's settings: French receipts must name
    the seller, its address, its SIRET and its VAT number."""
    lines = [store.name, *store.address_lines]
    if store.siret:
        lines.append(f"SIRET {store.siret}")
    if store.vat_number:
        lines.append(f"{'VAT' if language == 'en' else 'TVA'} {store.vat_number}")
    return ReceiptHeader(tuple(lines), tuple(store.receipt_footer), language)


def receipt_document(
    sale: CompletedSale,
    header: ReceiptHeader,
    *,
    duplicate: bool = False,
    reprint_count: int = 0,
) -> ReceiptDocument:
    draft = sale.draft
    codes = {vat.vat_bp: VAT_CODES[index] for index, vat in enumerate(draft.vat)}
    lines = tuple(
        ReceiptLine(
            name=line.name,
            quantity_text=format_quantity(line.quantity, line.sold_by),
            unit_price_cents=line.unit_price_cents,
            gross_cents=line.gross_cents,
            discount_cents=line.line_discount_cents,
            total_cents=line.gross_cents - line.line_discount_cents,
            vat_code=codes[line.vat_bp],
            catalog_unit_price_cents=(
                line.price_override.catalog_price_cents if line.price_override else None
            ),
        )
        for line in draft.lines
    )
    labels = TENDER_LABELS.get(header.language, TENDER_LABELS["fr"])
    return ReceiptDocument(
        header=header.lines,
        lines=lines,
        ticket_discount_cents=sum(line.ticket_discount_cents for line in draft.lines),
        total_cents=draft.total_cents,
        vat_rows=tuple(
            VatRow(
                codes[v.vat_bp],
                rate_label(v.vat_bp, header.language),
                v.base_cents,
                v.vat_cents,
                v.total_cents,
            )
            for v in draft.vat
        ),
        tenders=tuple(
            TenderRow(labels.get(t.kind, t.kind), t.amount_cents, _printed_reference(t))
            for t in draft.tenders
        ),
        change_cents=draft.change_cents,
        ticket_no=sale.ticket_no,
        terminal_id=draft.terminal_id,
        cashier=draft.cashier,
        completed_at=sale.completed_at,
        sale_id=sale.sale_id,
        footer=header.footer,
        duplicate=duplicate,
        reprint_count=reprint_count,
        language="en" if header.language == "en" else "fr",
    )


def _printed_reference(tender: SaleTender) -> str:
    """A gift card's or voucher's number is printed (the customer checks it was the one
    used); a card payment's reference is the bank's, never printed here."""
    return tender.reference if tender.kind in _REFERENCE_PRINTED else ""


_REFERENCE_PRINTED = frozenset({"gift_card", "voucher"})


def paid_in_cash(sale: CompletedSale) -> bool:
    return any(tender.kind == "cash" for tender in sale.draft.tenders)
