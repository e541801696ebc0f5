"""A sale as it is committed: the immutable record the store, the journal and sync share.

The checkout builds a ``SaleDraft`` from a settled basket; the store commits it in one
transaction and returns a ``CompletedSale`` with the terminal's next ticket number.
Nothing here changes after commit: corrections are new documents (returns, voids).
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.price_override import PriceOverride
from pos.domain.product import SoldBy
from pos.domain.returns import ReturnRef


@dataclass(frozen=True, slots=True)
class CustomerOrderRef:
    """The customer order a line pays (issue 16, the endless aisle): ordered for the
    customer from another store or the web warehouse, paid at this till. The goods are
    not here: the line takes no stock of this store. Only ``order_id`` is in the fiscal
    record; the rest is what the receipt says ("Commande n° K7M2-Q9XD à retirer à …")."""

    order_id: str
    fulfilment: str  # "pickup" (at ``location_name``) or "delivery" (to the home)
    location_name: str
    label: str = ""  # the pickup code the customer shows at the desk, or a short number


@dataclass(frozen=True, slots=True)
class LinePromotion:
    """What one promotion took off one line (an item promotion, or the line's share of
    a basket promotion): folded into the line's ``line_discount_cents``."""

    promotion_id: int
    name: str
    discount_cents: int


@dataclass(frozen=True, slots=True)
class SaleLine:
    """One sold line. Amounts are VAT-inclusive cents; ``quantity`` is units or grams.

    A *returned* line (``returned`` set) has a negative quantity and amounts <= 0: it
    takes back that much of the original line (``pos.domain.returns``).

    ``promotions`` details what promotions took off the line, one entry per promotion in
    the order applied; their sum is part of ``line_discount_cents``, and the staff's
    manual discount is the rest (``line_discount_cents - promotion_cents``)."""

    line_no: int
    product_id: int
    sku: str
    name: str
    barcode: str | None
    sold_by: SoldBy
    quantity: int
    unit_price_cents: int  # per unit, or per kilogram when sold by weight
    vat_bp: int
    gross_cents: int  # price x quantity, before any discount
    line_discount_cents: int
    ticket_discount_cents: int  # this line's share of the ticket discount
    total_cents: int  # gross - line discount - ticket discount share
    price_override: PriceOverride | None = None  # unit_price_cents is then the new price
    returned: ReturnRef | None = None
    promotions: tuple[LinePromotion, ...] = ()
    customer_order: CustomerOrderRef | None = None  # paid here, delivered elsewhere

    @property
    def promotion_cents(self) -> int:
        return sum(promotion.discount_cents for promotion in self.promotions)


@dataclass(frozen=True, slots=True)
class SaleTender:
    """A payment as handed over: cash may exceed what is due (change is on the sale)."""

    kind: str  # "cash", "card", "voucher", "gift_card", "credit_note"...
    amount_cents: int  # < 0: a refund (of a return ticket whose total is below zero)
    reference: str = ""


@dataclass(frozen=True, slots=True)
class VatLine:
    """One row of the VAT table: for one rate, HT + TVA = TTC exactly."""

    vat_bp: int
    base_cents: int  # HT
    vat_cents: int  # TVA
    total_cents: int  # TTC


@dataclass(frozen=True, slots=True)
class SaleDraft:
    """A fully tendered sale, ready to commit. ``sale_id`` is its stable operation id.

    With returned lines, ``total_cents`` is what is left to collect, below zero when
    money goes back to the customer, and the VAT rows may be negative too."""

    sale_id: str
    terminal_id: str
    cashier: str
    started_at: str  # ISO 8601, UTC
    lines: tuple[SaleLine, ...]
    tenders: tuple[SaleTender, ...]
    vat: tuple[VatLine, ...]
    total_cents: int
    change_cents: int
    approvals: tuple[SaleApproval, ...] = ()  # managers' approvals of this sale's acts
    customer_id: str | None = None  # the customer attached (earns the loyalty points)

    @property
    def has_returns(self) -> bool:
        """A return or an exchange: its ticket-chain entry's kind is ``return``."""
        return any(line.returned is not None for line in self.lines)


@dataclass(frozen=True, slots=True)
class SaleApproval:
    """A manager's approval an act of this sale was made under (``line_no`` 0: the
    whole ticket)."""

    approval_id: str
    right: str
    line_no: int = 0


@dataclass(frozen=True, slots=True)
class CompletedSale:
    """A sale on disk: numbered, timestamped and signed in the terminal's ticket chain.

    ``chain_seq`` and ``signature`` are its ticket-chain entry's (0 and "" for a sale of
    an earlier version, sealed only in the legacy hash journal). A ``training`` sale is
    no sale at all: it lives only in the training chain (its entry's seq and signature),
    numbered by its own counter, outside every total."""

    draft: SaleDraft
    ticket_no: int
    completed_at: str  # ISO 8601, UTC
    signature: str
    chain_seq: int = 0
    training: bool = False

    @property
    def sale_id(self) -> str:
        return self.draft.sale_id
