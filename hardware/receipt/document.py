"""The receipt as plain, immutable data: what a printer needs, nothing of the app's model.

``hardware`` is a leaf package, so it cannot see ``pos.domain``: the services layer maps a
completed sale onto these classes. Every amount is an integer number of euro cents, already
computed and rounded by the domain; the layout only formats, it never does arithmetic that
could disagree with the sale's journal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hardware.receipt.loyalty_lines import LoyaltyLines

Language = Literal["fr", "en"]
ReceiptKind = Literal["sale", "return", "exchange"]


@dataclass(frozen=True, slots=True)
class ReturnedFrom:
    """What a returned line takes back, as printed under it. ``origin_label`` is the
    original ticket's ("T01 n°123") or the web order's number; ``line_no`` 0 is a return
    without receipt; ``reason`` is already written in the receipt's language."""

    origin_label: str
    line_no: int
    web: bool
    reason: str


@dataclass(frozen=True, slots=True)
class OrderedFor:
    """A line paying a customer order (the endless aisle), as printed under it: the
    goods are not handed over here. ``pickup_at`` None: delivered to the home."""

    label: str  # the order's pickup code or short number
    pickup_at: str | None  # the store the customer collects it at


@dataclass(frozen=True, slots=True)
class PromotionRow:
    """One promotion on a line, printed under it: its name and what it took off (cents,
    positive), already part of the line's ``discount_cents``."""

    name: str
    discount_cents: int


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """One sold item. ``gross_cents - discount_cents == total_cents`` (checked by the domain).

    ``quantity_text`` is already formatted ("3", "0,452 kg"); ``vat_code`` refers to a
    ``VatRow.code`` of the same receipt.
    """

    name: str
    quantity_text: str
    unit_price_cents: int
    gross_cents: int
    discount_cents: int
    total_cents: int
    vat_code: str
    catalog_unit_price_cents: int | None = None  # when sold at another price than this
    returned: ReturnedFrom | None = None  # a returned line: quantity and amounts <= 0
    # Promotions on the line, each printed under it; the staff's manual discount is the
    # rest of ``discount_cents`` (``manual_discount_cents``).
    promotions: tuple[PromotionRow, ...] = ()
    ordered: OrderedFor | None = None  # a customer order paid here, delivered elsewhere

    @property
    def manual_discount_cents(self) -> int:
        return self.discount_cents - sum(p.discount_cents for p in self.promotions)


@dataclass(frozen=True, slots=True)
class VatRow:
    """One rate of the VAT summary: base (HT) + VAT (TVA) = total (TTC), in cents."""

    code: str
    rate_label: str
    base_cents: int
    vat_cents: int
    total_cents: int


@dataclass(frozen=True, slots=True)
class TenderRow:
    """One payment, e.g. ("Espèces", 3000); labels come localised from the services layer.
    ``reference``: a gift card's or voucher's number, printed under it.

    ``amount_cents < 0`` is money given back: its label says so ("Remboursement carte"),
    so it is printed as a positive amount. ``inline_reference`` prints the reference on
    the label's line when it fits whole ("Avoir AV-…"), never cut; ``balance_cents``: what
    is left on a credit note after this payment, when known."""

    label: str
    amount_cents: int
    reference: str = ""
    inline_reference: bool = False
    balance_cents: int | None = None


@dataclass(frozen=True, slots=True)
class CreditNoteSlip:
    """A credit note (avoir) issued by a return, printed as its own slip after the ticket.

    ``code`` is printed in clear (``AV-XXXX-XXXX-XXXX-CC``, never split) and ``qr_text``
    (``CMPT-AV:<code>``) as a QR code; a printer without QR prints ``code`` as a Code 128.
    ``expires_on`` is the last valid day, an ISO date (``2027-11-25``)."""

    code: str
    qr_text: str
    amount_cents: int
    expires_on: str


@dataclass(frozen=True, slots=True)
class ReceiptDocument:
    """Everything printed on one ticket.

    ``completed_at`` is an ISO 8601 instant in UTC (a naive value is read as UTC); it is
    printed in Europe/Paris local time. ``sale_id`` is printed as a code so that a return
    can find the sale. ``duplicate`` marks a reprint, which French rules require to say
    "DUPLICATA n°k" (``copy_no``: this ticket's k-th copy; ``copy_seq``: the copy's own
    entry in the duplicates chain). ``training`` marks a ticket of training mode, of no
    fiscal value. The fiscal footer: ``record_no`` (the entry's sequence number in its
    chain), ``software_version`` and ``signature_excerpt`` (0 / "" print nothing).
    """

    header: tuple[str, ...]
    lines: tuple[ReceiptLine, ...]
    ticket_discount_cents: int
    total_cents: int
    vat_rows: tuple[VatRow, ...]
    tenders: tuple[TenderRow, ...]
    change_cents: int
    ticket_no: int
    terminal_id: str
    cashier: str
    completed_at: str
    sale_id: str
    footer: tuple[str, ...] = ()
    duplicate: bool = False
    copy_no: int = 0
    copy_seq: int = 0
    training: bool = False
    record_no: int = 0
    software_version: str = ""
    signature_excerpt: str = ""
    language: Language = "fr"
    credit_notes: tuple[CreditNoteSlip, ...] = ()  # issued by this return, one slip each
    loyalty: LoyaltyLines | None = None  # a customer's points (issue 15)
    # What the customer saved on the items sold (promotions and the staff's line and
    # ticket discounts), printed before the totals when any ("Vous avez économisé").
    saved_cents: int = 0

    @property
    def kind(self) -> ReceiptKind:
        """A return (only returned lines), an exchange (both) or a plain sale."""
        returned = sum(1 for line in self.lines if line.returned is not None)
        if not returned:
            return "sale"
        return "return" if returned == len(self.lines) else "exchange"
