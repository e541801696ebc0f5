"""Returns and credit notes on the wire: the sale a return takes back, the claim that
makes a return count once across every till and channel, and the credit note ledger.

A return is claimed centrally before money goes back (online): ``ReturnClaim`` names the
return ticket's id (its stable operation id, the id its sale record will carry) and the
original lines and quantities it takes back. Central accepts it only if those quantities
are still returnable, atomically, and answers the same claim the same way again
(idempotent by ``return_id``). The return ticket pushed later through the outbox is
matched with its claim; a return made offline is checked at that push instead.

A credit note (avoir) is a balance kept centrally, issued by a return ticket's refund
tender of kind ``credit_note`` (its reference is the code), spent by debits that are
idempotent by their ``op_id``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictBool, StrictStr

# The refusal codes and sale warnings are plain strings in ``refusals`` (no pydantic, so
# the till's start names them without loading the models); named here as before.
from sync.contract.refusals import (  # noqa: F401
    CLAIM_CONSUMED,
    CREDIT_NOTE_EXPIRED,
    CREDIT_NOTE_OVERSPENT,
    CREDIT_NOTE_SPENT,
    NOT_FOUND,
    NOT_HANDED_OVER,
    NOT_RETURNABLE,
    NOT_SUPPORTED,
    OP_ID_REUSED,
    RETURN_CONFLICT,
)
from sync.contract.sales import ReturnRefRecord
from sync.contract.scalars import (
    WIRE,
    Cents,
    Count,
    Name,
    OpId,
    OrderId,
    ProductId,
    Quantity,
    ShortText,
    SoldBy,
    Timestamp,
    VatBp,
)

OriginId = Annotated[StrictStr, Field(min_length=1, max_length=128)]
CreditNoteCode = Annotated[
    StrictStr, Field(pattern=r"^AV-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$")
]

#: A credit note is valid this long after the return that issued it.
CREDIT_NOTE_VALIDITY_DAYS = 365


class OriginLineRecord(BaseModel):
    """``pos.domain.returns.OriginLine``: a line as paid, and how much of it is already
    returned on every terminal and channel."""

    model_config = WIRE

    line_no: Annotated[int, Field(ge=1, le=1000)]
    product_id: ProductId
    sku: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    name: Name
    barcode: ShortText | None
    sold_by: SoldBy
    quantity: Quantity
    unit_price_cents: Cents
    vat_bp: VatBp
    gross_cents: Cents
    line_discount_cents: Cents
    ticket_discount_cents: Cents
    total_cents: Cents
    returned_quantity: Count
    #: the customer order the line paid (issue 16): its goods were never at the till's
    #: store, so a till refuses to take it back; absent on every other line
    customer_order_id: Annotated[OrderId | None, Field(exclude_if=lambda v: v is None)] = None


class OriginTenderRecord(BaseModel):
    model_config = WIRE

    kind: Annotated[StrictStr, Field(min_length=1, max_length=32)]
    amount_cents: Cents
    reference: Annotated[StrictStr, Field(max_length=128)]
    refunded_cents: Cents  # already refunded to this payment by earlier returns


class OriginSaleRecord(BaseModel):
    """``pos.domain.returns.OriginSale``: a till ticket (any store of the retailer) or a
    web order, found by its code for a return."""

    model_config = WIRE

    sale_id: OriginId
    channel: Literal["store", "web"]
    label: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    store_id: Annotated[StrictStr, Field(max_length=64)]
    terminal_id: Annotated[StrictStr, Field(max_length=64)]  # "" for a web order
    ticket_no: Count  # 0 for a web order
    completed_at: Timestamp
    total_cents: Cents
    lines: Annotated[list[OriginLineRecord], Field(min_length=1, max_length=1000)]
    tenders: Annotated[list[OriginTenderRecord], Field(max_length=50)]
    handed_over: StrictBool


class ClaimLine(BaseModel):
    model_config = WIRE

    origin_sale_id: OriginId
    origin_line_no: Annotated[int, Field(ge=1, le=1000)]
    quantity: Quantity


class ReturnClaim(BaseModel):
    """Take back these quantities for the return ticket ``return_id``, at ``store_id``
    (where restocked articles go back). Idempotent by ``return_id``."""

    model_config = WIRE

    return_id: OpId
    terminal_id: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    lines: Annotated[list[ClaimLine], Field(min_length=1, max_length=1000)]


class ClaimedLine(BaseModel):
    model_config = WIRE

    origin_sale_id: OriginId
    origin_line_no: Annotated[int, Field(ge=1, le=1000)]
    quantity: Quantity
    remaining_after: Count  # still returnable once this claim counts


class ReturnClaimResult(BaseModel):
    model_config = WIRE

    return_id: OpId
    lines: list[ClaimedLine]


class CreditNoteRecord(BaseModel):
    """A credit note's state; ``balance_cents`` is what is left to spend."""

    model_config = WIRE

    code: CreditNoteCode
    issued_cents: Cents
    balance_cents: Cents
    status: Literal["active", "spent", "expired"]
    issued_at: Timestamp
    expires_at: Timestamp
    issued_by: OpId  # the return ticket that issued it


class CreditNoteDebit(BaseModel):
    """Spend ``amount_cents`` of a credit note; idempotent by ``op_id`` (a till: the
    sale id and the tender's position, ``<sale_id>:t<seq>``; the web shop: its order)."""

    model_config = WIRE

    op_id: OpId
    amount_cents: Annotated[int, Field(ge=1, le=100_000_000)]
    channel: Literal["store", "web"]


class ClaimStatus(BaseModel):
    """A claim after ``DELETE``: released (or already released: a retry is harmless)."""

    model_config = WIRE

    return_id: OpId
    status: Literal["held", "consumed", "released"]


class ReturnConflict(BaseModel):
    """A return ticket central accepted (it is a fiscal fact) whose quantities were no
    longer returnable: made offline while another till or channel took the same lines
    back. Raised on the manager's attention list; the ticket itself is never refused."""

    model_config = WIRE

    return_id: OpId
    origin_sale_id: OriginId
    origin_line_no: Annotated[int, Field(ge=0, le=1000)]
    quantity: Quantity
    remaining_before: Count
    reason: Annotated[StrictStr, Field(max_length=500)]


class ReturnConflictItem(ReturnConflict):
    """A conflict as the operator lists it: where and when it was raised."""

    store_id: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    at: Timestamp


class ReturnConflictList(BaseModel):
    model_config = WIRE

    conflicts: Annotated[list[ReturnConflictItem], Field(max_length=1000)]


__all__ = [
    "ClaimLine",
    "ClaimStatus",
    "ClaimedLine",
    "CreditNoteDebit",
    "CreditNoteRecord",
    "OriginLineRecord",
    "OriginSaleRecord",
    "OriginTenderRecord",
    "ReturnClaim",
    "ReturnClaimResult",
    "ReturnConflict",
    "ReturnConflictItem",
    "ReturnConflictList",
    "ReturnRefRecord",
]
