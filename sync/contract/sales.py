"""The ``sale`` operation: the terminal's sealed sale record and its journal entry.

The record mirrors ``pos.store.sale_codec.sale_record`` field for field: the server
hashes the record exactly as received, ``sha256(prev_hash + "\\n" +
canonical_json(sale))``, so any field added on one side only must bump ``v`` and this model.
Version 2 (issue 12) adds a line's optional ``price_override`` and the sale's optional
``approvals``; a sale with neither is still sent as version 1, which may not carry them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictStr, model_validator

from sync.contract.chains import ChainSeal
from sync.contract.scalars import (
    WIRE,
    Cents,
    Count,
    Name,
    NonEmptyName,
    OpId,
    ProductId,
    Quantity,
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


class SaleLineRecord(BaseModel):
    model_config = WIRE

    line_no: Seq
    product_id: ProductId
    sku: Text64
    name: Name
    barcode: ShortText | None
    sold_by: SoldBy
    quantity: Quantity  # units, or grams when sold by weight
    unit_price_cents: Cents  # per unit, or per kilogram
    vat_bp: VatBp
    gross_cents: Cents
    line_discount_cents: Cents
    ticket_discount_cents: Cents
    total_cents: Cents
    price_override: PriceOverrideRecord | None = None  # v2: absent when not overridden


class SaleTenderRecord(BaseModel):
    model_config = WIRE

    seq: Seq
    kind: Annotated[StrictStr, Field(min_length=1, max_length=32)]
    amount_cents: Cents
    reference: Annotated[StrictStr, Field(max_length=128)]


class SaleVatRecord(BaseModel):
    model_config = WIRE

    vat_bp: VatBp
    base_cents: Cents
    vat_cents: Cents
    total_cents: Cents


class SaleRecord(BaseModel):
    """The canonical sale record, as sealed in the terminal's journal."""

    model_config = WIRE

    v: Literal[1, 2]
    id: OpId
    terminal_id: Text64
    ticket_no: Seq
    cashier: NonEmptyName
    started_at: Timestamp
    completed_at: Timestamp
    total_cents: Cents
    change_cents: Cents
    lines: Annotated[list[SaleLineRecord], Field(min_length=1, max_length=1000)]
    tenders: Annotated[list[SaleTenderRecord], Field(max_length=50)]
    vat: Annotated[list[SaleVatRecord], Field(max_length=20)]
    approvals: Annotated[list[SaleApprovalRecord], Field(max_length=100)] | None = None  # v2

    @model_validator(mode="after")
    def _fields_of_its_version(self) -> SaleRecord:
        extended = self.approvals is not None or any(
            line.price_override is not None for line in self.lines
        )
        if self.v == 1 and extended:
            raise ValueError("a v1 sale record carries no price_override nor approvals")
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
