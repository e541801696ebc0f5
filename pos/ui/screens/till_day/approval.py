"""The one door through which a till-day screen asks a manager to approve an act.

A screen calls ``request_approval(right, what, amount_cents)`` when a service refused an
act for a right the cashier lacks; it gets an ``Approval`` to send with the act again, or
None (refused, cancelled, or nobody can approve). Until the approval dialog (PIN of a
manager, ``pos.services.approvals``) lands, ``no_approval_yet`` answers None and the
screen says that a manager's approval is not available on this till yet.
"""

from __future__ import annotations

from collections.abc import Callable

from pos.domain.rights import Approval, Right

RequestApproval = Callable[[Right, str, int | None], Approval | None]


def no_approval_yet(right: Right, what: str, amount_cents: int | None) -> Approval | None:
    """The temporary answer until manager approval lands: refused (the lead wires the
    approval dialog here)."""
    return None
