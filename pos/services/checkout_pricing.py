"""The price acts of a sale: line and ticket discounts, a line's price override.

A mixin of ``Checkout`` (it uses its ``store``, ``actor``, ``basket`` and ``_mutate``),
kept apart so each file owns one thing. Every act checks its right here, in the service,
whatever called it; where a manager's approval stands in for the right, its id stays on
what it approved (the discount, the override) and the completed sale lists it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pos.domain import fiscal_events as fe
from pos.domain.basket import Basket, BasketLine
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.price_override import check_override
from pos.domain.rights import LINE_DISCOUNT_FREE_LIMIT_BP, Actor, Approval, Right
from pos.domain.sale import SaleApproval
from pos.services.approvals import authorize, within_amount

if TYPE_CHECKING:
    from collections.abc import Callable

    from pos.services.event_journal import EventJournal
    from pos.store.local_store import LocalStore


class PricingActs:
    """Discounts and price overrides on the open basket (see the module docstring)."""

    store: LocalStore
    actor: Actor
    basket: Basket
    journal: EventJournal
    sale_id: str
    _clock: Callable[[], str]

    def _mutate(self, change): ...  # provided by Checkout

    def set_line_discount(
        self, line_id: int, discount: Discount | None, approval: Approval | None = None
    ) -> BasketLine:
        """Up to ``LINE_DISCOUNT_FREE_LIMIT_BP`` of the line (after its promotions) anyone
        may give; more needs ``LINE_DISCOUNT_ABOVE_LIMIT`` or a manager's approval."""
        line = self._open_line(line_id)
        net = line.gross_cents - line.promotion_cents  # what the staff's discount is on
        if discount is not None and discount.share_bp(net) > LINE_DISCOUNT_FREE_LIMIT_BP:
            right = Right.LINE_DISCOUNT_ABOVE_LIMIT
            authorize(self.store, self.actor, right, approval)
            within_amount(self.actor, right, approval, discount.on(net))
            discount = self._approved(discount, right, approval)
        return self._mutate(lambda: self.basket.set_line_discount(line_id, discount))

    def set_ticket_discount(
        self, discount: Discount | None, approval: Approval | None = None
    ) -> None:
        """Any ticket discount needs ``TICKET_DISCOUNT`` (or an approval); removing one
        does not."""
        if discount is not None:
            authorize(self.store, self.actor, Right.TICKET_DISCOUNT, approval)
            net = sum(line.net_cents for line in self.basket.active_lines())
            within_amount(self.actor, Right.TICKET_DISCOUNT, approval, discount.on(net))
            discount = self._approved(discount, Right.TICKET_DISCOUNT, approval)
        self._mutate(lambda: self.basket.set_ticket_discount(discount))

    def override_price(
        self,
        line_id: int,
        unit_price_cents: int,
        reason: str,
        note: str = "",
        approval: Approval | None = None,
    ) -> BasketLine:
        """Sell a line at ``unit_price_cents`` (per unit, or per kg) for ``reason``; needs
        ``PRICE_OVERRIDE`` or a manager's approval covering the cut per unit. The
        catalogue price back is the undo, which needs no right."""
        line = self._open_line(line_id)
        catalog = line.override.catalog_price_cents if line.override else line.product.price_cents
        if unit_price_cents == catalog:
            line = self._mutate(lambda: self.basket.override_price(line_id, catalog, None))
            self._record_price(line, catalog, None)
            return line
        override = check_override(catalog, unit_price_cents, reason, note)
        authorize(self.store, self.actor, Right.PRICE_OVERRIDE, approval)
        within_amount(
            self.actor, Right.PRICE_OVERRIDE, approval, max(catalog - unit_price_cents, 0)
        )
        if approval is not None and not self.actor.may(Right.PRICE_OVERRIDE):
            override = replace(override, approval_id=approval.approval_id)
        line = self._mutate(lambda: self.basket.override_price(line_id, unit_price_cents, override))
        self._record_price(line, catalog, override)
        return line

    def _record_price(self, line: BasketLine, catalog: int, override) -> None:
        """The JET's ``price_overridden`` (the catalogue price restored: reason "")."""
        detail = {
            "sale_id": self.sale_id, "line_id": line.line_id, "product_id": line.product.id,
            "sku": line.product.sku, "catalog_price_cents": catalog,
            "unit_price_cents": line.product.price_cents,
            "reason": str(override.reason) if override else "",
            "note": override.note if override else "",
            "approval_id": override.approval_id if override else None,
        }  # fmt: skip
        self.journal.record(fe.PRICE_OVERRIDDEN, detail, actor=self.actor, at=self._clock())

    def _approved(self, discount: Discount, right: Right, approval: Approval | None) -> Discount:
        if approval is None or self.actor.may(right):
            return replace(discount, approval_id=None)
        return replace(discount, approval_id=approval.approval_id)

    def _open_line(self, line_id: int) -> BasketLine:
        for line in self.basket.lines:
            if line.line_id == line_id and not line.voided:
                return line
        raise PosError("There is no such line in the basket.", code="no_such_line")


def sale_approvals(basket: Basket) -> tuple[SaleApproval, ...]:
    """The approvals the basket's prices were set under, numbered as the sale's lines."""
    found: list[SaleApproval] = []
    for line_no, line in enumerate(basket.active_lines(), start=1):
        if line.override is not None and line.override.approval_id:
            found.append(
                SaleApproval(line.override.approval_id, Right.PRICE_OVERRIDE.value, line_no)
            )
        if line.discount is not None and line.discount.approval_id:
            right = Right.LINE_DISCOUNT_ABOVE_LIMIT.value
            found.append(SaleApproval(line.discount.approval_id, right, line_no))
    ticket = basket.ticket_discount
    if ticket is not None and ticket.approval_id:
        found.append(SaleApproval(ticket.approval_id, Right.TICKET_DISCOUNT.value, 0))
    return tuple(sorted(found, key=lambda a: (a.line_no, a.approval_id)))
