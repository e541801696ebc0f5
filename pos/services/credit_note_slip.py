"""The credit notes a return ticket issued, as the slips printed after it.

A return refunded by credit note carries a tender of kind ``credit_note`` below zero whose
reference is the new note's code; that tender is the only source of the slip, so a
duplicate of the ticket prints the same credit note again (marked "DUPLICATA"). The note
is valid one year: the till prints the last valid day from the ticket's own date, in the
shop's time zone (central keeps the authoritative expiry; it counts the same year).

No Qt, no store: pure mapping, safe on any thread.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from hardware.receipt.document import CreditNoteSlip
from hardware.receipt.formatting import SHOP_TIME_ZONE
from pos.domain.sale import CompletedSale
from sync.contract.codes import credit_note_qr_text

CREDIT_NOTE = "credit_note"
VALIDITY_YEARS = 1


def credit_note_expiry(issued_at: str, years: int = VALIDITY_YEARS) -> str:
    """The last valid day (ISO date) of a note issued at ``issued_at`` (ISO UTC): the same
    day ``years`` later in Paris, 28 February for a note issued on 29 February."""
    instant = datetime.fromisoformat(issued_at)
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    day = instant.astimezone(SHOP_TIME_ZONE).date()
    try:
        return day.replace(year=day.year + years).isoformat()
    except ValueError:  # 29 February
        return date(day.year + years, 2, 28).isoformat()


def credit_note_slips(sale: CompletedSale) -> tuple[CreditNoteSlip, ...]:
    """One slip per credit note ``sale`` issued (a ``credit_note`` refund tender)."""
    return tuple(
        CreditNoteSlip(
            code=tender.reference,
            qr_text=credit_note_qr_text(tender.reference),
            amount_cents=-tender.amount_cents,
            expires_on=credit_note_expiry(sale.completed_at),
        )
        for tender in sale.draft.tenders
        if tender.kind == CREDIT_NOTE and tender.amount_cents < 0
    )
