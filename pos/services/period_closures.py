"""The fiscal closures a till must make: each day's Z, each month, each fiscal year.

The day's closure is sealed by ``seal_day`` inside the transaction that closes the till
session (``TillSessions.close``): the Z, the session's status and its ``closure`` chain
entry commit together, so a kill leaves the session open without a closure or closed
with it. Months and years are closed by ``PeriodClosures.close_due`` at the first act of
the next period (a session opened, a payment or sale, a Z), or by a manager
(``close_month``, ``comptoir close-period``). They cannot be skipped: each call closes
every period due, oldest first — a month with no sale included — each in its own short
write transaction made *just before* the act, not inside it. Why before: the period is
over, so nothing the act does can change its figures; the sale's commit (the till's hot
path) stays as it is and never fails because of a closure; a kill between the two
leaves the period closed and the act not done, both consistent; a failed closure is
retried at the next act, and the ``closure_once`` index refuses a period closed twice.

A month's figures are its tickets (the ticket chain after the previous month's last
ticket, up to the month's end in shop time), so they equal the sum of its days' Z when no
session straddles the month's end, and stay exact when one does; a year's are the sum
of its months' closures. Each closure also records a ``closure_made`` JET event in its
transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from pos.domain import fiscal_events as fe
from pos.domain.chain_entry import CLOSURE, ChainEntry, signature_excerpt
from pos.domain.closures import (
    DAY,
    MONTH,
    YEAR,
    closure_body,
    day_label,
    fiscal_year_label,
    fiscal_year_months,
    fiscal_year_start,
    is_last_month_of_year,
    local_date,
    month_end_utc,
    month_label,
    next_month,
    parse_month,
    sum_periods,
    totals_of,
)
from pos.domain.errors import PosError
from pos.domain.rights import Actor, Right, require
from pos.domain.till_day import StaffRef, TillSession
from pos.store import chains, closures, events
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from pos.store.sale_codec import utc_now
from pos.store.signing_key import SigningKey


@dataclass(frozen=True, slots=True)
class ClosureMade:
    """One sealed closure, as a screen or the CLI names it."""

    type: str
    period: str
    seq: int
    excerpt: str
    tickets: int
    total_cents: int
    grand_total_cents: int
    grand_total_abs_cents: int
    at: str

    @classmethod
    def of(cls, entry: ChainEntry, body: dict) -> ClosureMade:
        return cls(
            body["type"], body["period"], entry.seq, signature_excerpt(entry.sig),
            body["tickets"], body["total_cents"], body["grand_total_cents"],
            body["grand_total_abs_cents"], entry.at,
        )  # fmt: skip


def _seal(
    conn, key: SigningKey, body: dict, *, terminal_id: str, at: str, ref: str, actor: str,
    automatic: bool,
) -> ClosureMade:  # fmt: skip
    entry = closures.seal(conn, key, body, terminal_id=terminal_id, at=at, ref=ref)
    detail = {
        "automatic": automatic,
        "closure_seq": entry.seq,
        "period": body["period"],
        "total_cents": body["total_cents"],
        "type": body["type"],
    }
    events.record_in(
        conn, key, fe.CLOSURE_MADE, detail, terminal_id=terminal_id, actor=actor, at=at, ref=ref
    )
    return ClosureMade.of(entry, body)


def seal_day(conn, key: SigningKey, session: TillSession, by: StaffRef, at: str) -> ClosureMade:
    """The session's Z sealed in the closure chain: call inside the closing transaction."""
    previous = closures.last(conn, DAY)
    totals = closures.session_tickets(conn, session.session_id)
    body = closure_body(
        DAY, day_label(session.opened_at), totals,
        previous[1] if previous else None, previous[0] if previous else 0,
        session_id=session.session_id,
    )  # fmt: skip
    return _seal(
        conn, key, body, terminal_id=session.terminal_id, at=at, ref=session.session_id,
        actor=by.staff_id, automatic=False,
    )  # fmt: skip


def day_closure(store: LocalStore, session_id: str) -> ClosureMade | None:
    found = chains.by_ref(store.conn, session_id, CLOSURE)
    return ClosureMade.of(found[0], json.loads(found[0].body)) if found else None


@dataclass(frozen=True, slots=True)
class _Due:
    type: str  # MONTH or YEAR
    first: date  # the month's, or the fiscal year's, first day


