"""Returns, exchanges and refunds at the till, on the checkout's one ticket.

``ReturnDesk`` works beside a ``Checkout``: it finds the original sale
(``return_lookup``), puts returned lines on the checkout's basket at what was paid
(already-returned quantities and what this basket takes back counted), proposes where
the money goes (``pos.domain.refunds``) and completes the ticket. Every call is a plain
blocking call for the UI to run off the GUI thread.

No double refund: online, the return is claimed centrally (``ReturnCalls.claim_return``,
the claim's id is the ticket's sale id) *before* the ticket is committed and money goes
out; a refused claim commits nothing. When the central API cannot be reached, keeps no
returns (Medusa without Comptoir's plugin) or no central is linked, the offline rules
apply: only sales this till holds, and at most ``offline_return_limit_cents`` given
back; the push checks the rest. A basket holding a claimed return that is cancelled
releases the claim: the release is queued in the till's file first
(``pos.store.claim_releases``), tried at once, and what central did not answer is sent
again by the sync engine on its next rounds.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo

from pos.domain.basket import BasketLine, ReturnedPart
from pos.domain.errors import PosError
from pos.domain.product import Product
from pos.domain.quantity import line_gross
from pos.domain.refunds import CARD, CREDIT_NOTE, check_refund, propose_refund
from pos.domain.returns import (
    Channel,
    OriginSale,
    OriginTender,
    ReturnedAmounts,
    ReturnReason,
    ReturnRef,
    returned_amounts,
)
from pos.domain.rights import Actor, Approval, Right, RightRefused
from pos.domain.sale import CompletedSale, SaleTender
from pos.services.approvals import authorize
from pos.services.card_terminal import CardTerminal
from pos.services.checkout import Checkout
from pos.services.checkout_returns import SELF
from pos.services.return_articles import ReturnArticle, find_articles, no_receipt_price
from pos.services.return_calls import ReturnCalls
from pos.services.return_claim import Claim, check_offline, claim
from pos.services.return_lookup import find_origin, not_handed_over, parse_sale_code
from pos.store import claim_releases
from pos.store import returns as local_returns
from sync.contract.codes import new_credit_note_code
from sync.ports import CentralError

NO_RECEIPT = "no-receipt"


@dataclass(frozen=True, slots=True)
class ReturnRules:
    """The return settings (``TillSettings``), in cents and days."""

    cash_refund_limit_cents: int = 15000
    offline_return_limit_cents: int = 10000
    offline_credit_note_limit_cents: int = 5000
    return_window_days: int = 30

    @classmethod
    def of(cls, till: object) -> ReturnRules:
        """The rules from a ``TillSettings`` (any object with these four attributes)."""
        return cls(**{name: getattr(till, name) for name in cls.__dataclass_fields__})


class PastReturnWindow(RightRefused):
    """A sale older than the return window: a refusal a manager may lift (with
    ``RETURN_WITHOUT_RECEIPT``), so the till offers the approval, code ``return_window``."""

    code = "return_window"

    def __init__(self, actor: Actor, origin: OriginSale, days: int) -> None:
        PosError.__init__(
            self,
            f"{origin.label} is older than {days} days: a manager must approve this return.",
            right=Right.RETURN_WITHOUT_RECEIPT.value,
            approvable=True,
            label=origin.label,
            days=days,
        )
        self.actor = actor
        self.right = Right.RETURN_WITHOUT_RECEIPT


def _now() -> datetime:
    return datetime.now(UTC)


class ReturnDesk:
    """Returns on ``checkout``'s ticket; ``calls`` None: no central linked (offline rules).
    ``card_terminal``: the linked payment terminal, which a card refund goes through."""

    card_terminal: CardTerminal | None = None

    def __init__(
        self,
        checkout: Checkout,
        *,
        calls: ReturnCalls | None = None,
        rules: ReturnRules = ReturnRules(),
        store_id: str = "",
        tz: tzinfo = UTC,
        now: Callable[[], datetime] = _now,
        new_code: Callable[[], str] = new_credit_note_code,
    ) -> None:
        self.checkout = checkout
        self.calls = calls
        self.rules = rules
        self.store_id = store_id
        self._tz = tz
        self._now = now
        self._new_code = new_code
        self._origins: dict[str, OriginSale] = {}
        self._window_approvals: dict[str, str] = {}
        #: The last sale refused as past the window: what the manager's approval names.
        self.late_origin: OriginSale | None = None
        self._claimed: str | None = None
        self._code: tuple[str, str] | None = None  # (sale id, credit note code)

    # -- finding the sale ------------------------------------------------------------------

    def find(self, text: str, approval: Approval | None = None) -> OriginSale:
        """The sale ``text`` names, ready to return from; refused when it cannot be
        returned (``already_returned``, ``not_handed_over``, ``return_window``: older
        than the window, unless ``RETURN_WITHOUT_RECEIPT`` or ``approval``)."""
        code = parse_sale_code(text, self.checkout.terminal_id)
        origin = find_origin(self.checkout.store, self.calls, code, store_id=self.store_id)
        return self._accept(origin, approval)

    def find_by_day_and_amount(self, day: date, amount_cents: int) -> list[OriginSale]:
        """This till's sales of ``day`` whose total is ``amount_cents`` (to pick from)."""
        conn = self.checkout.store.conn
        return local_returns.find_by_day_and_amount(
            conn, day, amount_cents, tz=self._tz, store_id=self.store_id
        )

    def sold_at(self) -> dict[str, str]:
        """When each sale this ticket returns from was made (ISO UTC), by sale id."""
        return {sale_id: origin.completed_at for sale_id, origin in self._origins.items()}

    def choose(self, origin: OriginSale, approval: Approval | None = None) -> OriginSale:
        """Return from a sale picked in ``find_by_day_and_amount``'s list."""
        return self._accept(origin, approval)

    def _accept(self, origin: OriginSale, approval: Approval | None) -> OriginSale:
        if not origin.handed_over:
            raise not_handed_over()
        basket = self.checkout.basket
        if all(
            line.remaining - basket.returned_of(origin.sale_id, line.line_no) <= 0
            for line in origin.lines
        ):
            raise PosError(
                f"Everything on {origin.label} has already been returned.",
                code="already_returned",
            )
        sold_at = datetime.fromisoformat(origin.completed_at.replace("Z", "+00:00"))
        if self._now() - sold_at > timedelta(days=self.rules.return_window_days):
            actor = self.checkout.actor
            if not actor.may(Right.RETURN_WITHOUT_RECEIPT) and approval is None:
                self.late_origin = origin
                raise PastReturnWindow(actor, origin, self.rules.return_window_days)
            authorize(self.checkout.store, actor, Right.RETURN_WITHOUT_RECEIPT, approval)
            self._window_approvals[origin.sale_id] = (
                approval.approval_id if approval else SELF + actor.staff_id
            )
        self._origins[origin.sale_id] = origin
        return origin

    # -- returned lines --------------------------------------------------------------------

    def return_line(
        self,
        origin_sale_id: str,
        line_no: int,
        quantity: int,
        reason: ReturnReason,
        *,
        restock: bool = True,
    ) -> BasketLine:
        """Take back ``quantity`` of a line of a sale found by ``find``: at what was paid,
        up to what remains (counting what this basket already takes back)."""
        origin = self._origins.get(origin_sale_id)
        if origin is None:
            raise PosError("Find the sale first.", code="origin_not_found")
        line = origin.line(line_no)
        if line.customer_order_id is not None:
            raise PosError(
                "This item paid a customer order: it was never handed over here. Take it back "
                "at the store that handed it over (or the web service for a delivery).",
                code="customer_order_not_returnable",
                order_id=line.customer_order_id,
            )
        in_basket = self.checkout.basket.returned_of(origin_sale_id, line_no)
        now = replace(line, returned_quantity=line.returned_quantity + in_basket)
        amounts = returned_amounts(now, quantity)
        ref = ReturnRef(
            origin.sale_id, line_no, origin.label, origin.channel, ReturnReason(reason),
            restock, self._window_approvals.get(origin.sale_id),
        )  # fmt: skip
        product = Product(
            line.product_id, line.sku, line.name, line.unit_price_cents, line.vat_bp, line.sold_by
        )
        part = ReturnedPart(ref, amounts)
        return self.checkout.add_returned(product, quantity, part, barcode=line.barcode)

    def return_without_receipt(
        self,
        product_id: int,
        quantity: int,
        reason: ReturnReason,
        *,
        restock: bool = True,
        approval: Approval | None = None,
    ) -> BasketLine:
        """Take back an article with no receipt: ``RETURN_WITHOUT_RECEIPT`` (or a
        manager's approval), at its lowest price on this till these last 30 days (else
        the catalogue's), recorded with the approval."""
        checkout = self.checkout
        authorize(checkout.store, checkout.actor, Right.RETURN_WITHOUT_RECEIPT, approval)
        article = self.no_receipt_article(product_id)
        product, price = article.product, article.price_cents
        gross = line_gross(price, quantity, product.sold_by)
        approval_id = approval.approval_id if approval else SELF + checkout.actor.staff_id
        ref = ReturnRef(
            NO_RECEIPT, 0, "no receipt", Channel.STORE, ReturnReason(reason), restock, approval_id
        )
        part = ReturnedPart(ref, ReturnedAmounts(-gross, 0, 0, -gross))
        return checkout.add_returned(replace(product, price_cents=price), quantity, part)

    def no_receipt_articles(self, text: str) -> list[ReturnArticle]:
        """The articles a scanned code or a typed name names, each at the price a return
        without receipt gives back (``return_articles``)."""
        return find_articles(self.checkout, text, self._now())

    def no_receipt_article(self, product_id: int) -> ReturnArticle:
        product = self.checkout.store.catalog.get(product_id)
        if product is None:
            raise PosError("This product is no longer in the catalog.", code="unknown_product")
        return ReturnArticle(product, no_receipt_price(self.checkout, product, self._now()))

    # -- the refund ------------------------------------------------------------------------

    def origin_tenders(self) -> tuple[OriginTender, ...]:
        """The original payments of the sales this ticket takes back from."""
        used = {
            line.returned.ref.origin_sale_id
            for line in self.checkout.basket.active_lines()
            if line.returned is not None
        }
        return tuple(t for sale_id in used if sale_id in self._origins
                     for t in self._origins[sale_id].tenders)  # fmt: skip

    def propose_refund(self) -> tuple[SaleTender, ...]:
        """Where the money of this ticket (total < 0) should go: the original card,
        cash up to the limit (beyond only for who holds the right), then a credit note
        (its code already given)."""
        payment = self.checkout.payment
        total = payment.total_cents - payment.paid_cents
        taken = {(t.kind, t.reference): -t.amount_cents for t in payment.tenders}
        origins = []
        for origin in self.origin_tenders():  # less what this ticket already refunds
            given = min(taken.get((origin.kind, origin.reference), 0), origin.amount_cents)
            origins.append(replace(origin, refunded_cents=origin.refunded_cents + given))
            taken[(origin.kind, origin.reference)] = (
                taken.get((origin.kind, origin.reference), 0) - given
            )
        plan = propose_refund(
            total, origins, cash_limit_cents=self.rules.cash_refund_limit_cents,
            cash_above_limit=self.checkout.actor.may(Right.REFUND_CASH_ABOVE_LIMIT),
        )  # fmt: skip
        return tuple(
            replace(t, reference=self.credit_note_code()) if t.kind == CREDIT_NOTE else t
            for t in plan
        )

    def credit_note_code(self) -> str:
        """The code of the credit note this ticket issues (one per ticket)."""
        sale_id = self.checkout.sale_id
        if self._code is None or self._code[0] != sale_id:
            self._code = (sale_id, self._new_code())
        return self._code[1]

    def refund(self, tenders: tuple[SaleTender, ...], approval: Approval | None = None) -> None:
        """Give the money back with ``tenders`` (negative): a card only to an original
        card payment and within it, cash above the limit with ``REFUND_CASH_ABOVE_LIMIT``
        (or ``approval``), a credit note with this ticket's code. All or nothing."""
        payment = self.checkout.payment
        if not payment.refunding:
            raise PosError("This ticket gives no money back.", code="nothing_to_refund")
        taken = (*payment.tenders, *tenders)
        check = check_refund(
            taken, self.origin_tenders(), cash_limit_cents=self.rules.cash_refund_limit_cents
        )
        if check.cash_above_limit:
            self.checkout.approve_ticket(Right.REFUND_CASH_ABOVE_LIMIT, approval)
        code = self.credit_note_code()
        trial = replace(payment, tenders=list(payment.tenders))
        for tender in tenders:
            reference = code if tender.kind == CREDIT_NOTE else tender.reference
            trial.add(tender.kind, tender.amount_cents, reference)
        for tender in trial.tenders[len(payment.tenders) :]:
            card = self.card_terminal if tender.kind == CARD else None
            if card is not None:  # the money goes back on the terminal before it is recorded
                card.refund(-tender.amount_cents, tender.reference)
            self.checkout.add_tender(tender.kind, tender.amount_cents, tender.reference)
            if card is not None:
                card.recorded()

    # -- completing and abandoning ---------------------------------------------------------

    def settle(
        self, tenders: tuple[SaleTender, ...], approval: Approval | None = None
    ) -> CompletedSale:
        """Give the money back with ``tenders`` and complete, all or nothing: a refused
        completion (the offline limit, a claim refused centrally, cash above the limit)
        takes the refund tenders and approvals it added off again, so the ticket is left
        as the cashier had it, to change and try again."""
        checkout = self.checkout
        had = (len(checkout.payment.tenders), list(checkout.ticket_approvals))
        try:
            if not checkout.payment.is_covered:
                self.refund(tenders, approval)
            return self.complete(approval)
        except PosError:
            for index in reversed(range(had[0], len(checkout.payment.tenders))):
                checkout.remove_tender(index)
            checkout.ticket_approvals[:] = had[1]
            raise

    def complete(self, approval: Approval | None = None) -> CompletedSale:
        """Commit the ticket; with returned lines, claimed centrally first (online) or
        within the offline rules. ``approval``: for ``REFUND``."""
        checkout = self.checkout
        if checkout.basket.has_returns():
            checkout.approve_ticket(Right.REFUND, approval)
            if not checkout.payment.is_covered:
                raise PosError("The refund is not settled yet.", code="not_paid")
            claimed = claim(checkout, self.calls, self._origins)
            if claimed is not Claim.NONE:  # released if the ticket is cancelled after all
                self._claimed = checkout.sale_id
            if claimed is not Claim.CLAIMED:
                check_offline(checkout.basket, self._origins, self.rules.offline_return_limit_cents)
        completed = checkout.complete(approval)
        self._claimed = None
        self._origins.clear()
        self._window_approvals.clear()
        return completed

    def cancel(self, approval: Approval | None = None) -> None:
        """Abandon the ticket; a claimed return is released: queued first, so a release
        central cannot take now is sent again by the sync engine until it answers."""
        self.checkout.cancel(approval)
        claimed, self._claimed = self._claimed, None
        self._origins.clear()
        if claimed and self.calls is not None:
            conn = self.checkout.store.conn
            claim_releases.queue(conn, claimed)
            from sync.engine.claim_releases import release  # the engine: not on the start path

            with contextlib.suppress(CentralError):  # queued: the engine sends it again
                release(conn, self.calls, claimed)
