"""The ``sale`` operation: the terminal's sealed sale record and its journal entry.

The record mirrors ``pos.store.sale_codec.sale_record`` field for field: the server
hashes the record exactly as received, ``sha256(prev_hash + "\\n" +
canonical_json(sale))``, so any field added on one side only must bump ``v`` and this model.
Version 2 (issue 12) adds a line's optional ``price_override`` and the sale's optional
``approvals``; a sale with neither is still sent as version 1, which may not carry them.
Version 3 (issue 14) adds *returned* lines: a line with ``returned`` has a negative
quantity and amounts <= 0, and the ticket's total, tenders (refunds) and VAT rows may
then be negative. Only a v3 record carries a ``returned`` line or a negative amount.
Version 4 (issue 15) adds the sale's optional ``customer_id`` (the customer attached, who
earns its loyalty points), present only when a customer is attached, and a line's
optional ``promotions`` (what each promotion took off the line: already inside its
``line_discount_cents``, which they never exceed); a record below v4 carrying either is
refused, so every earlier record still validates and hashes as before.
Version 5 (issue 16, the endless aisle) adds a sold line's optional ``customer_order_id``:
the line pays a customer order placed through central for pickup at another store or
home delivery (its goods are not at the till's store: central takes no stock there and
marks the order paid). Absent on every other line, so earlier records are unchanged.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictBool, StrictInt, StrictStr, model_validator

from sync.contract.chains import ChainSeal
from sync.contract.scalars import (
    MAX_CENTS,
    MAX_QUANTITY,
    WIRE,
    Cents,
    Count,
    CustomerId,
    Name,
    NonEmptyName,
    OpId,
    OrderId,
    ProductId,
    Seq,
    Sha256Hex,
    ShortText,
    SoldBy,
    Timestamp,
    VatBp,
)

#: ``prev_hash`` of a terminal's first journal entry.
GENESIS_HASH = "0" * 64

Text64 = Annotated[StrictStr, Field(min_length=1, max_length=64)]
#: Amounts and quantities of a v3 record may be below zero (a return); the validators
#: below keep every earlier record, and every sold line, non-negative.
SignedCents = Annotated[StrictInt, Field(ge=-MAX_CENTS, le=MAX_CENTS)]
SignedQuantity = Annotated[StrictInt, Field(ge=-MAX_QUANTITY, le=MAX_QUANTITY)]
ReturnReasonCode = Annotated[
    StrictStr,
    Field(
        pattern=r"^(changed_mind|defective|wrong_size|not_as_described|damaged_in_transit"
        r"|missing_at_pickup|other)$"
    ),
]


class PriceOverrideRecord(BaseModel):
    """The line was sold at ``unit_price_cents`` instead of its catalogue price."""

    model_config = WIRE

    catalog_price_cents: Cents
    reason: Annotated[
        StrictStr, Field(pattern=r"^(wrong_label|damaged|price_match|commercial_gesture|other)$")
    ]
    note: Annotated[StrictStr, Field(max_length=200)]
    approval_id: OpId | None  # the manager's approval, when the cashier lacked the right


class SaleApprovalRecord(BaseModel):
    """A manager's approval an act of the sale was made under (line 0: the ticket)."""

    model_config = WIRE

    approval_id: OpId
    right: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    line_no: Annotated[int, Field(ge=0, le=1000)]


class ReturnRefRecord(BaseModel):
    """What a returned line takes back (``pos.domain.returns.ReturnRef``); line 0 of no
    sale: a return without receipt, made under a manager's approval."""

    model_config = WIRE

    origin_sale_id: Annotated[StrictStr, Field(min_length=1, max_length=128)]
    origin_line_no: Annotated[int, Field(ge=0, le=1000)]
    origin_label: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    channel: Annotated[StrictStr, Field(pattern=r"^(store|web)$")]
    reason: ReturnReasonCode
    restock: StrictBool
    approval_id: OpId | None

    @model_validator(mode="after")
    def _receipt_or_approval(self) -> ReturnRefRecord:
        if self.origin_line_no == 0 and self.approval_id is None:
            raise ValueError("a return without receipt needs a manager's approval")
        return self


class LinePromotionRecord(BaseModel):
    """What one promotion took off the line (``pos.domain.sale.LinePromotion``)."""

    model_config = WIRE

    promotion_id: Annotated[StrictInt, Field(ge=1)]
    name: Name
    discount_cents: Annotated[StrictInt, Field(gt=0, le=MAX_CENTS)]


