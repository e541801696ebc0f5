"""Handing an order over when the customer cannot show its code: a manager approves.

The desk refuses a hand-over without the code to staff lacking ``HANDOVER_WITHOUT_CODE``
(``PickupDesk``); the handover view then offers "Hand over without the code…". That asks
a manager through the staff gate's approval dialog (their PIN, on this till, the person
at the desk staying signed in) and sends the same hand-over again with the approval,
which the desk checks was recorded here and names in the move's history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos.domain.rights import Right
from pos.ui.qt import QObject
from pos.ui.screens.till_day.approval import RequestApproval

if TYPE_CHECKING:
    from pos.ui.screens.pickup_screen import PickupScreen


class HandoverWithoutCode(QObject):
    def __init__(self, screen: PickupScreen, approver: RequestApproval | None) -> None:
        super().__init__(screen)
        self.screen = screen
        self.approver = approver  # None: no staff gate (a desk on its own), nobody approves
        self.paying: dict[str, str] = {}  # order id: the till's sale that took its payment
        screen.handover.without_code_requested.connect(self.ask)

    def paid_in_store(self, order_id: str, sale_id: str) -> None:
        """The till's sale for the order: if the hand-over needs an approval, it goes
        with this sale."""
        self.paying[order_id] = sale_id

    def refused(self, code: str, params: dict | None) -> None:
        if code == "right_refused" and (params or {}).get("right") == (
            Right.HANDOVER_WITHOUT_CODE.value
        ):
            self.screen.handover.offer_without_code()

    def ask(self, order_id: str) -> None:
        order = self.screen.handover.order
        if order is None or order.id != order_id:
            return
        what = (
            self.tr("Hand over order %1 (%2) without its code")
            .replace("%1", order.pickup_code)
            .replace("%2", order.customer_name)
        )
        due = order.picked_total_cents if order.picked_total_cents is not None else None
        approval = (
            self.approver(Right.HANDOVER_WITHOUT_CODE, what, due or order.total_cents)
            if self.approver is not None
            else None
        )
        if approval is None:
            self.screen.show_refusal(
                "handover_not_approved",
                "Not approved: ask the customer for their order's code.",
            )
            return
        sale_id = self.paying.get(order_id)
        if sale_id is not None:
            self.screen.controller.request("paid_in_store", order_id, sale_id, approval)
        else:
            self.screen.controller.request("hand_over", order_id, approval)
