"""A completed sale as a receipt document, and the receipt choices a till records.

The receipt is built from the committed sale only (what is in the journal), never from
the screen's basket, so a printed ticket and a duplicate say exactly what was sealed.
Each ticket prints its fiscal footer (its chain entry's number, the software version,
an excerpt of its signature); a copy is signed into the duplicates chain before its
document exists, so nothing can print a duplicate that the chain does not hold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hardware.receipt.document import (
    OrderedFor,
    PromotionRow,
    ReceiptDocument,
    ReceiptLine,
    ReturnedFrom,
    TenderRow,
    VatRow,
)
from hardware.receipt.loyalty_lines import LoyaltyLines
from pos.config import StoreSettings
from pos.domain.chain_entry import signature_excerpt
from pos.domain.quantity import format_quantity
from pos.domain.returns import Channel, ReturnRef
from pos.domain.rights import Actor
from pos.domain.sale import CompletedSale, CustomerOrderRef, SaleDraft, SaleLine, SaleTender
from pos.domain.vat import rate_label
from pos.services.credit_note_slip import CREDIT_NOTE, credit_note_slips
from pos.services.software import software_version
from pos.store import duplicates, receipts
from pos.store.local_store import LocalStore
from pos.store.training import TrainingSales

TENDER_LABELS = {
    "fr": {
        "cash": "Espèces",
        "card": "Carte bancaire",
        "voucher": "Bon d'achat",
        "gift_card": "Carte cadeau",
        "cheque": "Chèque",
        "meal_voucher": "Titres-restaurant",
        "credit_note": "Avoir",
        "loyalty": "Points fidélité",
    },
    "en": {
        "cash": "Cash",
        "card": "Card",
        "voucher": "Voucher",
        "gift_card": "Gift card",
        "cheque": "Cheque",
        "meal_voucher": "Meal vouchers",
        "credit_note": "Credit note",
        "loyalty": "Loyalty points",
    },
}
#: Money given back (a tender below zero): the label says so, the amount prints positive.
REFUND_LABELS = {
    "fr": {
        "cash": "Remboursement espèces",
        "card": "Remboursement carte",
        "credit_note": "Avoir émis",
        "other": "Remboursement",
    },
    "en": {
        "cash": "Cash refund",
        "card": "Card refund",
        "credit_note": "Credit note issued",
        "other": "Refund",
    },
}
REASON_LABELS = {
    "fr": {
        "changed_mind": "changement d'avis",
        "defective": "article défectueux",
        "wrong_size": "taille ou modèle non adapté",
        "not_as_described": "non conforme à la description",
        "damaged_in_transit": "endommagé à la livraison",
        "missing_at_pickup": "manquant au retrait",
        "other": "autre",
    },
    "en": {
        "changed_mind": "changed mind",
        "defective": "defective",
        "wrong_size": "wrong size or model",
        "not_as_described": "not as described",
        "damaged_in_transit": "damaged in delivery",
        "missing_at_pickup": "missing at pickup",
        "other": "other",
    },
}
#: One letter per VAT rate, the same on every ticket (a customer or an auditor compares
#: tickets): France's rates, then Corsica's and the overseas departments'.
VAT_LETTERS: dict[int, str] = {
    2000: "A", 1000: "B", 550: "C", 210: "D", 0: "E",
    850: "F", 1300: "G", 90: "H", 175: "I", 105: "J",
}  # fmt: skip
#: Letters for a rate outside the table (a store's own configuration), in ticket order.
_SPARE_LETTERS = "KLMNPQRSTUVWXYZ"


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
    credit_note_balances: Mapping[str, int] | None = None,
    loyalty: LoyaltyLines | None = None,
) -> ReceiptDocument:
    """The ticket of ``sale``; ``copy``: a recorded duplicate of it (``duplicate_receipt``).

    A return or an exchange prints its returned lines with what they take back, its
    refunds, and each credit note it issued as a slip after the ticket.
    ``credit_note_balances`` (code -> cents left, when central told) prints the balance
    under a credit note spent as a payment; ``loyalty`` the customer's points
    (``pos.services.loyalty.LoyaltyTill.receipt_lines``)."""
    draft = sale.draft
    language = "en" if header.language == "en" else "fr"
    codes = _vat_codes(draft)
    lines = tuple(_receipt_line(line, codes[line.vat_bp], language) for line in draft.lines)
    balances = credit_note_balances or {}
    return ReceiptDocument(
        header=header.lines,
        lines=lines,
        ticket_discount_cents=sum(
            line.ticket_discount_cents for line in draft.lines if line.returned is None
        ),
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
        tenders=tuple(_tender_row(t, language, balances.get(t.reference)) for t in draft.tenders),
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
        language=language,
        credit_notes=credit_note_slips(sale),
        loyalty=loyalty,
        saved_cents=saved_cents(draft),
    )


def saved_cents(draft: SaleDraft) -> int:
    """What the customer saved on the items sold: promotions, the staff's line discounts
    and the ticket discount (a returned line's given-back discount is no saving)."""
    sold = [line for line in draft.lines if line.returned is None]
    return sum(line.line_discount_cents + line.ticket_discount_cents for line in sold)


def vat_letter(vat_bp: int) -> str:
    """The fixed letter of a VAT rate ("A" for 20 %), "" for a rate outside the table."""
    return VAT_LETTERS.get(vat_bp, "")


def _vat_codes(draft: SaleDraft) -> dict[int, str]:
    """Each rate's fixed letter (an exchange's rate that nets to nothing may have no row:
    it still gets one); a rate outside the table takes a spare letter, in table order."""
    rates = [vat.vat_bp for vat in draft.vat]
    rates += sorted({line.vat_bp for line in draft.lines} - set(rates))
    spare = iter(_SPARE_LETTERS)
    return {rate: vat_letter(rate) or next(spare, "?") for rate in rates}


def _receipt_line(line: SaleLine, vat_code: str, language: str) -> ReceiptLine:
    """A sold line as before; a returned one with its whole given-back discount (its own
    and its share of the ticket's) under it, and what it takes back."""
    returned = line.returned
    discount = line.line_discount_cents
    if returned is not None:
        discount += line.ticket_discount_cents
    return ReceiptLine(
        name=line.name,
        quantity_text=_quantity_text(line),
        unit_price_cents=line.unit_price_cents,
        gross_cents=line.gross_cents,
        discount_cents=discount,
        total_cents=line.gross_cents - discount,
        vat_code=vat_code,
        catalog_unit_price_cents=(
            line.price_override.catalog_price_cents if line.price_override else None
        ),
        returned=_returned_from(returned, language) if returned is not None else None,
        promotions=tuple(PromotionRow(p.name, p.discount_cents) for p in line.promotions),
        ordered=_ordered_for(line.customer_order),
    )


def _ordered_for(ref: CustomerOrderRef | None) -> OrderedFor | None:
    if ref is None:
        return None
    return OrderedFor(ref.label or ref.order_id, ref.location_name if ref.fulfilment == "pickup"
                      else None)  # fmt: skip


def _quantity_text(line: SaleLine) -> str:
    """ "-1", "-0,452 kg": a returned quantity is the sold one with a minus sign."""
    text = format_quantity(abs(line.quantity), line.sold_by)
    return f"-{text}" if line.quantity < 0 else text


def _returned_from(ref: ReturnRef, language: str) -> ReturnedFrom:
    reasons = REASON_LABELS[language]
    return ReturnedFrom(
        origin_label=ref.origin_label,
        line_no=ref.origin_line_no,
        web=ref.channel is Channel.WEB,
        reason=reasons.get(str(ref.reason), str(ref.reason)),
    )


def _tender_row(tender: SaleTender, language: str, balance: int | None) -> TenderRow:
    """A payment or a refund with its label; a voucher's, gift card's, meal voucher's or
    credit note's number on the label's line when it fits, else under it."""
    if tender.amount_cents < 0:
        refunds = REFUND_LABELS[language]
        label = refunds.get(tender.kind, refunds["other"])
    else:
        label = TENDER_LABELS[language].get(tender.kind, tender.kind)
    credit_note = tender.kind == CREDIT_NOTE
    return TenderRow(
        label,
        tender.amount_cents,
        _printed_reference(tender),
        inline_reference=True,
        balance_cents=balance if credit_note and tender.amount_cents > 0 else None,
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


def record_outcome(store: LocalStore, sale_id: str, outcome: str, at: str) -> None:
    """The cashier's receipt choice for a sale ("printed" or "declined"), in its receipt
    log: the French rule since 2023 asks the customer, and the answer is kept."""
    receipts.record_receipt(store.conn, sale_id, outcome, at)


def last_sale(store: LocalStore, terminal_id: str, *, training: bool) -> CompletedSale | None:
    """The terminal's last sale (a reprint's): in training mode, its last practice one."""
    if training:
        return TrainingSales(store.conn, store.keys).last_of_terminal(terminal_id)
    return store.sales.last_of_terminal(terminal_id)


def _printed_reference(tender: SaleTender) -> str:
    """A gift card's, voucher's, meal voucher's or credit note's number is printed (the
    customer checks it was the one used); a card payment's is the bank's, never printed."""
    return tender.reference if tender.kind in _REFERENCE_PRINTED else ""


_REFERENCE_PRINTED = frozenset({"gift_card", "voucher", "meal_voucher", CREDIT_NOTE})


def paid_in_cash(sale: CompletedSale) -> bool:
    return any(tender.kind == "cash" for tender in sale.draft.tenders)
