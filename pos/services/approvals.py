"""A manager's on-the-spot approval of an act the signed-in person lacks the right for.

The approver types their PIN (or scans their badge, then the PIN) on the asker's till
without signing the asker out; the PIN goes through the same lockout as a sign-in.
Refused: approving oneself (``self_approval``), an approver without the right to
approve this act (``approver_lacks_right``: a cashier), a right no approval can grant
(``not_approvable``). An approval is recorded append-only and queued for central (kind
``approval``) in one transaction, before the service that asked for it acts.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from pos.domain import fiscal_events as fe
from pos.domain.errors import PosError
from pos.domain.money import format_eur
from pos.domain.rights import APPROVABLE, Actor, Approval, Right, require
from pos.services.staff import StaffDirectory, stamp
from pos.store import outbox
from pos.store import staff as staff_store
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from pos.store.staff import ApprovalRow

OPERATION_KIND = "approval"
MAX_WHAT_CHARS = 500


class Approvals:
    """Approvals at one till (``terminal_id``), over the directory's store."""

    def __init__(
        self,
        directory: StaffDirectory,
        *,
        terminal_id: str,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
    ) -> None:
        self.directory = directory
        self.store = directory.store
        self.terminal_id = terminal_id
        self._new_id = new_id

    def approve(
        self,
        asker: Actor,
        approver: str,
        pin: str,
        right: Right,
        what: str,
        amount_cents: int | None = None,
    ) -> Approval:
        """``approver`` is a staff id or a badge; ``what`` says the act in a few words
        ("20 % off line 3"), ``amount_cents`` its money at stake when there is one."""
        right = Right(right)
        if right not in APPROVABLE:
            raise PosError(
                f"No one can approve '{right.value}' for someone else: it must be done by "
                "a person who holds the right.",
                code="not_approvable",
                right=right.value,
            )
        found = self.directory.member_by_id_or_badge(approver)
        if found.staff_id == asker.staff_id:
            raise PosError(
                "You cannot approve your own act: another manager must.",
                code="self_approval",
                right=right.value,
            )
        record = self.directory.check_pin(approver, pin, purpose=f"approve {right.value}")
        approved_by = self.directory.member(record.staff_id).actor
        if not (approved_by.may(Right.APPROVE) and approved_by.may(right)):
            raise PosError(
                f"{approved_by.display_name} ({approved_by.role.value}) may not approve this: "
                "a manager must.",
                code="approver_lacks_right",
                right=right.value,
                approver=approved_by.staff_id,
            )
        return self._record(asker, approved_by, right, what, amount_cents)

    def _record(
        self, asker: Actor, approved_by: Actor, right: Right, what: str, amount: int | None
    ) -> Approval:
        approval = Approval(
            self._new_id(), right, asker, approved_by, " ".join(what.split())[:MAX_WHAT_CHARS],
            amount, stamp(self.directory.now()),
        )  # fmt: skip
        conn = self.store.conn
        with write_transaction(conn):
            staff_store.record_approval(conn, _row(approval))
            staff_store.record_event(
                conn, approved_by.staff_id, "approved", f"{right.value} for {asker.staff_id}",
                at=approval.at,
            )  # fmt: skip
            outbox.enqueue(
                conn, approval.approval_id, OPERATION_KIND, self._payload(approval),
                now=approval.at,
            )  # fmt: skip
            self.directory.journal.record_in(
                fe.APPROVAL_GRANTED, _detail(approval), actor=approved_by, at=approval.at
            )
        return approval

    def _payload(self, a: Approval) -> dict:
        return {
            "approval_id": a.approval_id,
            "terminal_id": self.terminal_id,
            "right": a.right.value,
            "asked_by": a.asked_by.staff_id,
            "asked_by_name": a.asked_by.display_name,
            "approved_by": a.approved_by.staff_id,
            "approved_by_name": a.approved_by.display_name,
            "what": a.what,
            "amount_cents": a.amount_cents,
            "at": a.at,
        }

    def recorded(self) -> list[ApprovalRow]:
        return staff_store.approvals(self.store.conn)


def _detail(a: Approval) -> dict[str, object]:
    return {
        "approval_id": a.approval_id, "right": a.right.value, "asked_by": a.asked_by.staff_id,
        "approved_by": a.approved_by.staff_id, "what": a.what, "amount_cents": a.amount_cents,
    }  # fmt: skip


def _row(a: Approval) -> ApprovalRow:
    return ApprovalRow(
        a.approval_id, a.right.value, a.asked_by.staff_id, a.asked_by.display_name,
        a.approved_by.staff_id, a.approved_by.display_name, a.what, a.amount_cents, a.at,
    )  # fmt: skip


def authorize(store: LocalStore, actor: Actor, right: Right, approval: Approval | None) -> None:
    """``require``, and an approval standing in for the right must be one recorded at
    this till for this act (``approval_unknown``): a caller cannot make one up."""
    require(actor, right, approval)
    if actor.may(right) or approval is None:
        return
    row = staff_store.approval(store.conn, approval.approval_id)
    expected = (right.value, actor.staff_id, approval.approved_by.staff_id)
    if row is None or (row.right, row.asked_by, row.approved_by) != expected:
        raise PosError(
            "This approval was not recorded at this till: ask the manager to approve again.",
            code="approval_unknown",
            right=right.value,
        )


def within_amount(actor: Actor, right: Right, approval: Approval | None, cents: int) -> None:
    """An approval that names an amount covers an act up to that amount
    (``approval_exceeded`` beyond); one who holds the right needs none."""
    if actor.may(right) or approval is None or approval.amount_cents is None:
        return
    if cents > approval.amount_cents:
        raise PosError(
            f"The manager approved {format_eur(approval.amount_cents)} off, not "
            f"{format_eur(cents)}: ask for a new approval.",
            code="approval_exceeded",
            approved_cents=approval.amount_cents,
            asked_cents=cents,
        )
