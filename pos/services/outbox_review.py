"""Operations to check: what sync set aside, what central warned about, the undo calls
owed to central that it refused or has not answered for long, and sending again.

The manager's use case, shared by ``comptoir outbox`` and the app's "Operations to check"
dialog. Each call opens the store on the calling thread (a worker's, from the UI) and
closes it: a connection never crosses threads. Re-queuing records the terminal and the
time (rights come later); the caller then wakes the sync engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.store import owed_calls, push_queue, sync_attention
from pos.store.credit_note_reversals import DEBIT_IN_USE as DEBIT_IN_USE
from pos.store.credit_note_reversals import UNREACHABLE as UNREACHABLE
from pos.store.local_store import LocalStore
from pos.store.owed_calls import CLAIM_RELEASE as CLAIM_RELEASE
from pos.store.owed_calls import CREDIT_NOTE_REVERSAL as CREDIT_NOTE_REVERSAL
from pos.store.owed_calls import CUSTOMER_CONSENT as CUSTOMER_CONSENT
from pos.store.owed_calls import CUSTOMER_CREATION as CUSTOMER_CREATION
from pos.store.owed_calls import OwedCall
from pos.store.push_queue import RejectedOperation
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
    #: Claim releases and credit note reversals to look at, oldest first: central
    #: refused them, or has not answered for long. They go on being sent each round.
    owed: tuple[OwedCall, ...] = ()


class OutboxReview:
    """One till's outbox, seen by its manager."""

    def __init__(self, data_dir: Path, terminal_id: str) -> None:
        self.path = Path(data_dir) / DATABASE_FILE
        self.terminal_id = terminal_id

    def list(self, limit: int = LIST_LIMIT) -> AttentionList:
        with LocalStore(self.path) as store:
            counts = push_queue.counts(store.conn)
            return AttentionList(
                tuple(push_queue.rejected(store.conn, limit)),
                tuple(sync_attention.warnings(store.conn, limit)),
                counts.rejected,
                sync_attention.warning_count(store.conn),
                counts.pending,
                tuple(owed_calls.needing_attention(store.conn)[:limit]),
            )

    def requeue(self, op_ids: list[str] | None, *, source: str) -> list[str]:
        """Send these set-aside operations again (None: all); return those re-queued."""
        with LocalStore(self.path) as store:
            terminal = store.setting("central_terminal_id") or self.terminal_id
            return sync_attention.requeue(store.conn, op_ids, terminal_id=terminal, source=source)
