"""The open basket: lines, quantities, discounts, voids and its totals.

Each line keeps a snapshot of its product, so a price change synced mid-sale does not
alter what the customer was shown. Voided lines stay in the basket (struck through on
screen) but count for nothing. Totals are recomputed from the lines on every change;
they are small (a ticket is tens of lines), exact integers, and never cached stale.

A *returned* line (``BasketLine.returned``) takes back part of an earlier sale: negative
quantity, amounts fixed at what was paid (``pos.domain.returns.returned_amounts``). No
discount, override or share of this ticket's discount ever touches it, and the totals
and VAT table are signed: an exchange's total is the difference, below zero a refund.

With a ``pricing`` (``pos.domain.basket_pricing``) the basket is priced by the shared
promotion engine on every change: each line carries the promotions on it
(``BasketLine.promotions``, set by the basket, never by a caller), so a line's
``discount_cents`` and ``net_cents`` include them wherever they are read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pos.domain.basket_pricing import (
    BasketPricing,
    PricingMemo,
    manual_discount_cents,
    pricing_line,
    promotion_cents,
    tidy,
)
from pos.domain.basket_repricing import repriced
from pos.domain.basket_totals import BasketTotals, TotalsTally, basket_totals
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.money import check_amount
from pos.domain.price_override import PriceOverride
from pos.domain.product import Product, SoldBy
from pos.domain.promotions import PricingLine
from pos.domain.quantity import check_quantity, line_gross
from pos.domain.returns import ReturnedAmounts, ReturnRef
from pos.domain.sale import CustomerOrderRef, LinePromotion, SaleLine


@dataclass(frozen=True, slots=True)
class ReturnedPart:
    """What a returned line takes back, and the (negative) amounts it gives back."""

    ref: ReturnRef
    amounts: ReturnedAmounts


@dataclass(frozen=True, slots=True)
class BasketLine:
    """One line as the customer sees it. ``fixed_gross_cents`` comes from a price label.

    ``promotions``: what promotions take off the line, set by its ``Basket`` on every
    change (the engine's answer), or fixed by central for a line priced online
    (``fixed_promotions``: the engine then leaves it alone)."""

    line_id: int
    product: Product
    quantity: int
    barcode: str | None = None
    discount: Discount | None = None
    fixed_gross_cents: int | None = None
    voided: bool = False
    override: PriceOverride | None = None  # the product snapshot carries the new price
    returned: ReturnedPart | None = None  # a line taken back: quantity < 0
    promotions: tuple[LinePromotion, ...] = ()
    fixed_promotions: bool = False
    #: a customer order paid here (priced by central, fixed: its quantity and price
    #: cannot change, only the whole line be voided)
    customer_order: CustomerOrderRef | None = None
    #: (gross, promotions, net) of a sold line, worked out once (the line is immutable)
    _amounts: tuple[int, int, int] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    #: how the engine sees it (``pricing_line``), kept by ``with_promotions``
    _pricing: PricingLine | None = field(default=None, init=False, repr=False, compare=False)

    def with_promotions(self, promotions: tuple[LinePromotion, ...]) -> BasketLine:
        """This line with other promotions (``replace`` costs twice as much), still
        seen the same by the engine: the same ``PricingLine`` object."""
        line = BasketLine(
            self.line_id, self.product, self.quantity, self.barcode, self.discount,
            self.fixed_gross_cents, self.voided, self.override, self.returned, promotions,
            self.fixed_promotions, self.customer_order,
        )  # fmt: skip
        object.__setattr__(line, "_pricing", self._pricing)
        return line

    def repriced_from(self, other: BasketLine) -> bool:
        """Whether this line is ``other`` with only its promotions changed (made by
        ``with_promotions``, the one way two lines share their engine's view): a check
        of one attribute where comparing the lines reads ten."""
        return self._pricing is other._pricing and self._pricing is not None

    def pricing_line(self) -> PricingLine:
        """How the engine sees this sold line, built once (``basket_pricing``): the
        same object on every scan, so the engine's memo finds it at once."""
        found = self._pricing
        if found is None:
            found = pricing_line(self)
            object.__setattr__(self, "_pricing", found)
        return found

    @property
    def gross_cents(self) -> int:
        if self.returned is not None:
            return self.returned.amounts.gross_cents
        if self.fixed_gross_cents is not None:
            return self.fixed_gross_cents
        return line_gross(self.product.price_cents, self.quantity, self.product.sold_by)

    @property
    def promotion_cents(self) -> int:
        return promotion_cents(self.promotions)

    def sold_amounts(self) -> tuple[int, int, int]:
        """(gross, promotions, net) of a sold line (not a returned one), computed on
        the first call only: the totals read them on every change of the basket."""
        found = self._amounts
        if found is None:
            gross = self.gross_cents
            off = promotion_cents(self.promotions) if self.promotions else 0
            net = gross - off
            if self.discount is not None:
                net -= manual_discount_cents(self.discount, net, off > 0)
            found = (gross, off, net)
            object.__setattr__(self, "_amounts", found)
        return found

    @property
    def discount_cents(self) -> int:
        """Promotions plus the staff's discount on what they leave (the line's whole
        discount, as committed in ``SaleLine.line_discount_cents``)."""
        if self.returned is not None:
            return self.returned.amounts.line_discount_cents
        promoted = self.promotion_cents
        if self.discount is None:
            return promoted
        net = self.gross_cents - promoted
        return promoted + manual_discount_cents(self.discount, net, promoted > 0)

    @property
    def net_cents(self) -> int:
        """After promotions and the line discount, before the ticket discount."""
        return self.gross_cents - self.discount_cents


@dataclass(slots=True)
class Basket:
    """Mutable basket of one sale. Every change is checked before it is applied.

    ``lines`` is a tuple replaced on every change, so the totals computed for one state
    are reused until the lines, the ticket discount or the pricing are replaced (a scan
    computes them once; the screen reading them again costs nothing).
    """

    lines: tuple[BasketLine, ...] = ()
    ticket_discount: Discount | None = None
    _next_id: int = 1
    _cache: tuple[object, object, object, BasketTotals] | None = field(default=None, repr=False)
    pricing: BasketPricing | None = None
    _memo: PricingMemo = field(default_factory=PricingMemo, repr=False, compare=False)
    _tally: TotalsTally = field(default_factory=TotalsTally, repr=False, compare=False)

    def active_lines(self) -> list[BasketLine]:
        return [line for line in self.lines if not line.voided]

    def add(
        self,
        product: Product,
        quantity: object = 1,
        *,
        barcode: str | None = None,
        fixed_gross_cents: object = None,
    ) -> BasketLine:
        """Add a product; a repeat scan of the last plain unit line adds to its quantity.
        ``quantity`` and ``fixed_gross_cents`` are as typed or read: checked here."""
        count = check_quantity(quantity, product.sold_by)
        if fixed_gross_cents is not None:
            fixed_gross_cents = check_amount(fixed_gross_cents, what="labelled price")
        last = self.lines[-1] if self.lines else None
        if (
            last is not None
            and fixed_gross_cents is None
            and last.fixed_gross_cents is None
            and not last.voided
            and last.discount is None
            and last.override is None
            and last.returned is None
            and not last.fixed_promotions
            and product.sold_by is SoldBy.UNIT
            and last.product == product
            and last.barcode == barcode
        ):
            return self.set_quantity(last.line_id, last.quantity + count)
        line = BasketLine(self._next_id, product, count, barcode, None, fixed_gross_cents)
        return self._append(line)

    def add_priced(
        self,
        product: Product,
        quantity: object,
        promotions: tuple[LinePromotion, ...],
        customer_order: CustomerOrderRef | None = None,
    ) -> BasketLine:
        """A line priced by central (an online cart's, a customer order's): ``product`` at
        its list price, with central's ``promotions`` fixed on it; the till's engine never
        reprices it."""
        count = check_quantity(quantity, product.sold_by)
        line = BasketLine(
            self._next_id, product, count, promotions=promotions, fixed_promotions=True,
            customer_order=customer_order,
        )  # fmt: skip
        if any(p.discount_cents <= 0 for p in promotions) or line.promotion_cents > (
            line.gross_cents
        ):
            raise PosError(
                "The promotions on this item are more than its price.", code="promotion_invalid"
            )
        return self._append(line)

    def _append(self, line: BasketLine) -> BasketLine:
        self._commit_change((*self.lines, line))
        self._next_id += 1
        return self.lines[-1]

    def add_returned(
        self, product: Product, quantity: object, part: ReturnedPart, *, barcode: str | None = None
    ) -> BasketLine:
        """Take back ``quantity`` (> 0) of an earlier sale's line: ``product`` is the
        snapshot as sold, ``part`` the reference and amounts (from ``returned_amounts``)."""
        count = check_quantity(quantity, product.sold_by)
        line = BasketLine(self._next_id, product, -count, barcode, returned=part)
        return self._append(line)

    def returned_of(self, origin_sale_id: str, origin_line_no: int) -> int:
        """How much of that original line this basket already takes back (>= 0)."""
        return -sum(
            line.quantity
            for line in self.active_lines()
            if line.returned is not None
            and line.returned.ref.origin_sale_id == origin_sale_id
            and line.returned.ref.origin_line_no == origin_line_no
        )

    def has_returns(self) -> bool:
        return any(line.returned is not None for line in self.active_lines())

    def set_quantity(self, line_id: int, quantity: object) -> BasketLine:
        line = self._unfixed_line(line_id)
        count = check_quantity(quantity, line.product.sold_by)
        if line.fixed_gross_cents is not None:
            raise PosError(
                "This item's price comes from its label: scan each one instead.",
                code="quantity_fixed_by_label",
            )
        return self._replace(line, replace(line, quantity=count))

    def set_line_discount(self, line_id: int, discount: Discount | None) -> BasketLine:
        line = self._unordered_line(line_id)
        if discount is not None:  # refuse more than what promotions leave of the line
            discount.on(line.gross_cents - line.promotion_cents)
        return self._replace(line, replace(line, discount=discount))

    def override_price(
        self, line_id: int, unit_price_cents: int, override: PriceOverride | None
    ) -> BasketLine:
        """Sell the line at ``unit_price_cents`` (per unit or per kg); ``None`` restores
        the catalogue price. A label-priced line keeps its label's price."""
        line = self._unfixed_line(line_id)
        if line.fixed_gross_cents is not None:
            raise PosError(
                "This item's price comes from its label: it cannot be changed here.",
                code="price_fixed_by_label",
            )
        product = replace(line.product, price_cents=unit_price_cents)
        return self._replace(line, replace(line, product=product, override=override))

    def set_pricing(self, pricing: BasketPricing | None) -> None:
        """Price the basket with ``pricing`` from now on (``None``: no promotions)."""
        previous = self.pricing
        self.pricing = pricing
        try:
            self._commit_change(self.lines)
        except PosError:
            self.pricing = previous
            raise

    def line_promotions(self, line_id: int) -> tuple[LinePromotion, ...]:
        """The promotions shown on a line (none on a voided or unknown line)."""
        for line in self.lines:
            if line.line_id == line_id:
                return () if line.voided else line.promotions
        return ()

    def set_ticket_discount(self, discount: Discount | None) -> None:
        """Set or clear the discount on the whole ticket; refuse more than the ticket."""
        if discount is not None:
            discount.on(sum(line.net_cents for line in self.active_lines() if not line.returned))
        self.ticket_discount = discount

    def void(self, line_id: int) -> BasketLine:
        line = self._line(line_id)
        return self._replace(line, replace(line, voided=True))

    def is_empty(self) -> bool:
        return not self.active_lines()

    def totals(self) -> BasketTotals:
        cache = self._cache
        if (
            cache is not None
            and cache[0] is self.lines
            and cache[1] is self.ticket_discount
            and cache[2] is self.pricing
        ):
            return cache[3]
        totals = basket_totals(self.active_lines(), self.ticket_discount, self._tally)
        self._cache = (self.lines, self.ticket_discount, self.pricing, totals)
        return totals

    def tidy(self) -> bool:
        """Between two scans, the pricing memos trimmed (``basket_pricing.tidy``)."""
        return tidy(self.lines, self.pricing, self._memo)

    def sale_lines(self) -> tuple[SaleLine, ...]:
        """The active lines as they will be committed, numbered from 1."""
        totals = self.totals()
        result = []
        for number, (line, share) in enumerate(
            zip(self.active_lines(), totals.ticket_shares, strict=True), start=1
        ):
            product = line.product
            result.append(
                SaleLine(
                    line_no=number,
                    product_id=product.id,
                    sku=product.sku,
                    name=product.name,
                    barcode=line.barcode,
                    sold_by=product.sold_by,
                    quantity=line.quantity,
                    unit_price_cents=product.price_cents,
                    vat_bp=product.vat_bp,
                    gross_cents=line.gross_cents,
                    line_discount_cents=line.discount_cents,
                    ticket_discount_cents=share,
                    total_cents=line.net_cents - share,
                    price_override=line.override,
                    returned=line.returned.ref if line.returned else None,
                    promotions=() if line.returned else line.promotions,
                    customer_order=line.customer_order,
                )
            )
        return tuple(result)

    def _line(self, line_id: int) -> BasketLine:
        for line in self.lines:
            if line.line_id == line_id:
                if line.voided:
                    raise PosError("This line is voided.", code="line_voided")
                return line
        raise PosError("There is no such line in the basket.", code="no_such_line")

    def _sold_line(self, line_id: int) -> BasketLine:
        line = self._line(line_id)
        if line.returned is not None:
            raise PosError(
                "A returned line is taken back at what was paid: void it and return it again.",
                code="returned_line_fixed",
            )
        return line

    def _unordered_line(self, line_id: int) -> BasketLine:
        """A sold line that is not a customer order's (its price is the order's)."""
        line = self._sold_line(line_id)
        if line.customer_order is not None:
            raise PosError(
                "This line pays a customer order at the price ordered: void it to take the "
                "order out of the sale.",
                code="customer_order_fixed",
            )
        return line

    def _unfixed_line(self, line_id: int) -> BasketLine:
        """A sold line whose quantity and price may change: not one whose promotions
        central worked out for that quantity and price."""
        line = self._unordered_line(line_id)
        if line.fixed_promotions and line.promotions:
            raise PosError(
                "This item's promotions were worked out online for this quantity and price: "
                "void the line to change it.",
                code="priced_online",
            )
        return line

    def _replace(self, old: BasketLine, new: BasketLine) -> BasketLine:
        self._commit_change(tuple(new if line is old else line for line in self.lines))
        return next(line for line in self.lines if line.line_id == new.line_id)

    def _commit_change(self, lines: tuple[BasketLine, ...]) -> None:
        """Apply ``lines`` only if the resulting basket still prices (nothing half-done).
        The promotions are worked out again: a line whose promotions change is replaced."""
        previous = self.lines
        self.lines = repriced(lines, self.pricing, self._memo)
        try:
            self.totals()
        except PosError:
            self.lines = previous
            raise
