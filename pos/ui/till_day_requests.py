"""The till day's requests, run on the till worker beside the sale: open, cash in/out, X, Z.

``TillSessions`` uses the store's connection, so it lives on the till worker's thread with
the ``Checkout`` it gates; the screens only send requests and read the answers (queued
signals declared on ``TillWorker``). A refusal of a till-day request is answered on
``day_refused``, not on the sale's ``refused``, so the dialog that asked shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pos.domain.errors import PosError
from pos.domain.rights import Approval, Right
from pos.domain.till_day import (
    ClosingCount,
    MovementKind,
    TenderCount,
    TillSession,
    close_figures,
    total_difference,
)
from pos.services.errors import StoreError
from pos.services.till_session import TillSessions


@dataclass(frozen=True, slots=True)
class SessionState:
    """What the till may do now: sell (open and fresh), close first (too old), or open."""

    session: TillSession | None
    too_old: bool = False
    max_hours: int = 24

    @property
    def can_sell(self) -> bool:
        return self.session is not None and not self.too_old


@dataclass(frozen=True, slots=True)
class ZComparison:
    """The blind count against the figures, shown only once the count is entered."""

    counted: ClosingCount
    rows: tuple[TenderCount, ...]
    difference_cents: int
    limit_cents: int
    needs_approval: bool  # above the limit and the closer may not accept it alone


class TillDayRequests:
    """Mixed into ``TillWorker``: ``_do_*`` requests of the till day (worker thread)."""

    _sessions: TillSessions | None
    session_state: Any
    day_refused: Any
    moved: Any
    x_ready: Any
    z_ready: Any
    z_compared: Any
    z_closed: Any
    checkout: Any

    def _day(self) -> TillSessions:
        if self._sessions is None:
            raise PosError("The till is still opening: wait a moment.", code="not_ready")
        return self._sessions

    def _answer(self, act: Callable[[], Any]) -> Any:
        """Run ``act``; a refusal goes to ``day_refused`` (and None is returned)."""
        try:
            return act()
        except PosError as exc:
            self.day_refused.emit(exc.code, exc.message, dict(exc.params))
        except StoreError as exc:
            self.day_refused.emit(exc.code, exc.message, {})
        return None

    def _do_session_check(self) -> None:
        sessions = self._day()
        session = sessions.current()
        too_old = session is not None and sessions.is_too_old(session)
        hours = int(sessions.max_age.total_seconds() // 3600)
        self.session_state.emit(SessionState(session, too_old, hours))

    def _do_open_session(self, counts: dict[int, int]) -> None:
        if self._answer(lambda: self._day().open(self.checkout.actor, counts)) is not None:
            self._do_session_check()

    def _do_cash_move(
        self, kind: str, cents: int, reason: str, note: str, approval: Approval | None
    ) -> None:
        sessions = self._day()
        move = sessions.cash_in if kind == MovementKind.IN.value else sessions.cash_out
        done = self._answer(lambda: move(self.checkout.actor, cents, reason, note, approval))
        if done is not None:
            self.moved.emit(done)

    def _do_x_report(self) -> None:
        figures = self._answer(self._day().x_report)
        if figures is not None:
            self.x_ready.emit(figures)

    def _do_z_begin(self) -> None:
        """Before the count: nothing may be open in the sale, and a session must be."""

        def check() -> bool:
            checkout = self.checkout
            if not checkout.basket.is_empty() or checkout.payment.tenders:
                raise PosError(
                    "A sale is still open on this till: finish it, park it or cancel it "
                    "before closing.",
                    code="basket_open",
                )
            if self._day().current() is None:
                raise PosError("No till session is open on this till.", code="no_session")
            return True

        if self._answer(check):
            self.z_ready.emit()

    def _do_z_compare(self, counted: ClosingCount) -> None:
        def compare() -> ZComparison:
            sessions = self._day()
            rows = close_figures(sessions.x_report(), counted)
            difference = total_difference(rows)
            limit = sessions.difference_limit_cents
            alone = self.checkout.actor.may(Right.CLOSE_WITH_DIFFERENCE)
            return ZComparison(counted, rows, difference, limit, difference > limit and not alone)

        comparison = self._answer(compare)
        if comparison is not None:
            self.z_compared.emit(comparison)

    def _do_z_close(self, counted: ClosingCount, approval: Approval | None) -> None:
        report = self._answer(lambda: self._day().close(self.checkout.actor, counted, approval))
        if report is not None:
            sealed = self._day().sealed(report["session_id"])  # its closure chain entry
            if sealed is not None:
                report = {**report, "sealed": {"seq": sealed.seq, "excerpt": sealed.excerpt}}
            self.z_closed.emit(report)
            self._do_session_check()
