"""What the engine tells the till about sync: one immutable snapshot per change.

The engine calls the status callback from its own thread; a Qt adapter re-emits it as a
queued signal (and may coalesce bursts), the way ``pos.ui.bridge`` is meant to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

State = Literal["starting", "syncing", "idle", "offline", "error", "stopped"]
Phase = Literal["", "pushing", "pulling"]


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """``online``: the last exchange reached the central API (even if it refused).
    ``pending``: operations waiting to be sent; ``rejected``: what the manager must check:
    operations set aside (refused by name), and undo calls owed to central (claim
    releases, credit note reversals) it refused or has not answered for long
    (``pos.store.owed_calls``).
    ``last_success_at``: UTC ISO time of the last complete round.
    ``last_error``: a sentence for the status bar, None after a good round.
    ``retry_in_s``: the wait before the next attempt when backing off.
    While syncing: ``phase``, the ``feed`` being pulled and the items ``applied`` from it
    so far (a first catalog pull is long enough to deserve a progress line)."""

    state: State = "starting"
    online: bool = False
    pending: int = 0
    rejected: int = 0
    last_success_at: str | None = None
    last_error: str | None = None
    retry_in_s: float | None = None
    phase: Phase = ""
    feed: str = ""
    applied: int = 0


#: How many refusals and warnings ``SyncTotals`` keeps to tell about (the counts go on).
NOTED_MAX = 100


@dataclass(frozen=True, slots=True)
class Refusal:
    """An operation central refused (``code``, ``text`` its reason) or warned about."""

    seq: int
    op_id: str
    kind: str
    code: str
    text: str


@dataclass
class SyncTotals:
    """Counters since the engine started (support screen, tests, benchmarks)."""

    rounds: int = 0
    failed_rounds: int = 0
    batches: int = 0
    operations_sent: int = 0  # every attempt counts, retries included
    failed_attempts: int = 0  # batches sent without a usable answer
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0  # set aside: refused by name
    warned: int = 0  # central's warnings on accepted operations
    pulled: dict[str, int] = field(default_factory=dict)  # items applied, per feed
    refusals: list[Refusal] = field(default_factory=list)  # the first NOTED_MAX
    warnings: list[Refusal] = field(default_factory=list)  # the first NOTED_MAX

    def note_refusal(self, refusal: Refusal) -> None:
        if len(self.refusals) < NOTED_MAX:
            self.refusals.append(refusal)

    def note_warning(self, warning: Refusal) -> None:
        self.warned += 1
        if len(self.warnings) < NOTED_MAX:
            self.warnings.append(warning)
