"""The till worker's return requests: find the original sale, take lines back onto the
current ticket, propose and give the refund, complete.

Mixed into ``TillWorker``: one ``ReturnDesk`` on the worker's ``Checkout`` (made on the
first return, remade when the checkout changes), so every lookup and the refund run on
the worker's thread, never the GUI's. Without a central return link the desk applies
the offline rules (this till's sales, the offline limit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pos.domain.errors import PosError
from pos.domain.quantity import line_gross
from pos.domain.refunds import CASH
from pos.domain.returns import ReturnReason
from pos.domain.rights import Approval, Right
from pos.domain.sale import SaleTender
from pos.services.card_terminal import CardTerminal
from pos.services.checkout import Checkout
from pos.services.return_calls import ReturnCalls
from pos.services.return_lookup import is_printed_ticket
from pos.services.returns import ReturnDesk, ReturnRules
from pos.ui.qt import Signal
from pos.ui.till_staff_worker import ApprovalAsk, StaffRequests, approvable


class ReturnRequests(StaffRequests):
    origin_found = Signal(object)  # OriginSale, its remaining quantities counted
    origins_listed = Signal(object)  # list[OriginSale] of a day and amount
    articles_found = Signal(str, object)  # the text, list[ReturnArticle] (no receipt)
    refund_proposed = Signal(object)  # tuple[SaleTender, ...]: where the money should go
    return_completed = Signal(object)  # CompletedSale of the return or exchange
    receipt_scanned = Signal(str)  # a receipt's ticket code, scanned on an empty basket

    checkout: Checkout
    completed: Any
    _desk: ReturnDesk | None = None

    def _changed(self, last_line_id: int | None = None) -> None:  # TillWorker's
        raise NotImplementedError

    if TYPE_CHECKING:  # CouponRequests', after this mixin in TillWorker's order

        def _scan_or_coupon(self, code: str, scan_error: PosError) -> None: ...

    def _not_an_article(self, code: str, scan_error: PosError) -> None:
        """A scanned text no article has: a coupon's code; else, on an empty basket, a
        58 mm receipt's ticket code ("T01-123", which a SKU or a coupon may look like:
        they come first) opens its return; else the scan's refusal."""
        try:
            self._scan_or_coupon(code, scan_error)
        except PosError as left:
            if (
                left is not scan_error
                or not is_printed_ticket(code)
                or self.checkout.basket.active_lines()
            ):
                raise
            self.receipt_scanned.emit(code)

    def _return_rules(self) -> ReturnRules:
        return ReturnRules()

    def _return_calls(self) -> ReturnCalls | None:  # TillWorker's: None = offline rules
        return None

    def _central_store_id(self) -> str:
        return ""

    def _card_terminal(self) -> CardTerminal | None:  # CardRequests': None = no terminal
        return None

    @property
    def desk(self) -> ReturnDesk:
        checkout = self.checkout
        if self._desk is None or self._desk.checkout is not checkout:
            self._desk = ReturnDesk(
                checkout, calls=self._return_calls(), rules=self._return_rules(),
                store_id=self._central_store_id(),
            )  # fmt: skip
        self._desk.card_terminal = self._card_terminal()  # a card refund goes through it
        return self._desk

    def _cancel_ticket(self, approval: Approval | None) -> None:
        """Cancel the open ticket; through the desk when it took returns back, so a
        return claimed centrally is released (queued, then retried by the sync engine)."""
        desk = self._desk
        if desk is not None and desk.checkout is self.checkout:
            desk.cancel(approval)
        else:
            self.checkout.cancel(approval)

    @approvable("return_find")
    def _do_return_find(self, text: str, approval: Approval | None = None) -> None:
        """A sale past the return window asks for a manager (``approval_needed``); once
        approved the same find runs again with the approval and the ticket shows."""
        self.origin_found.emit(self.desk.find(text, approval))

    def _do_return_search(self, day: Any, amount_cents: int) -> None:
        self.origins_listed.emit(self.desk.find_by_day_and_amount(day, amount_cents))

    @approvable("return_choose")
    def _do_return_choose(self, origin: Any, approval: Approval | None = None) -> None:
        self.origin_found.emit(self.desk.choose(origin, approval))

    def _do_return_lines(self, sale_id: str, lines: list[tuple[int, int, str, bool]]) -> None:
        """``lines``: (line no, quantity, reason, restock) of one original sale."""
        last = None
        for line_no, quantity, reason, restock in lines:
            last = self.desk.return_line(
                sale_id, line_no, quantity, ReturnReason(reason), restock=restock
            ).line_id
        self._changed(last)

    def _do_return_articles(self, text: str) -> None:
        """The return without receipt's article: a scanned code or a typed name, each
        article with the price the return gives back."""
        self.articles_found.emit(text, self.desk.no_receipt_articles(text))

    def _no_receipt_facts(self, product_id: int, quantity: int) -> tuple[dict[str, Any], int]:
        article = self.desk.no_receipt_article(product_id)
        product = article.product
        facts = {"product": product.name, "quantity": quantity, "price_cents": article.price_cents}
        return facts, line_gross(article.price_cents, quantity, product.sold_by)

    @approvable("return_without_receipt")
    def _do_return_without_receipt(
        self, product_id: int, quantity: int, reason: str, restock: bool,
        approval: Approval | None = None,
    ) -> None:  # fmt: skip
        line = self.desk.return_without_receipt(
            product_id, quantity, ReturnReason(reason), restock=restock, approval=approval
        )
        self._changed(line.line_id)

    def _ask(self, act: str, args: tuple[Any, ...], right: Right) -> ApprovalAsk:
        """What the manager is asked to approve for a return act (the others: the
        staff and price workers')."""
        if act in ("return_find", "return_choose"):
            late = self.desk.late_origin
            facts: dict[str, Any] = {
                "ticket": late.label if late else "",
                "sold_at": late.completed_at if late else "",
                "days": self.desk.rules.return_window_days,
            }
            return ApprovalAsk(act, tuple(args), right, self.checkout.actor, facts, None)
        if act == "return_without_receipt":
            facts, amount = self._no_receipt_facts(*args[:2])
            return ApprovalAsk(act, tuple(args), right, self.checkout.actor, facts, amount)
        if act == "refund_and_complete":
            cash = -sum(t.amount_cents for t in args[0] if t.kind == CASH)
            facts = {"cash_cents": cash, "total_cents": self.checkout.totals().total_cents}
            return ApprovalAsk(act, tuple(args), right, self.checkout.actor, facts, cash or None)
        return super()._ask(act, args, right)

    def _do_propose_refund(self) -> None:
        self.refund_proposed.emit(self.desk.propose_refund())

    @approvable("refund_and_complete")
    def _do_refund_and_complete(
        self, tenders: tuple[SaleTender, ...], approval: Approval | None = None
    ) -> None:
        """Give the money back with ``tenders``, then commit the ticket; all or nothing
        (a refused completion leaves the ticket as it was)."""
        sale = self.desk.settle(tenders, approval)
        self.return_completed.emit(sale)
        self.completed.emit(sale)
        self._changed()
