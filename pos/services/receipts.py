"""A completed sale as a receipt document, and the receipt choices a till records.

The receipt is built from the committed sale only (what is in the journal), never from
the screen's basket, so a printed ticket and a duplicate say exactly what was sealed.
Each ticket prints its fiscal footer (its chain entry's number, the software version,
an excerpt of its signature); a copy is signed into the duplicates chain before its
document exists, so nothing can print a duplicate that the chain does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardware.receipt.document import ReceiptDocument, ReceiptLine, TenderRow, VatRow
from pos.config import StoreSettings
from pos.domain.chain_entry import signature_excerpt
from pos.domain.quantity import format_quantity
from pos.domain.rights import Actor
from pos.domain.sale import CompletedSale, SaleTender
from pos.domain.vat import rate_label
from pos.services.software import software_version
from pos.store import duplicates
from pos.store.local_store import LocalStore
from pos.store.training import TrainingSales

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
    copy: duplicates.Duplicate | None = None,
) -> ReceiptDocument:
    """The ticket of ``sale``; ``copy``: a recorded duplicate of it (``duplicate_receipt``)."""
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
        duplicate=copy is not None,
        copy_no=copy.copy_no if copy else 0,
        copy_seq=copy.entry.seq if copy else 0,
        training=sale.training,
        record_no=sale.chain_seq,
        software_version=software_version(),
        signature_excerpt=signature_excerpt(sale.signature) if sale.signature else "",
        language="en" if header.language == "en" else "fr",
    )


def duplicate_receipt(
    store: LocalStore,
    sale: CompletedSale,
    header: ReceiptHeader,
    *,
    actor: Actor,
    terminal_id: str,
    at: str,
) -> ReceiptDocument:
    """A reprint: the copy is numbered and signed into the duplicates chain (its own
    commit) before its document is built, so it is recorded whether or not it prints.
    A training ticket is printed again as it was: it is not fiscal, so it has no copy."""
    if sale.training:
        return receipt_document(sale, header)
    copy = duplicates.record(
        store.conn, store.signing_key(), sale, terminal_id=terminal_id,
        actor={"name": actor.display_name, "staff_id": actor.staff_id}, at=at,
    )  # fmt: skip
    return receipt_document(sale, header, copy=copy)


def sale_for_receipt(store: LocalStore, sale_id: str) -> CompletedSale | None:
    """The sale a receipt is for: a real one, else a training one (its chain only)."""
    found = store.sales.get(sale_id)
    return found or TrainingSales(store.conn, store.keys).get(sale_id)


def last_sale(store: LocalStore, terminal_id: str, *, training: bool) -> CompletedSale | None:
    """The terminal's last sale (a reprint's): in training mode, its last practice one."""
    if training:
        return TrainingSales(store.conn, store.keys).last_of_terminal(terminal_id)
    return store.sales.last_of_terminal(terminal_id)


def _printed_reference(tender: SaleTender) -> str:
    """A gift card's or voucher's number is printed (the customer checks it was the one
    used); a card payment's reference is the bank's, never printed here."""
    return tender.reference if tender.kind in _REFERENCE_PRINTED else ""


_REFERENCE_PRINTED = frozenset({"gift_card", "voucher"})


def paid_in_cash(sale: CompletedSale) -> bool:
    return any(tender.kind == "cash" for tender in sale.draft.tenders)
