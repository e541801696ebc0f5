"""The till worker's return requests: find the original sale, take lines back onto the
current ticket, propose and give the refund, complete.

Mixed into ``TillWorker``: one ``ReturnDesk`` on the worker's ``Checkout`` (made on the
first return, remade when the checkout changes), so every lookup and the refund run on
the worker's thread, never the GUI's. Without a central return link the desk applies
the offline rules (this till's sales, the offline limit).
"""

from __future__ import annotations

from typing import Any

from pos.domain.returns import ReturnReason
from pos.domain.rights import Approval
from pos.domain.sale import SaleTender
from pos.services.checkout import Checkout
from pos.services.return_calls import ReturnCalls
from pos.services.returns import ReturnDesk, ReturnRules
from pos.ui.qt import Signal
from pos.ui.till_staff_worker import StaffRequests, approvable


class ReturnRequests(StaffRequests):
    origin_found = Signal(object)  # OriginSale, its remaining quantities counted
    origins_listed = Signal(object)  # list[OriginSale] of a day and amount
    refund_proposed = Signal(object)  # tuple[SaleTender, ...]: where the money should go
    return_completed = Signal(object)  # CompletedSale of the return or exchange

    checkout: Checkout
    completed: Any
    _desk: ReturnDesk | None = None

    def _changed(self, last_line_id: int | None = None) -> None:  # TillWorker's
        raise NotImplementedError

    def _return_rules(self) -> ReturnRules:
        return ReturnRules()

    def _return_calls(self) -> ReturnCalls | None:  # TillWorker's: None = offline rules
        return None

    def _central_store_id(self) -> str:
        return ""

    @property
    def desk(self) -> ReturnDesk:
        checkout = self.checkout
        if self._desk is None or self._desk.checkout is not checkout:
            self._desk = ReturnDesk(
                checkout, calls=self._return_calls(), rules=self._return_rules(),
                store_id=self._central_store_id(),
            )  # fmt: skip
        return self._desk

    def _do_return_find(self, text: str) -> None:
        self.origin_found.emit(self.desk.find(text))

    def _do_return_search(self, day: Any, amount_cents: int) -> None:
        self.origins_listed.emit(self.desk.find_by_day_and_amount(day, amount_cents))

    def _do_return_choose(self, origin: Any) -> None:
        self.origin_found.emit(self.desk.choose(origin))

    def _do_return_lines(self, sale_id: str, lines: list[tuple[int, int, str, bool]]) -> None:
        """``lines``: (line no, quantity, reason, restock) of one original sale."""
        last = None
        for line_no, quantity, reason, restock in lines:
            last = self.desk.return_line(
                sale_id, line_no, quantity, ReturnReason(reason), restock=restock
            ).line_id
        self._changed(last)

    @approvable("return_without_receipt")
    def _do_return_without_receipt(
        self, product_id: int, quantity: int, reason: str, restock: bool,
        approval: Approval | None = None,
    ) -> None:  # fmt: skip
        line = self.desk.return_without_receipt(
            product_id, quantity, ReturnReason(reason), restock=restock, approval=approval
        )
        self._changed(line.line_id)

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
