"""The till worker's loyalty requests (issue 15): spend the attached customer's points as
a payment, take them back (a removed tender, a cancelled sale), and the points each
receipt prints.

Mixed into ``TillWorker``: one ``LoyaltyTill`` per sale (made on first use, remade when
the sale changes), so its redemptions are those of the open sale and every central call
runs on the worker's thread, never the GUI's. The last few sales' ``LoyaltyTill`` and the
balance before them are kept for their receipts; a sale this worker did not see (a
reprint after a restart) prints the figures of the cached balance and the rule.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from hardware.receipt.loyalty_lines import LoyaltyLines
from pos.domain.loyalty import redemption_cents
from pos.domain.rights import Approval
from pos.domain.sale import CompletedSale
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.loyalty import (
    DEFAULT_OFFLINE_CAP_POINTS,
    LoyaltyTill,
    PointsTaken,
    cached_balance,
    cached_rule,
    loyalty_offered,
    points_to_cover,
)
from pos.ui.qt import Signal
from pos.ui.till_coupon_worker import CouponRequests

_KEPT_SALES = 8  # the last few sales' points, for their receipts


@dataclass(frozen=True, slots=True)
class LoyaltyOffer:
    """What the payment dialog offers: the customer's cached balance, what it is worth,
    and the points that cover what is due (``cap_points``: the offline limit)."""

    customer_id: str
    balance: int
    balance_cents: int
    points: int
    cents: int
    cap_points: int
    #: False where central keeps no points (Medusa): the key is off and says why.
    offered: bool = True


@dataclass(slots=True)
class _SalePoints:
    checkout: Checkout
    balance_before: int  # cached at the sale's last change, or central's answer
    confirmed: bool = False  # central answered this sale's redemption
    till: LoyaltyTill | None = None  # made on the first points spent (httpx loads then)


class LoyaltyRequests(CouponRequests):
    points_taken = Signal(object)  # PointsTaken: the tender, the balance left
    loyalty_offered = Signal(object)  # LoyaltyOffer | None: after each change of the sale

    checkout: Checkout
    _loyalty_cap: int = DEFAULT_OFFLINE_CAP_POINTS
    _points_of: OrderedDict[str, _SalePoints] | None = None

    @property
    def loyalty(self) -> LoyaltyTill:
        """The open sale's: its redemptions are reversed if the sale does not go through."""
        kept = self._sale_points(self.checkout.sale_id)
        if kept.till is None:
            kept.till = LoyaltyTill(self.checkout, calls=self._return_calls(),  # type: ignore[arg-type]
                                    offline_cap_points=self._loyalty_cap)  # fmt: skip
        return kept.till

    def _sale_points(self, sale_id: str) -> _SalePoints:
        kept = self._points_of
        if kept is None:
            kept = self._points_of = OrderedDict()
        found = kept.get(sale_id)
        if found is None or found.checkout is not self.checkout:
            customer = self.checkout.customer_id
            before = cached_balance(self.checkout, customer) if customer else 0
            found = kept[sale_id] = _SalePoints(self.checkout, before)
            while len(kept) > _KEPT_SALES:
                kept.popitem(last=False)
        return found

    def _do_set_loyalty_cap(self, cap_points: int) -> None:
        """New settings: the next sale's offline limit (the open one keeps its own)."""
        self._loyalty_cap = cap_points

    def _do_spend_points(self, points: int | None) -> None:
        """``points`` None: as many as cover what is due, within the cached balance."""
        till, kept = self.loyalty, self._sale_points(self.checkout.sale_id)
        taken: PointsTaken = till.take(points)
        if not taken.offline:  # central's balance after the debit, before this sale's
            kept.balance_before = taken.balance + till.redeemed_points
            kept.confirmed = True
        self.points_taken.emit(taken)
        self._changed()

    def _remove_tender(self, index: int) -> None:
        """A points tender's redemption is reversed (``LoyaltyTill.remove``)."""
        tenders = self.checkout.payment.tenders
        if 0 <= index < len(tenders) and tenders[index].kind == TenderKind.LOYALTY.value:
            self.loyalty.remove(index)
            return
        super()._remove_tender(index)

    def _cancel_sale(self, approval: Approval | None) -> None:
        """Every points tender is reversed, then the sale cancelled as before."""
        tenders = self.checkout.payment.tenders
        if any(t.kind == TenderKind.LOYALTY.value for t in tenders):
            self.loyalty.cancel(approval, cancel=super()._cancel_sale)
        else:
            super()._cancel_sale(approval)

    def _do_offer_points(self) -> None:
        self._offer_points()

    def _offer_points(self) -> None:
        """The attached customer's points for the payment dialog (a local read)."""
        checkout = self.checkout
        customer = checkout.customer_id
        if customer is None:
            self.loyalty_offered.emit(None)
            return
        if not loyalty_offered(checkout):
            self.loyalty_offered.emit(LoyaltyOffer(customer, 0, 0, 0, 0, 0, offered=False))
            return
        kept = self._sale_points(checkout.sale_id)
        rule, balance = (
            cached_rule(checkout),
            cached_balance(checkout, customer),
        )
        if not kept.confirmed:  # the receipt's "before": as cached at the last change
            kept.balance_before = balance
        spent = kept.till.redeemed_points if kept.till is not None else 0
        balance = max(balance - spent, 0)
        payment = checkout.payment
        due = payment.remaining_cents if payment.tenders else checkout.totals().total_cents
        points = points_to_cover(due, balance, rule)
        cents = redemption_cents(points, rule) if points > 0 else 0
        worth = redemption_cents(balance, rule) if balance > 0 else 0
        self.loyalty_offered.emit(
            LoyaltyOffer(customer, balance, worth, points, cents, self._loyalty_cap)
        )

    def loyalty_lines(self, sale: CompletedSale) -> LoyaltyLines | None:
        """What ``sale``'s ticket prints about points; None without a customer, or where
        central keeps no points."""
        customer = sale.draft.customer_id
        if customer is None or not loyalty_offered(self.checkout):
            return None  # no customer, or no points where central keeps none
        kept = (self._points_of or {}).get(sale.sale_id)
        if kept is None:  # not sold here since the start: the cache and the rule
            kept = _SalePoints(self.checkout, cached_balance(self.checkout, customer))
        till = kept.till or LoyaltyTill(self.checkout, calls=None)  # none spent: no calls
        return till.receipt_lines(sale.draft, kept.balance_before, kept.confirmed)
