"""The promotion acts of a sale: the book it is priced with, its customer, its coupons.

A mixin of ``Checkout`` (it uses its ``store``, ``actor``, ``basket``, ``journal``,
``sale_id``, ``started_at`` and ``_mutate``). The promotions come from the till's
``promotions`` table through one ``BookCache`` per checkout, taken when the sale starts
(its first line, or its customer): a promotion synced mid-sale does not change this sale,
the next sale takes it. The pricing context is the sale's start, this till's central
store id ("" for a till never enrolled: a promotion scoped to stores then does not
apply), the ``store`` channel, the customer attached and the coupon tokens given. Each
act reprices the basket at once and is journaled (JET ``customer_attached``,
``coupon_changed``); like every change of the basket, it is refused once payments are
taken.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from pos.domain import fiscal_events as fe
from pos.domain.basket import Basket, BasketTotals
from pos.domain.basket_pricing import BasketPricing
from pos.domain.errors import PosError
from pos.domain.promotions import PricingContext, normalise_code
from pos.services.central_link import read_link
from pos.store.customer_status import customer_active
from pos.store.promotion_book import BookCache

if TYPE_CHECKING:
    from pos.domain.rights import Actor
    from pos.services.event_journal import EventJournal
    from pos.store.local_store import LocalStore

CHANNEL = "store"
T = TypeVar("T")


class PromotionActs:
    """Pricing the open sale with the promotion engine (see the module docstring)."""

    store: LocalStore
    actor: Actor
    basket: Basket
    journal: EventJournal
    sale_id: str
    started_at: str
    _clock: Callable[[], str]
    _books: BookCache | None = None

    def _mutate(self, change): ...  # provided by Checkout

    @property
    def customer_id(self) -> str | None:
        """The customer attached to the open sale, or None."""
        pricing = self.basket.pricing
        return pricing.context.customer_id if pricing is not None else None

    @property
    def coupon_tokens(self) -> frozenset[str]:
        """The coupon tokens given for the open sale, normalised."""
        pricing = self.basket.pricing
        return pricing.context.coupons if pricing is not None else frozenset()

    def attach_customer(self, customer_id: str | None) -> BasketTotals:
        """Attach a customer known to this till (``None`` detaches); refused for an
        unknown customer (``customer_unknown``) or an erased one (``customer_erased``)."""
        if customer_id is not None:
            found = customer_active(self.store.conn, customer_id)
            if found is None:
                raise PosError(
                    "This customer is not known at this till: search again or sync first.",
                    code="customer_unknown",
                )
            if not found:
                raise PosError(
                    "This customer's account was closed: it cannot be attached to a sale.",
                    code="customer_erased",
                )
        if customer_id == self.customer_id:
            return self.basket.totals()
        self._reprice(customer_id=customer_id)
        detail = {"sale_id": self.sale_id, "customer_id": customer_id}
        self.journal.record(fe.CUSTOMER_ATTACHED, detail, actor=self.actor, at=self._clock())
        return self.basket.totals()

    def add_coupon_token(self, token: str) -> BasketTotals:
        """Give a coupon for this sale: a shared code as typed (compared normalised) or a
        reserved single-use coupon's ``granted_coupon(id)``."""
        normal = normalise_code(token)
        if not normal:
            raise PosError("Type or scan a coupon code.", code="coupon_invalid")
        if normal not in self.coupon_tokens:
            self._reprice(coupons=self.coupon_tokens | {normal})
            self._record_coupon(normal, True)
        return self.basket.totals()

    def remove_coupon_token(self, token: str) -> BasketTotals:
        normal = normalise_code(token)
        if normal in self.coupon_tokens:
            self._reprice(coupons=self.coupon_tokens - {normal})
            self._record_coupon(normal, False)
        return self.basket.totals()

    def _record_coupon(self, token: str, added: bool) -> None:
        detail = {"sale_id": self.sale_id, "token": token, "added": added}
        self.journal.record(fe.COUPON_CHANGED, detail, actor=self.actor, at=self._clock())

    def _reprice(self, **changes: object) -> None:
        def change() -> None:
            pricing = self.basket.pricing
            assert pricing is not None  # taken by _mutate before any change
            self.basket.set_pricing(pricing.with_context(**changes))

        self._mutate(change)

    def _priced_change(self, change: Callable[[], T]) -> T:
        """Run a change of the basket; the first one starts the sale (``started_at``) and
        prices it with the promotions of that moment, undone if the change is refused."""
        starting = not self.started_at
        if starting:
            self.started_at = self._clock()
            self._price_sale()
        try:
            return change()
        except BaseException:
            if starting:
                self.started_at = ""
                self.basket.set_pricing(None)
            raise

    def _price_sale(
        self, customer_id: str | None = None, coupons: frozenset[str] = frozenset()
    ) -> None:
        """The sale starts (or is resumed): price it with the current book, at its start."""
        self.basket.set_pricing(self._pricing_for(self.started_at, customer_id, coupons))

    def _pricing_for(
        self, started_at: str, customer_id: str | None, coupons: frozenset[str]
    ) -> BasketPricing:
        if self._books is None:
            self._books = BookCache()
        book = self._books.get(self.store.conn).book
        link = read_link(self.store)
        context = PricingContext(
            now=_instant(started_at),
            store_id=link.store_id if link is not None else "",
            channel=CHANNEL,
            customer_id=customer_id,
            coupons=coupons,
        )
        return BasketPricing(book, context)


def _instant(stamp: str) -> datetime:
    """The sale's start as an instant (the house timestamps are UTC, "Z")."""
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