class PeriodClosures:
    """Monthly and annual closures of one terminal (one per thread: the store's
    connection). ``year_start_month``: the fiscal year's first month (1 = January)."""

    def __init__(
        self,
        store: LocalStore,
        *,
        terminal_id: str,
        year_start_month: int = 1,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        if not 1 <= year_start_month <= 12:
            raise ValueError("year_start_month must be between 1 and 12")
        self.store = store
        self.terminal_id = terminal_id
        self.year_start_month = year_start_month
        self._clock = clock
        self._quiet_until = ""  # nothing is due before this instant (a month's end)

    @property
    def _conn(self):
        return self.store.conn

    def close_due(self, actor: Actor | None = None) -> list[ClosureMade]:
        """Close every month and fiscal year that ended before now and is not closed
        yet, oldest first. Cheap when nothing is due: one comparison until the month
        ends."""
        now = self._clock()
        if now < self._quiet_until:
            return []
        made = self._close_through(now, actor, automatic=True)
        self._quiet_until = month_end_utc(local_date(now).replace(day=1))
        return made

    def close_month(self, actor: Actor, label: str) -> list[ClosureMade]:
        """A manager closes ``label`` ("2026-11") now, with every earlier period still
        open (and its fiscal year when it is the year's last month). Closing a month
        already closed makes nothing; a month not over yet is refused."""
        require(actor, Right.CLOSE_PERIOD)
        try:
            first = parse_month(label)
        except ValueError as exc:
            raise PosError(str(exc), code="period_invalid", period=label) from None
        end = month_end_utc(first)
        if self._clock() < end:
            raise PosError(
                f"The month {label} is not over yet: it can be closed from its last day's "
                "midnight on.",
                code="period_not_over",
                period=label,
            )
        return self._close_through(end, actor, automatic=False)

    def recent(self, limit: int = 200) -> list[ClosureMade]:
        """The latest closures, newest first."""
        return [
            ClosureMade.of(entry, json.loads(entry.body))
            for entry in closures.recent(self._conn, limit)
        ]

    # -- the work ---------------------------------------------------------------------------

    def _close_through(self, now: str, actor: Actor | None, automatic: bool) -> list[ClosureMade]:
        made: list[ClosureMade] = []
        key = self.store.signing_key()
        while True:
            with write_transaction(self._conn):
                due = self._next_due(now)
                if due is None:
                    return made
                at = self._clock()
                who = actor.staff_id if actor else ""
                if due.type == MONTH:
                    made.append(self._close_month(key, due.first, at, who, automatic))
                else:
                    made.append(self._close_year(key, due.first, at, who, automatic))

    def _next_due(self, now: str) -> _Due | None:
        """The oldest period ended before ``now`` and not closed, if any."""
        current = local_date(now).replace(day=1)
        last = closures.last(self._conn, MONTH)
        if last is not None:
            month = parse_month(last[1]["period"])
            if is_last_month_of_year(month, self.year_start_month):
                year = fiscal_year_start(month, self.year_start_month)
                if closures.of_period(self._conn, YEAR, fiscal_year_label(year)) is None:
                    return _Due(YEAR, year)
            candidate = next_month(month)
        else:
            first_at = closures.first_activity_at(self._conn)
            if first_at is None:
                return None
            candidate = local_date(first_at).replace(day=1)
        return _Due(MONTH, candidate) if candidate < current else None

    def _close_month(
        self, key: SigningKey, first: date, at: str, who: str, automatic: bool
    ) -> ClosureMade:
        previous = closures.last(self._conn, MONTH)
        after = previous[1]["to"] if previous else 0
        last_seq = closures.last_ticket_before(self._conn, after, month_end_utc(first))
        totals = closures.tickets_between(self._conn, after, last_seq)
        label = month_label(first)
        body = closure_body(
            MONTH, label, totals, previous[1] if previous else None,
            previous[0] if previous else 0,
        )  # fmt: skip
        return _seal(
            self._conn, key, body, terminal_id=self.terminal_id, at=at, ref=label, actor=who,
            automatic=automatic,
        )  # fmt: skip

    def _close_year(
        self, key: SigningKey, first: date, at: str, who: str, automatic: bool
    ) -> ClosureMade:
        previous = closures.last(self._conn, YEAR)
        months = [
            found[1]
            for label in fiscal_year_months(first)
            if (found := closures.of_period(self._conn, MONTH, label)) is not None
        ]
        after = previous[1]["to"] if previous else 0
        totals = sum_periods([totals_of(body) for body in months], after_seq=after)
        label = fiscal_year_label(first)
        body = closure_body(
            YEAR, label, totals, previous[1] if previous else None,
            previous[0] if previous else 0,
        )  # fmt: skip
        return _seal(
            self._conn, key, body, terminal_id=self.terminal_id, at=at, ref=label, actor=who,
            automatic=automatic,
        )  # fmt: skip
