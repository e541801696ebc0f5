"""The till worker's price requests: discounts on a line or the ticket, a price override,
and the meal-voucher cap from the settings.

Mixed into ``TillWorker`` (after ``StaffRequests``' acts): each act is ``@approvable``,
so a cashier's refusal becomes ``approval_needed`` and, once a manager types their PIN,
the same act runs again with the approval. ``_ask`` words these acts for the dialog,
with the money at stake, and leaves the others to ``StaffRequests``.
"""

from __future__ import annotations

from typing import Any

from pos.domain.discount import Discount
from pos.domain.rights import Approval, Right
from pos.ui.till_staff_worker import ApprovalAsk, StaffRequests, approvable


class PriceRequests(StaffRequests):
    @approvable("ticket_discount")
    def _do_ticket_discount(
        self, percent_bp: int, amount_cents: int, approval: Approval | None = None
    ) -> None:
        """0 and 0 remove the ticket discount."""
        discount = _discount(percent_bp, amount_cents)
        self.checkout.set_ticket_discount(discount, approval)
        self._changed()

    def _do_clear_line_discount(self, line_id: int) -> None:
        self._changed(self.checkout.set_line_discount(line_id, None).line_id)

    @approvable("price_override")
    def _do_price_override(
        self,
        line_id: int,
        unit_price_cents: int,
        reason: str,
        note: str,
        approval: Approval | None = None,
    ) -> None:
        line = self.checkout.override_price(line_id, unit_price_cents, reason, note, approval)
        self._changed(line.line_id)

    def _do_set_meal_voucher_cap(self, cap_cents: int) -> None:
        self.checkout.meal_voucher_cap_cents = cap_cents

    def _ask(self, act: str, args: tuple[Any, ...], right: Right) -> ApprovalAsk:
        if act not in ("ticket_discount", "price_override"):
            return super()._ask(act, args, right)
        checkout = self.checkout
        facts: dict[str, Any] = {"total_cents": checkout.totals().total_cents}
        if act == "ticket_discount":
            net = sum(line.net_cents for line in checkout.basket.active_lines())
            facts["percent_bp"], facts["amount_cents"] = args[0], args[1]
            amount = _discount(args[0], args[1]).on(net)  # type: ignore[union-attr]
        else:
            line = next(ln for ln in checkout.basket.active_lines() if ln.line_id == args[0])
            catalog = (
                line.override.catalog_price_cents if line.override else line.product.price_cents
            )
            facts.update(product=line.product.name, catalog_cents=catalog, price_cents=args[1])
            facts["reason"] = args[2]
            amount = max(catalog - args[1], 0)
        return ApprovalAsk(act, tuple(args), right, checkout.actor, facts, amount)


def _discount(percent_bp: int, amount_cents: int) -> Discount | None:
    if percent_bp:
        return Discount.percent(percent_bp)
    return Discount.amount(amount_cents) if amount_cents else None