class SaleLineRecord(BaseModel):
    model_config = WIRE

    line_no: Seq
    product_id: ProductId
    sku: Text64
    name: Name
    barcode: ShortText | None
    sold_by: SoldBy
    quantity: SignedQuantity  # units, or grams when sold by weight; < 0 when returned
    unit_price_cents: Cents  # per unit, or per kilogram
    vat_bp: VatBp
    gross_cents: SignedCents
    line_discount_cents: SignedCents
    ticket_discount_cents: SignedCents
    total_cents: SignedCents
    price_override: PriceOverrideRecord | None = None  # v2: absent when not overridden
    returned: ReturnRefRecord | None = None  # v3: absent on a sold line
    promotions: Annotated[list[LinePromotionRecord], Field(min_length=1, max_length=50)] | None = (
        None  # v4: absent when no promotion took anything off the line
    )
    customer_order_id: OrderId | None = None  # v5: absent unless it pays a customer order

    @model_validator(mode="after")
    def _signs(self) -> SaleLineRecord:
        amounts = (self.gross_cents, self.line_discount_cents, self.ticket_discount_cents)
        if self.returned is None:
            if self.quantity <= 0 or min(amounts) < 0 or self.total_cents < 0:
                raise ValueError("a sold line has a positive quantity and no negative amount")
        elif self.quantity >= 0 or max(amounts) > 0 or self.total_cents > 0:
            raise ValueError("a returned line has a negative quantity and no positive amount")
        if self.customer_order_id is not None and self.returned is not None:
            raise ValueError("a customer order's line is sold, never returned")
        if self.total_cents != sum(amounts[:1]) - sum(amounts[1:]):
            raise ValueError("a line's total is its gross less both discounts")
        if self.promotions is not None:
            ids = [p.promotion_id for p in self.promotions]
            if len(set(ids)) != len(ids):
                raise ValueError("a line lists each promotion once")
            if sum(p.discount_cents for p in self.promotions) > self.line_discount_cents:
                raise ValueError("a line's promotions are part of its line discount")
        return self


class SaleTenderRecord(BaseModel):
    model_config = WIRE

    seq: Seq
    kind: Annotated[StrictStr, Field(min_length=1, max_length=32)]
    amount_cents: SignedCents  # < 0: money given back (v3)
    reference: Annotated[StrictStr, Field(max_length=128)]


class SaleVatRecord(BaseModel):
    model_config = WIRE

    vat_bp: VatBp
    base_cents: SignedCents
    vat_cents: SignedCents
    total_cents: SignedCents


class SaleRecord(BaseModel):
    """The canonical sale record, as sealed in the terminal's journal."""

    model_config = WIRE

    v: Literal[1, 2, 3, 4, 5]
    id: OpId
    terminal_id: Text64
    ticket_no: Seq
    cashier: NonEmptyName
    started_at: Timestamp
    completed_at: Timestamp
    total_cents: SignedCents  # < 0 (v3): what the ticket gives back
    change_cents: Cents
    lines: Annotated[list[SaleLineRecord], Field(min_length=1, max_length=1000)]
    tenders: Annotated[list[SaleTenderRecord], Field(max_length=50)]
    vat: Annotated[list[SaleVatRecord], Field(max_length=20)]
    approvals: Annotated[list[SaleApprovalRecord], Field(max_length=100)] | None = None  # v2
    customer_id: CustomerId | None = None  # v4: absent when no customer is attached

    @model_validator(mode="after")
    def _fields_of_its_version(self) -> SaleRecord:
        extended = self.approvals is not None or any(
            line.price_override is not None for line in self.lines
        )
        if self.v == 1 and extended:
            raise ValueError("a v1 sale record carries no price_override nor approvals")
        signed = (
            self.total_cents < 0
            or any(line.returned is not None for line in self.lines)
            or any(t.amount_cents < 0 for t in self.tenders)
            or any(min(row.base_cents, row.vat_cents, row.total_cents) < 0 for row in self.vat)
        )
        if signed and self.v < 3:
            raise ValueError("only a v3 sale record carries returned lines or negative amounts")
        if self.customer_id is not None and self.v < 4:
            raise ValueError("only a v4 sale record carries a customer_id")
        if self.v < 4 and any(line.promotions is not None for line in self.lines):
            raise ValueError("only a v4 sale record carries a line's promotions")
        if self.v < 5 and any(line.customer_order_id is not None for line in self.lines):
            raise ValueError("only a v5 sale record carries a line's customer_order_id")
        return self


class JournalSeal(BaseModel):
    """The terminal's journal entry for the sale: where it sits in the hash chain."""

    model_config = WIRE

    seq: Seq
    hash: Sha256Hex
    prev_hash: Sha256Hex
    grand_total_cents: Count  # perpetual: every sale ever, never reset


class SalePayload(BaseModel):
    """``{"sale": ..., "seal": ...}``: the outbox payload exactly as committed. ``seal`` is
    the sale's signed ticket-chain entry (its body: the canonical ``sale``); ``journal``
    the unsigned hash-chain entry of earlier versions, still in old outboxes."""

    model_config = WIRE

    journal: JournalSeal | None = None
    seal: ChainSeal | None = None
    sale: SaleRecord

    @model_validator(mode="after")
    def _one_seal(self) -> SalePayload:
        if (self.journal is None) == (self.seal is None):
            raise ValueError("a sale carries exactly one of 'seal' and 'journal'")
        return self
