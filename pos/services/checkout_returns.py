"""Returned lines on the checkout's ticket: one ticket holds returned and sold lines.

The return desk (``pos.services.returns``) finds the original sale and works out what a
returned line gives back; the checkout only puts that line in its basket and, at
``complete``, checks the ``REFUND`` right of a ticket with returned lines and records
the managers' approvals the return was made under (a return without receipt on its
line, the refund's on the ticket).
"""

from __future__ import annotations

from pos.domain.basket import Basket, BasketLine, ReturnedPart
from pos.domain.errors import PosError
from pos.domain.product import Product
from pos.domain.rights import Actor, Approval, Right
from pos.domain.sale import SaleApproval
from pos.services.approvals import authorize
from pos.services.checkout_pricing import sale_approvals
from pos.store.local_store import LocalStore

#: A return without receipt made by someone who holds the right names them as its
#: "approval" (``by:<staff_id>``): the record needs one, and no manager's was asked.
SELF = "by:"


class ReturnActs:
    """Mixed into ``Checkout``: returned lines and the refund's right and approvals."""

    store: LocalStore
    actor: Actor
    basket: Basket
    ticket_approvals: list[SaleApproval]

    def _mutate(self, change): ...  # provided by Checkout

    def add_returned(
        self, product: Product, quantity: int, part: ReturnedPart, *, barcode: str | None = None
    ) -> BasketLine:
        """Put ``quantity`` of an earlier sale's line back on this ticket, as paid."""
        self._refuse_returns_in_training()
        return self._mutate(
            lambda: self.basket.add_returned(product, quantity, part, barcode=barcode)
        )

    def approve_ticket(self, right: Right, approval: Approval | None) -> None:
        """Check ``right`` for this ticket (``approval`` standing in for it) and record
        the approval on the sale, once."""
        authorize(self.store, self.actor, right, approval)
        if approval is None or self.actor.may(right):
            return
        recorded = SaleApproval(approval.approval_id, right.value, 0)
        if recorded not in self.ticket_approvals:
            self.ticket_approvals.append(recorded)

    def _check_refund_right(self, approval: Approval | None) -> None:
        if self.basket.has_returns():
            self.approve_ticket(Right.REFUND, approval)

    def _approvals_of_sale(self) -> tuple[SaleApproval, ...]:
        """The basket's approvals (prices, discounts, returns without receipt) and the
        ticket's (the refund), as the sale records them."""
        found = set(sale_approvals(self.basket)) | set(self.ticket_approvals)
        for line_no, line in enumerate(self.basket.active_lines(), start=1):
            ref = line.returned.ref if line.returned else None
            if ref is not None and ref.approval_id and not ref.approval_id.startswith(SELF):
                right = Right.RETURN_WITHOUT_RECEIPT.value
                found.add(SaleApproval(ref.approval_id, right, line_no))
        return tuple(sorted(found, key=lambda a: (a.line_no, a.approval_id)))

    def _refuse_returns_in_training(self) -> None:
        if getattr(self, "training", False):
            raise PosError(
                "Returns are not practised in training mode.", code="training_no_returns"
            )
