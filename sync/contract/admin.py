"""The central operator's calls: catalog changes, stock counts, chain audit, counters."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictStr, model_validator

from sync.contract.chains import ChainName, KeyId, PublicKeyPem, Signature
from sync.contract.promotions import PromotionRule, ends_after_start, targets_something
from sync.contract.scalars import (
    WIRE,
    Barcode,
    Cents,
    Count,
    Flag,
    Instant,
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
    SoldBy,
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


class PromotionUpsert(PromotionRule):
    """A whole promotion for ``PUT /v1/admin/promotions/{id}`` (the engine's fields,
    ``sync.contract.promotions``): it reaches the tills through the ``promotions`` feed
    and prices online carts and pickup orders while active."""

    name: NonEmptyName
    starts_at: Instant
    ends_at: Instant
    active: Flag = True

    @model_validator(mode="after")
    def _window(self) -> PromotionUpsert:
        ends_after_start(self.starts_at, self.ends_at)
        targets_something(self)
        return self


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


WitnessFlagKind = Literal[
    "bad_signature", "unknown_key", "chain_break", "chain_rewrite", "key_replaced"
]


class WitnessFlag(BaseModel):
    """One anomaly of a terminal's signed chains (or keys), kept for audit. ``chain`` is
    "" for a key flag (``key_replaced``: a key registered with the enrolment code alone)."""

    model_config = WIRE

    chain: Annotated[StrictStr, Field(max_length=16)]
    kind: WitnessFlagKind
    seq: Count
    op_id: Annotated[StrictStr, Field(max_length=200)]
    detail: Message
    at: Timestamp


class WitnessHead(BaseModel):
    """The last entry central witnessed in one chain of a terminal."""

    model_config = WIRE

    chain: ChainName
    head_seq: Count
    head_sig: Signature
    key_id: KeyId
    at: Timestamp  # the entry's own time (the terminal's clock)
    entries: Count


class WitnessView(BaseModel):
    """A terminal's signed chains as central witnessed them, and every flag raised."""

    model_config = WIRE

    store_id: StoreId
    terminal_id: TerminalId
    keys: Count  # keys registered for the terminal (0: its signatures cannot be checked)
    heads: Annotated[list[WitnessHead], Field(max_length=10)]
    flags: Annotated[list[WitnessFlag], Field(max_length=1000)]


class RegisteredKey(BaseModel):
    """A terminal key as central registered it."""

    model_config = WIRE

    key_id: KeyId
    public_pem: PublicKeyPem
    introduced_by: Annotated[StrictStr, Field(pattern=r"^([0-9a-f]{16})?$")]
    introduction: Annotated[StrictStr, Field(max_length=200)]
    registered_at: Timestamp
    #: How central accepted it: ``introduced`` (signed by a key it held), ``enrolment`` (the
    #: first key of the terminal, or a replacement on the enrolment code alone: flagged).
    accepted_by: Literal["introduced", "enrolment"]


class TerminalKeys(BaseModel):
    model_config = WIRE

    store_id: StoreId
    terminal_id: TerminalId
    keys: Annotated[list[RegisteredKey], Field(max_length=1000)]


class Stats(BaseModel):
    model_config = WIRE

    operations_accepted: Count
    operations_duplicate: Count
    operations_rejected: Count
    sales: Count
    products: Count
    terminals: Count


class EnrolmentAttempt(BaseModel):
    """One enrolment attempt as central recorded it (``throttled``: refused unchecked)."""

    model_config = WIRE

    store_id: ShortText
    terminal_id: ShortText
    at: ShortText
    outcome: Literal["accepted", "wrong_code", "throttled"]


class EnrolmentAttempts(BaseModel):
    """The latest enrolment attempts, newest first (at most 500)."""

    model_config = WIRE

    attempts: list[EnrolmentAttempt]
