"""The till day a screen drives: open with a counted float, cash in/out, X at any time, Z.

One ``TillSessions`` per terminal and thread (it uses the store's connection). Each call
is a few small queries; each refusal is a ``PosError`` with a stable code and params a
screen translates. Every act is recorded with its author and pushed through the outbox
in the same transaction. ``Checkout`` takes this object as its session gate
(``require_open``): no payment and no sale outside an open, fresh session.

Closing is one transaction: the figures are read, the Z report written, the session
closed, the Z sealed in the ``closure`` chain (``period_closures.seal_day``) and queued
together, so a power cut leaves the session open (count again) or closed with its Z and
its closure, never half; nothing can be sold between the figures and the close. Given
``closures``, the months and fiscal years that ended are closed just before opening,
paying, selling or closing (``PeriodClosures.close_due``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from pos.domain import fiscal_events as fe
from pos.domain.cash import count_cash
from pos.domain.errors import PosError
from pos.domain.money import check_amount, format_eur
from pos.domain.rights import Actor, Approval, Right, require
from pos.domain.till_day import (
    DEFAULT_DIFFERENCE_LIMIT_CENTS,
    DEFAULT_MAX_SESSION_HOURS,
    CashMovement,
    ClosingCount,
    DayFigures,
    MovementKind,
    MovementReason,
    StaffRef,
    TillSession,
    close_figures,
    total_difference,
)
from pos.services import till_records
from pos.services.approvals import authorize, within_amount
from pos.services.basket_snapshot import recovered_basket
from pos.services.event_journal import EventJournal
from pos.services.period_closures import ClosureMade, PeriodClosures, day_closure, seal_day
from pos.store import open_basket, till_figures, till_sessions
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from pos.store.outbox import enqueue
from pos.store.sale_codec import utc_now

#: A note on a movement is a short explanation, not a document.
MAX_NOTE = 200


def _staff(actor: Actor) -> StaffRef:
    return StaffRef(actor.staff_id, actor.display_name)


class TillSessions:
    def __init__(
        self,
        store: LocalStore,
        *,
        terminal_id: str,
        max_session_hours: int = DEFAULT_MAX_SESSION_HOURS,
        difference_limit_cents: int = DEFAULT_DIFFERENCE_LIMIT_CENTS,
        clock: Callable[[], str] = utc_now,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
        journal: EventJournal | None = None,
        closures: PeriodClosures | None = None,
    ) -> None:
        self.store = store
        self.closures = closures
        self.terminal_id = terminal_id
        #: The JET: the opening and the Z are recorded in their own transactions.
        self.journal = journal or EventJournal(store, terminal_id=terminal_id, clock=clock)
        self.max_age = timedelta(hours=max_session_hours)
        self.difference_limit_cents = difference_limit_cents
        self._clock = clock
        self._new_id = new_id

    @property
    def _conn(self):
        return self.store.conn

    # -- reading ---------------------------------------------------------------------------

    def current(self) -> TillSession | None:
        """This terminal's open session, or None (the till shows its opening screen)."""
        return till_sessions.current(self._conn, self.terminal_id)

    def is_too_old(self, session: TillSession) -> bool:
        return self._age(session) > self.max_age

    def require_open(self) -> str:
        """The session a sale is made in; ``PosError`` ``no_session`` when none is open,
        ``session_too_old`` when it has been open too long (close it, then open anew).
        The periods that ended are closed first: this is the sale's first act."""
        self._close_due_periods()
        session = self._open_session()
        if self.is_too_old(session):
            hours = int(self.max_age.total_seconds() // 3600)
            raise PosError(
                f"This till session has been open since {session.opened_at}, more than "
                f"{hours} hours: close it (Z) and open a new one before selling.",
                code="session_too_old",
                opened_at=session.opened_at,
                max_hours=hours,
            )
        return session.session_id

    def x_report(self) -> DayFigures:
        """The open session's figures now (an X changes nothing and is not recorded)."""
        self._conn.execute("BEGIN")  # one snapshot: a sale committing meanwhile is all in or out
        try:
            session = self._open_session()
            return till_figures.day_figures(self._conn, session, self._clock())
        finally:
            self._conn.execute("COMMIT")

    def movements(self) -> list[CashMovement]:
        return till_sessions.movements(self._conn, self._open_session().session_id)

    def z_report(self, session_id: str) -> dict | None:
        """A closed session's Z report as recorded (to print it again)."""
        return till_sessions.z_report(self._conn, session_id)

    # -- opening ---------------------------------------------------------------------------

    def open(self, actor: Actor, counts: Mapping[int, int]) -> TillSession:
        """Open a session on the float counted by denomination (cents → pieces)."""
        require(actor, Right.OPEN_TILL)
        float_count = count_cash(counts)
        self._close_due_periods(actor)
        with write_transaction(self._conn):
            found = till_sessions.current(self._conn, self.terminal_id)
            if found is not None:
                raise PosError(
                    f"A till session is already open on {self.terminal_id} since "
                    f"{found.opened_at} (opened by {found.opened_by.name}): close it first.",
                    code="session_already_open",
                    opened_at=found.opened_at,
                    opened_by=found.opened_by.name,
                )
            session = TillSession(
                self._new_id(), self.terminal_id, _staff(actor), self._clock(), float_count,
                "open",
            )  # fmt: skip
            till_sessions.insert_session(self._conn, session)
            enqueue(
                self._conn, session.session_id, till_records.OPENED,
                till_records.opened(session), now=session.opened_at,
            )  # fmt: skip
            detail = {"session_id": session.session_id, "float_cents": session.float_cents}
            self.journal.record_in(fe.SESSION_OPENED, detail, actor=actor, at=session.opened_at)
        return session

    # -- cash in and out -------------------------------------------------------------------

    def cash_in(
        self, actor: Actor, cents: int, reason: MovementReason | str, note: str = "",
        approval: Approval | None = None,
    ) -> CashMovement:  # fmt: skip
        return self._move(actor, MovementKind.IN, cents, reason, note, approval)

    def cash_out(
        self, actor: Actor, cents: int, reason: MovementReason | str, note: str = "",
        approval: Approval | None = None,
    ) -> CashMovement:  # fmt: skip
        return self._move(actor, MovementKind.OUT, cents, reason, note, approval)

    def _move(
        self, actor: Actor, kind: MovementKind, cents: int, reason: MovementReason | str,
        note: str, approval: Approval | None,
    ) -> CashMovement:  # fmt: skip
        authorize(self.store, actor, Right.CASH_IN_OUT, approval)  # a real, recorded one
        within_amount(actor, Right.CASH_IN_OUT, approval, cents)
        check_amount(cents, what=f"cash {kind.value}", allow_zero=False)
        why = _reason(reason, note)
        with write_transaction(self._conn):
            session = self._open_session()
            if kind is MovementKind.OUT:
                drawer = till_figures.day_figures(self._conn, session, "").cash_expected_cents
                if cents > drawer:
                    raise PosError(
                        f"The drawer should hold {format_eur(drawer)}: {format_eur(cents)} "
                        "cannot be taken out of it.",
                        code="cash_out_exceeds_drawer",
                        expected=drawer,
                        amount=cents,
                    )
            moved = CashMovement(
                self._new_id(), session.session_id, kind, why, note.strip(), cents,
                _staff(actor), self._clock(), approval.approval_id if approval else None,
            )  # fmt: skip
            till_sessions.insert_movement(self._conn, moved)
            enqueue(
                self._conn, moved.movement_id, till_records.MOVED,
                till_records.movement(moved, self.terminal_id), now=moved.at,
            )  # fmt: skip
        return moved

    # -- closing ---------------------------------------------------------------------------

    def close(self, actor: Actor, counted: ClosingCount, approval: Approval | None = None) -> dict:
        """The Z: compare the blind count with the session's figures, record the report,
        close the session and queue the Z, in one transaction. Returns the Z report.

        A difference above the limit needs ``Right.CLOSE_WITH_DIFFERENCE`` (a manager's, or
        their ``Approval`` covering at least that amount): refused with
        ``difference_needs_approval`` and the figures, nothing recorded, so the screen can
        show the over/short and ask a manager."""
        require(actor, Right.CLOSE_TILL)
        self._refuse_open_basket()
        self._close_due_periods(actor)
        with write_transaction(self._conn):
            session = self._open_session()
            at = self._clock()
            figures = till_figures.day_figures(self._conn, session, at)
            rows = close_figures(figures, counted)
            difference = total_difference(rows)
            if difference > self.difference_limit_cents:
                self._check_difference_approved(actor, approval, difference)
            approval_id = approval.approval_id if approval else None
            report = till_records.z_report(
                figures, rows, counted.cash, _staff(actor), at, approval_id
            )
            till_sessions.write_z(
                self._conn, session.session_id, report, rows, approval_id, _staff(actor), at
            )
            seal_day(self._conn, self.store.signing_key(), session, _staff(actor), at)
            enqueue(self._conn, f"z-{session.session_id}", till_records.CLOSED, report, now=at)
            self.journal.record_in(
                fe.SESSION_CLOSED, _closed_detail(session.session_id, rows, approval_id),
                actor=actor, at=at,
            )  # fmt: skip
        return report

    def _check_difference_approved(
        self, actor: Actor, approval: Approval | None, difference: int
    ) -> None:
        if actor.may(Right.CLOSE_WITH_DIFFERENCE):
            return
        too_small = (
            approval is not None
            and approval.amount_cents is not None
            and (approval.amount_cents < difference)
        )
        if approval is None or too_small:
            raise PosError(
                f"The count differs from what is expected by {format_eur(difference)}, more "
                f"than {format_eur(self.difference_limit_cents)}: a manager must approve "
                "the closing.",
                code="difference_needs_approval",
                difference=difference,
                limit=self.difference_limit_cents,
                right=Right.CLOSE_WITH_DIFFERENCE.value,
            )
        authorize(self.store, actor, Right.CLOSE_WITH_DIFFERENCE, approval)  # recorded here

    def _refuse_open_basket(self) -> None:
        saved = open_basket.load(self._conn, self.terminal_id)
        if saved is None:
            return
        found = recovered_basket(saved)
        if not found.basket.is_empty() or found.tenders:
            raise PosError(
                "A sale is still open on this till: finish it, park it or cancel it "
                "before closing.",
                code="basket_open",
                sale_id=found.sale_id,
            )

    def sealed(self, session_id: str) -> ClosureMade | None:
        """A closed session's day closure: its seq and signature excerpt (the Z screen)."""
        return day_closure(self.store, session_id)

    # -- helpers ---------------------------------------------------------------------------

    def _close_due_periods(self, actor: Actor | None = None) -> None:
        if self.closures is not None:
            self.closures.close_due(actor)

    def _open_session(self) -> TillSession:
        session = till_sessions.current(self._conn, self.terminal_id)
        if session is None:
            raise PosError(
                f"No till session is open on {self.terminal_id}: open the till with its "
                "counted float first.",
                code="no_session",
            )
        return session

    def _age(self, session: TillSession) -> timedelta:
        return _instant(self._clock()) - _instant(session.opened_at)


def _closed_detail(session_id: str, rows, approval_id: str | None) -> dict[str, object]:
    return {
        "session_id": session_id,
        "expected_cents": sum(row.expected_cents for row in rows),
        "counted_cents": sum(row.counted_cents for row in rows),
        "difference_cents": total_difference(rows),
        "approval_id": approval_id,
    }


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _reason(reason: MovementReason | str, note: str) -> MovementReason:
    try:
        why = MovementReason(reason)
    except ValueError:
        known = ", ".join(r.value for r in MovementReason)
        raise PosError(
            f"“{reason}” is not a reason for a cash movement ({known}).",
            code="movement_reason_unknown",
            reason=str(reason),
        ) from None
    if not isinstance(note, str) or len(note) > MAX_NOTE:
        raise PosError(
            f"The note must be text of at most {MAX_NOTE} characters.", code="movement_note_refused"
        )
    if why is MovementReason.OTHER and not note.strip():
        raise PosError(
            "Say what the cash movement is for: “other” needs a note.",
            code="movement_note_missing",
        )
    return why
