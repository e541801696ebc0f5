"""Openings of the cash drawer, each recorded with who opened it and why.

For a sale paid in cash anyone may open it; without a sale it needs the right
``DRAWER_WITHOUT_SALE`` (or a manager's approval) and a reason, kept with the opening.
"""

from __future__ import annotations

from pos.domain import fiscal_events as fe
from pos.domain.errors import PosError
from pos.domain.rights import Actor, Approval, Right
from pos.services.approvals import authorize
from pos.services.event_journal import EventJournal
from pos.services.till_acts import queue_drawer_opened
from pos.store import receipts
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore

MAX_REASON_CHARS = 200


def record_opening(
    store: LocalStore,
    actor: Actor,
    reason: str,
    sale_id: str,
    approval: Approval | None,
    at: str,
    *,
    terminal_id: str,
    journal: EventJournal | None = None,
) -> None:
    """Without a sale, the opening is also queued for central (``drawer_opened``, with
    its reason and approval) and written to the JET, in the same transaction: never
    silent."""
    note = " ".join(reason.split())[:MAX_REASON_CHARS]
    if not sale_id:
        authorize(store, actor, Right.DRAWER_WITHOUT_SALE, approval)
        if not note:
            raise PosError(
                "Say why the drawer opens without a sale.", code="drawer_reason_required"
            )
    with write_transaction(store.conn):
        receipts.insert_drawer_open(
            store.conn, "cash_sale" if sale_id else "manual", actor.display_name, at,
            sale_id or None, note=None if sale_id else note, staff_id=actor.staff_id,
        )  # fmt: skip
        if not sale_id:
            approval_id = approval.approval_id if approval else None
            queue_drawer_opened(store.conn, terminal_id, actor, note, approval_id, at)
            journal = journal or EventJournal(store, terminal_id=terminal_id)
            detail = {"reason": note, "approval_id": approval_id}
            journal.record_in(fe.DRAWER_OPENED, detail, actor=actor, at=at)
