"""The central operator's calls: catalog changes, stock counts, chain audit, counters."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from sync.contract.feeds import SoldBy
from sync.contract.scalars import (
    WIRE,
    Barcode,
    Cents,
    Count,
    Flag,
    Message,
    Name,
    NonEmptyName,
    OpId,
    Plu,
    ProductId,
    Seq,
    Sha256Hex,
    ShortText,
    Sku,
    StockLevel,
    StoreId,
    TerminalId,
    Timestamp,
    VatBp,
)


class ProductUpsert(BaseModel):
    """A full product for ``PUT /v1/admin/products/{sku}``. ``id`` is kept for an existing
    SKU; a new SKU takes ``id`` if given (else the next free id)."""

    model_config = WIRE

    id: ProductId | None = None
    name: NonEmptyName
    brand: Name = ""
    department: ShortText | None = None
    price_cents: Cents
    vat_bp: VatBp
    sold_by: SoldBy = "unit"
    plu: Plu | None = None
    barcodes: Annotated[list[Barcode], Field(max_length=32, default_factory=list)]
    active: Flag = True


class PriceChange(BaseModel):
    """``{"price_cents"}`` alone: a price change of an existing product."""

    model_config = WIRE

    price_cents: Cents


class StockCount(BaseModel):
    """A counted, absolute level for one product in one store (the operator's, not a
    terminal's: terminals only send deltas)."""

    model_config = WIRE

    sku: Sku
    on_hand: StockLevel


ChainFlagKind = Literal["chain_break", "chain_rewrite", "hash_mismatch"]


class ChainFlag(BaseModel):
    """One anomaly the server witnessed, kept for audit."""

    model_config = WIRE

    kind: ChainFlagKind
    seq: Seq
    op_id: OpId
    detail: Message
    at: Timestamp


class ChainView(BaseModel):
    """The head of a terminal's chain as witnessed by central, and every flag raised."""

    model_config = WIRE

    store_id: StoreId
    terminal_id: TerminalId
    entries: Count
    head_seq: Count  # 0: nothing witnessed yet
    head_hash: Sha256Hex
    grand_total_cents: Count
    flags: Annotated[list[ChainFlag], Field(max_length=1000)]


class Stats(BaseModel):
    model_config = WIRE

    operations_accepted: Count
    operations_duplicate: Count
    operations_rejected: Count
    sales: Count
    products: Count
    terminals: Count
