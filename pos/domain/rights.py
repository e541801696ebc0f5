"""Who may do what at a till: roles, rights and the one permission table.

The table is the single source of truth; services call ``require`` before acting, so a
script or a test driving a service directly is refused exactly as the till screen is.
Where a right is missing, a manager may approve the act on the spot (``approvable``):
the service then receives the approver as well and records both.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos.domain.errors import PosError


class Role(StrEnum):
    CASHIER = "cashier"
    PICKUP = "pickup"
    MANAGER = "manager"
    ADMIN = "admin"


class Right(StrEnum):
    SELL = "sell"  # scan, sell, take payment
    PICKUP_DESK = "pickup_desk"  # prepare and hand over click-and-collect orders
    LINE_DISCOUNT_ABOVE_LIMIT = "line_discount_above_limit"
    TICKET_DISCOUNT = "ticket_discount"
    PRICE_OVERRIDE = "price_override"
    VOID_AFTER_PAYMENT = "void_after_payment"  # remove a line once payment has started
    CANCEL_SALE = "cancel_sale"
    DRAWER_WITHOUT_SALE = "drawer_without_sale"
    REFUND = "refund"  # take an article back (a return, an exchange) and refund it
    RETURN_WITHOUT_RECEIPT = "return_without_receipt"  # or a sale older than the window
    REFUND_CASH_ABOVE_LIMIT = "refund_cash_above_limit"
    CASH_IN_OUT = "cash_in_out"
    OPEN_TILL = "open_till"
    CLOSE_TILL = "close_till"
    # Close a till whose count differs from what is expected by more than the limit: a
    # cashier closes their own till (CLOSE_TILL) but cannot accept their own gap alone.
    CLOSE_WITH_DIFFERENCE = "close_with_difference"
    HANDOVER_WITHOUT_CODE = "handover_without_code"
    # Close a month (and its fiscal year) before the till does it by itself at the first
    # act of the next month: a manager's act, answered for by the one who makes it.
    CLOSE_PERIOD = "close_period"
    SETTINGS = "settings"
    STAFF_ADMIN = "staff_admin"
    APPROVE = "approve"  # approve another person's act with one's own PIN
    TRAINING = "training"  # switch the till into training mode (new staff) and out of it
    ARCHIVE = "archive"  # write the signed archive of a period's fiscal record
    VIEW_SALES = "view_sales"  # the store's sales at a glance: turnover, staff, tenders
    # Send again, or set aside with a note, what central refused or has not taken
    # (the attention list); listing it needs no right.
    SYNC_ATTENTION = "sync_attention"
    # Record goods leaving or coming back outside a sale (damaged, stolen, found...): a
    # manager's act; a cashier sees stock read-only, or asks a manager to approve.
    ADJUST_STOCK = "adjust_stock"
    # Check a delivery in against its expected list: routine work a cashier does in a
    # small store; the differences are reported to central, never hidden.
    RECEIVE_DELIVERY = "receive_delivery"
    # Send goods to another store: stock leaves this store's books (a manager's act).
    TRANSFER_STOCK = "transfer_stock"


# A cashier also hands over pickup orders at the till in a small store.
# A cashier takes returns (REFUND); without a receipt, or cash above the limit, needs a manager.
_CASHIER = frozenset(
    {Right.SELL, Right.PICKUP_DESK, Right.OPEN_TILL, Right.CLOSE_TILL, Right.REFUND,
     Right.RECEIVE_DELIVERY}
)  # fmt: skip
_PICKUP = frozenset({Right.SELL, Right.PICKUP_DESK})
_MANAGER = frozenset(Right) - {Right.STAFF_ADMIN}
_ADMIN = frozenset(Right)

PERMISSIONS: dict[Role, frozenset[Right]] = {
    Role.CASHIER: _CASHIER,
    Role.PICKUP: _PICKUP,
    Role.MANAGER: _MANAGER,
    Role.ADMIN: _ADMIN,
}

# Rights a manager may grant for one act by approving it; the others (settings, staff
# administration, opening and closing a till, archiving) must be exercised by someone who holds
# them: a till's day is opened and closed by the person who answers for its cash.
APPROVABLE: frozenset[Right] = frozenset(Right) - {
    Right.SETTINGS,
    Right.STAFF_ADMIN,
    Right.APPROVE,
    Right.OPEN_TILL,
    Right.CLOSE_TILL,
    Right.TRAINING,
    Right.CLOSE_PERIOD,
    Right.ARCHIVE,
    Right.VIEW_SALES,  # staff's figures are the manager's to read, not to lend
}

# A line discount up to this share of the line needs no right (1000 = 10 %).
LINE_DISCOUNT_FREE_LIMIT_BP = 1000


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in person an act is recorded against."""

    staff_id: str
    display_name: str
    role: Role

    def may(self, right: Right) -> bool:
        return right in PERMISSIONS[self.role]


class RightRefused(PosError):
    """A service refused an act its author lacks the right for (approvable or not)."""

    code = "right_refused"

    def __init__(self, actor: Actor, right: Right) -> None:
        super().__init__(
            f"{actor.display_name} ({actor.role.value}) may not do this: it needs the right "
            f"'{right.value}'." + (" A manager can approve it." if right in APPROVABLE else ""),
            right=right.value,
            approvable=right in APPROVABLE,
        )
        self.actor = actor
        self.right = right


@dataclass(frozen=True, slots=True)
class Approval:
    """A manager's on-the-spot yes to one act, PIN-checked and recorded by the approvals
    service before a service receives it; the service checks it covers the act."""

    approval_id: str
    right: Right
    asked_by: Actor
    approved_by: Actor
    what: str
    amount_cents: int | None
    at: str


def may(actor: Actor, right: Right, approval: Approval | None = None) -> bool:
    """Whether the act is allowed: by the actor's own right, or by an approval for this
    right, asked by this actor, from someone who holds the right and may approve (never
    the actor themself)."""
    if actor.may(right):
        return True
    return approval is not None and approval_covers(approval, actor, right)


def approval_covers(approval: Approval, actor: Actor, right: Right) -> bool:
    approver = approval.approved_by
    return (
        right in APPROVABLE
        and approval.right is right
        and approval.asked_by.staff_id == actor.staff_id
        and approver.staff_id != actor.staff_id
        and approver.may(Right.APPROVE)
        and approver.may(right)
    )


def require(actor: Actor, right: Right, approval: Approval | None = None) -> None:
    """Raise ``RightRefused`` unless ``may``; services call this before acting."""
    if not may(actor, right, approval):
        raise RightRefused(actor, right)
