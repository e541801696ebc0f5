"""Openings of the cash drawer, each recorded with who opened it and why.

For a sale paid in cash anyone may open it; without a sale it needs the right
``DRAWER_WITHOUT_SALE`` (or a manager's approval) and a reason, kept with the opening.
"""

from __future__ import annotations

from pos.domain.errors import PosError
from pos.domain.rights import Actor, Approval, Right
from pos.services.approvals import authorize
from pos.store import receipts
from pos.store.local_store import LocalStore

MAX_REASON_CHARS = 200


def record_opening(
    store: LocalStore,
    actor: Actor,
    reason: str,
    sale_id: str,
    approval: Approval | None,
    at: str,
) -> None:
    note = " ".join(reason.split())[:MAX_REASON_CHARS]
    if not sale_id:
        authorize(store, actor, Right.DRAWER_WITHOUT_SALE, approval)
        if not note:
            raise PosError(
                "Say why the drawer opens without a sale.", code="drawer_reason_required"
            )
    receipts.record_drawer_open(
        store.conn, "cash_sale" if sale_id else "manual", actor.display_name, at,
        sale_id or None, note=None if sale_id else note, staff_id=actor.staff_id,
    )  # fmt: skip
