"""The ``sale`` operation: the terminal's sealed sale record and its journal entry.

The record mirrors ``pos.store.sale_codec.sale_record`` (version ``v`` 1) field for field:
the server hashes the record exactly as received, ``sha256(prev_hash + "\\n" +
canonical_json(sale))``, so any field added on one side only must bump ``v`` and this model.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictStr

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

    v: Literal[1]
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


class JournalSeal(BaseModel):
    """The terminal's journal entry for the sale: where it sits in the hash chain."""

    model_config = WIRE

    seq: Seq
    hash: Sha256Hex
    prev_hash: Sha256Hex
    grand_total_cents: Count  # perpetual: every sale ever, never reset


class SalePayload(BaseModel):
    """``{"journal": ..., "sale": ...}``: the outbox payload exactly as committed."""

    model_config = WIRE

    journal: JournalSeal
    sale: SaleRecord
