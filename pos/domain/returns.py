"""Taking articles back: what a sale found for a return holds, and what a returned line is.

A return is a ticket like any other, in the same ticket chain and number sequence, whose
returned lines are *negative*: quantity and amounts below zero, each naming the line of
the original sale it takes back (``ReturnRef``). An exchange is one ticket with returned
lines and new ones; its total is the difference, collected or refunded.

What is given back is what was paid, never today's price: a line's paid total (after its
own discount and its share of the ticket discount) is split per unit by cumulative
floors, so returning a line in several goes gives back exactly what it cost to the cent,
whatever the order (``returned_amounts``). Weighed lines go back whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos.domain.errors import PosError
from pos.domain.product import SoldBy


class ReturnReason(StrEnum):
    CHANGED_MIND = "changed_mind"
    DEFECTIVE = "defective"
    WRONG_SIZE = "wrong_size"  # or colour, model: not the one wanted
    NOT_AS_DESCRIBED = "not_as_described"
    DAMAGED_IN_TRANSIT = "damaged_in_transit"  # a delivered web order
    MISSING_AT_PICKUP = "missing_at_pickup"  # a pickup order handed over short
    OTHER = "other"


class Channel(StrEnum):
    """Where the original sale was made."""

    STORE = "store"  # a till's ticket, this store or another
    WEB = "web"  # a web order: delivered, or prepaid and collected in store


@dataclass(frozen=True, slots=True)
class ReturnRef:
    """What a returned line takes back, and why. ``origin_label`` is what staff read and
    the receipt prints ("T01 n°123", a web order's number); ``approval_id`` is the
    manager's approval a return without receipt (or above the limits) was made under."""

    origin_sale_id: str  # a till sale's id, or the web order's id
    origin_line_no: int  # 0: a return without receipt (no original line)
    origin_label: str
    channel: Channel
    reason: ReturnReason
    restock: bool  # back to stock (a stock movement), or not (damaged, destroyed)
    approval_id: str | None = None


@dataclass(frozen=True, slots=True)
class OriginLine:
    """A line of the original sale as it was paid, with what is already returned of it
    on every terminal and channel (``returned_quantity``, as far as the source knows)."""

    line_no: int
    product_id: int
    sku: str
    name: str
    barcode: str | None
    sold_by: SoldBy
    quantity: int
    unit_price_cents: int
    vat_bp: int
    gross_cents: int
    line_discount_cents: int
    ticket_discount_cents: int
    total_cents: int
    returned_quantity: int = 0
    customer_order_id: str | None = None  # it paid a customer order: the goods were elsewhere

    @property
    def remaining(self) -> int:
        return max(self.quantity - self.returned_quantity, 0)


@dataclass(frozen=True, slots=True)
class OriginTender:
    """How the original sale was paid: a refund goes back there where it can."""

    kind: str
    amount_cents: int
    reference: str = ""
    refunded_cents: int = 0  # already refunded to this tender by earlier returns


@dataclass(frozen=True, slots=True)
class OriginSale:
    """A sale found for a return, from this till's store (``source`` "local") or from
    the central API ("central"): a till ticket of any store, or a web order."""

    sale_id: str
    channel: Channel
    label: str
    store_id: str
    terminal_id: str  # "" for a web order
    ticket_no: int  # 0 for a web order
    completed_at: str  # ISO 8601 UTC; a web order: when it was paid
    total_cents: int
    lines: tuple[OriginLine, ...]
    tenders: tuple[OriginTender, ...]
    source: str = "local"
    handed_over: bool = True  # a web order not yet delivered or collected cannot be returned

    def line(self, line_no: int) -> OriginLine:
        for line in self.lines:
            if line.line_no == line_no:
                return line
        raise PosError("The original ticket has no such line.", code="no_such_origin_line")

    @property
    def fully_returned(self) -> bool:
        return all(line.remaining == 0 for line in self.lines)


@dataclass(frozen=True, slots=True)
class ReturnedAmounts:
    """The negative amounts of a returned line (each <= 0; total = gross - both discounts)."""

    gross_cents: int
    line_discount_cents: int
    ticket_discount_cents: int
    total_cents: int


def _share(amount: int, done: int, quantity: int) -> int:
    """Of ``amount`` spread over ``quantity`` units, the part of the first ``done`` ones
    (a floor, so the last unit returned gets the remainder and the parts add up)."""
    return amount * done // quantity


def returned_amounts(origin: OriginLine, quantity: int) -> ReturnedAmounts:
    """The negative amounts for returning ``quantity`` more of ``origin``, after the
    ``returned_quantity`` already taken back: each component pro rata by cumulative floor."""
    check_return_quantity(origin, quantity)
    before, total = origin.returned_quantity, origin.quantity
    after = before + quantity

    def part(amount: int) -> int:
        return _share(amount, after, total) - _share(amount, before, total)

    gross = part(origin.gross_cents)
    line_discount = part(origin.line_discount_cents)
    ticket_discount = part(origin.ticket_discount_cents)
    return ReturnedAmounts(
        -gross, -line_discount, -ticket_discount, -(gross - line_discount - ticket_discount)
    )


def check_return_quantity(origin: OriginLine, quantity: int) -> int:
    """Refuse a quantity that cannot be taken back; a weighed line goes back whole."""
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        raise PosError("The quantity to return must be at least 1.", code="return_quantity")
    if origin.remaining == 0:
        raise PosError(
            "This line has already been returned in full.",
            code="already_returned",
            line_no=origin.line_no,
        )
    if quantity > origin.remaining:
        raise PosError(
            f"Only {origin.remaining} of this line can still be returned.",
            code="above_returnable",
            line_no=origin.line_no,
            remaining=origin.remaining,
        )
    if origin.sold_by is SoldBy.WEIGHT and quantity != origin.remaining:
        raise PosError(
            "A weighed article is returned whole.", code="weighed_whole", line_no=origin.line_no
        )
    return quantity
