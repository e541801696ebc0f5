"""The one door through which a till-day screen asks a manager to approve an act.

A screen calls ``request_approval(right, what, amount_cents)`` when a service refused an
act for a right the cashier lacks; it gets an ``Approval`` to send with the act again, or
None (refused or cancelled). The window passes ``StaffGate.request_approval``: the
manager's PIN dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from pos.domain.rights import Approval, Right

RequestApproval = Callable[[Right, str, int | None], Approval | None]
