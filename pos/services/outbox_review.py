"""The attention list: every operation waiting to be sent, refused centrally or set aside,
the calls owed to central, and central's warnings; sending again and setting aside.

The manager's use case, shared by ``comptoir outbox`` and the app's attention list. Each
call opens the store on the calling thread (a worker's, from the UI) and closes it: a
connection never crosses threads. Listing needs no right; sending again and setting
aside need ``SYNC_ATTENTION`` (a manager's, approvable for a cashier by a manager's PIN),
checked here, and record their author. Nothing is ever deleted: a sale set aside stays
in the fiscal record and in the list under "set aside". The caller then wakes the
sync engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.domain.errors import PosError
from pos.domain.rights import Actor, Approval, Right
from pos.services.approvals import authorize
from pos.services.attention_items import AttentionItem, read_items
from pos.store import owed_calls, push_queue, set_asides, sync_attention
from pos.store.credit_note_reversals import DEBIT_IN_USE as DEBIT_IN_USE
from pos.store.credit_note_reversals import UNREACHABLE as UNREACHABLE
from pos.store.local_store import LocalStore
from pos.store.owed_calls import CLAIM_RELEASE as CLAIM_RELEASE
from pos.store.owed_calls import COUPON_RELEASE as COUPON_RELEASE
from pos.store.owed_calls import CREDIT_NOTE_REVERSAL as CREDIT_NOTE_REVERSAL
from pos.store.owed_calls import CUSTOMER_CONSENT as CUSTOMER_CONSENT
from pos.store.owed_calls import CUSTOMER_CREATION as CUSTOMER_CREATION
from pos.store.owed_calls import LOYALTY as LOYALTY
from pos.store.owed_calls import OwedCall
from pos.store.push_queue import RejectedOperation
from pos.store.sale_codec import utc_now
from pos.store.set_asides import Author
from pos.store.sync_attention import CentralWarning

#: At most this many of each list are read for a screen or a terminal.
LIST_LIMIT = 500


@dataclass(frozen=True, slots=True)
class AttentionList:
    set_aside: tuple[RejectedOperation, ...]  # oldest first
    warnings: tuple[CentralWarning, ...]  # newest first
    set_aside_total: int
    warning_total: int
    pending: int
    #: Owed calls to look at, oldest first: central refused them, or has not answered
    #: for long. They go on being sent each round.
    owed: tuple[OwedCall, ...] = ()
    #: Every row of the attention list, those needing a person first.
    items: tuple[AttentionItem, ...] = ()

    @property
    def to_check(self) -> int:
        """Items needing a person: refused, or owed and overdue, without a note yet."""
        return sum(item.state == "to_check" for item in self.items)


class OutboxReview:
    """One till's outbox, seen by its staff."""

    def __init__(self, data_dir: Path, terminal_id: str) -> None:
        self.path = Path(data_dir) / DATABASE_FILE
        self.terminal_id = terminal_id

    def list(self, limit: int = LIST_LIMIT, now: str | None = None) -> AttentionList:
        stamp = now or utc_now()
        with LocalStore(self.path) as store:
            conn = store.conn
            counts = push_queue.counts(conn)
            return AttentionList(
                tuple(push_queue.rejected(conn, limit)),
                tuple(sync_attention.warnings(conn, limit)),
                counts.rejected,
                sync_attention.warning_count(conn),
                counts.pending,
                tuple(owed_calls.needing_attention(conn, stamp)[:limit]),
                tuple(read_items(conn, stamp, limit, store.setting("central_store_id") or "")),
            )

    def requeue(
        self,
        op_ids: list[str] | None,
        *,
        source: str,
        actor: Actor | None = None,
        approval: Approval | None = None,
    ) -> list[str]:
        """Send these set-aside operations again (None: all); return those re-queued.
        From the app an ``actor`` holding (or approved for) ``SYNC_ATTENTION`` is
        required; ``comptoir outbox requeue`` is the operator's tool on the till's files."""
        with LocalStore(self.path) as store:
            author = self._author(store, actor, approval, source)
            terminal = store.setting("central_terminal_id") or self.terminal_id
            return sync_attention.requeue(
                store.conn, op_ids, terminal_id=terminal, source=source,
                staff_id=author.staff_id, staff_name=author.staff_name,
            )  # fmt: skip

    def retry_owed(
        self, item: AttentionItem, *, actor: Actor, approval: Approval | None = None
    ) -> bool:
        """Forget central's refusal of an owed call so the next round sends it again."""
        with LocalStore(self.path) as store:
            author = self._author(store, actor, approval, "app")
            call = next((c for c in owed_calls.queued(store.conn)
                         if (c.kind, c.ident) == (item.kind, item.key)), None)  # fmt: skip
            return call is not None and owed_calls.renew(store.conn, call, by=author.staff_id)

    def set_aside(
        self,
        item: AttentionItem,
        note: str,
        *,
        actor: Actor,
        approval: Approval | None = None,
    ) -> None:
        """Set ``item`` aside with a note (mandatory: ``note_required``). An outbox
        operation leaves the queue and the "to check" count, and stays listed, in the
        fiscal record and in the stock figures; an owed call is marked as seen."""
        if not " ".join(note.split()):
            raise PosError("Write a note saying why it is set aside.", code="note_required")
        if item.source == "warning":
            raise PosError("A warning is not sent: there is nothing to set aside.",
                           code="not_set_aside")  # fmt: skip
        with LocalStore(self.path) as store:
            author = self._author(store, actor, approval, "app")
            try:
                if item.source == "outbox":
                    set_asides.set_aside_operation(store.conn, item.key, note, author)
                else:
                    set_asides.set_aside_owed(store.conn, item.kind, item.key, note, author)
            except set_asides.NotOpen as exc:
                raise PosError(
                    "This operation was settled or set aside meanwhile: the list is read "
                    "again.", code="no_longer_open",
                ) from exc  # fmt: skip

    @staticmethod
    def _author(
        store: LocalStore, actor: Actor | None, approval: Approval | None, source: str
    ) -> Author:
        if actor is None:
            if source != "cli":
                raise PosError("Sign in to act on the attention list.", code="no_actor")
            return Author("", "")
        authorize(store, actor, Right.SYNC_ATTENTION, approval)
        approved_by = approval.approved_by.staff_id if approval and not actor.may(
            Right.SYNC_ATTENTION) else ""  # fmt: skip
        return Author(actor.staff_id, actor.display_name, approved_by)
