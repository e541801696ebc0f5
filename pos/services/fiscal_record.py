"""The manager's fiscal record desk: the latest closures, closing a month, and the
verification of every chain (the same run as ``comptoir verify-journal``, recorded alike).

Shared by ``comptoir verify-journal`` and the till's "Fiscal record" dialog, so the screen
gets a service and never the store. Each call opens the store on the calling thread (a
worker's, from the UI) and closes it. The rights are checked here: the desk is for staff
holding ``CLOSE_PERIOD`` or ``ARCHIVE``; closing a month needs ``CLOSE_PERIOD`` itself
(``PeriodClosures``); the command line (``actor`` None) belongs to whoever owns the machine.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.domain.closures import MONTH, local_date, month_label, parse_month
from pos.domain.fiscal_events import VERIFICATION_RUN
from pos.domain.rights import Actor, Right, RightRefused
from pos.services.period_closures import ClosureMade, PeriodClosures
from pos.store import closures, events
from pos.store.errors import StoreError
from pos.store.local_store import LocalStore
from pos.store.sale_codec import utc_now
from pos.store.verification import verify
from pos.store.verification_report import ChainSummary as ChainSummary  # the UI's, from here
from pos.store.verification_report import Finding as Finding
from pos.store.verification_report import JournalReport

#: The desk lists this many closures, newest first.
LISTED = 60


@dataclass(frozen=True, slots=True)
class DeskOverview:
    """What the desk shows on opening."""

    closures: list[ClosureMade]
    #: The last ended month ("2026-11"), the archive's default period.
    previous_month: str
    #: The last ended month when it (or one before it) holds activity not closed yet,
    #: else "" (nothing is due).
    month_to_close: str


@dataclass(frozen=True, slots=True)
class VerificationRun:
    report: JournalReport
    #: "" when the run was recorded in the JET (``verification_run``), else why not: the
    #: verdict stands either way (a store too damaged to write still gets its report).
    not_recorded: str = ""


class FiscalRecord:
    """One till's fiscal record, for its managers. ``clock``: UTC instants as text (the
    shop's calendar decides which month has ended)."""

    def __init__(
        self,
        data_dir: Path,
        terminal_id: str,
        *,
        year_start_month: int = 1,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        self.path = Path(data_dir) / DATABASE_FILE
        self.terminal_id = terminal_id
        self.year_start_month = year_start_month
        self._clock = clock

    @staticmethod
    def concerns(actor: Actor | None) -> bool:
        """Whether the desk is theirs: closing periods or archiving."""
        return actor is not None and (actor.may(Right.CLOSE_PERIOD) or actor.may(Right.ARCHIVE))

    def overview(self, actor: Actor) -> DeskOverview:
        self._require(actor)
        previous = self.previous_month()
        with LocalStore(self.path) as store:
            listed = self._closures(store).recent(LISTED)
            due = previous if self._open_until(store, parse_month(previous)) else ""
        return DeskOverview(listed, previous, due)

    @staticmethod
    def _open_until(store: LocalStore, month: date) -> bool:
        """Whether ``month`` (or one before it) holds fiscal activity not closed yet."""
        last = closures.last(store.conn, MONTH)
        if last is not None:
            return parse_month(last[1]["period"]) < month
        first_at = closures.first_activity_at(store.conn)
        return first_at is not None and local_date(first_at).replace(day=1) <= month

    def previous_month(self) -> str:
        this_month = local_date(self._clock()).replace(day=1)
        last_day = this_month.toordinal() - 1
        return month_label(this_month.fromordinal(last_day))

    def close_month(self, actor: Actor, label: str) -> list[ClosureMade]:
        """Close ``label`` and every earlier period still open (``PeriodClosures``)."""
        with LocalStore(self.path) as store:
            return self._closures(store).close_month(actor, label)

    def verify(self, actor: Actor | None, *, source: str = "till") -> VerificationRun:
        """Walk the legacy journal and every chain; record the run in the JET."""
        if actor is not None:
            self._require(actor)
        with LocalStore(self.path) as store:
            report = verify(store.conn)
            return VerificationRun(report, self._record(store, report, actor, source))

    def _record(
        self, store: LocalStore, report: JournalReport, actor: Actor | None, source: str
    ) -> str:
        detail = {**report.event_detail(), "source": source}
        if actor is not None:
            detail["by"] = {"staff_id": actor.staff_id, "name": actor.display_name}
        try:
            events.record(
                store.conn,
                store.signing_key(),
                VERIFICATION_RUN,
                detail,
                terminal_id=self.terminal_id,
                actor=actor.staff_id if actor else "",
            )
        except (StoreError, OSError, sqlite3.Error) as exc:
            return str(exc)
        return ""

    def _closures(self, store: LocalStore) -> PeriodClosures:
        return PeriodClosures(
            store,
            terminal_id=self.terminal_id,
            year_start_month=self.year_start_month,
            clock=self._clock,
        )

    def _require(self, actor: Actor) -> None:
        if not self.concerns(actor):
            raise RightRefused(actor, Right.CLOSE_PERIOD)
