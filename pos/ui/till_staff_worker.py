"""The till worker's staff requests: sign-in and switch, and a manager's approval.

Mixed into ``TillWorker`` so that the PIN checks (argon2, ~0.1 s each) run on the
worker thread, in the same order as the acts they guard. Their answers come back on
signals of their own (``signed_in`` / ``sign_in_refused``, ``approval_answered``) so a
wrong PIN is shown on the pad that asked, never in the sale's message line.

An act the services refuse with an approvable ``right_refused`` (a discount above the
limit, cancelling a sale, the drawer without a sale, a void after payment started) is
answered with ``approval_needed(ApprovalAsk)``; once a manager approves it, the worker
runs the SAME act again with the approval.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.rights import APPROVABLE, Actor, Approval, Right, RightRefused
from pos.services.approvals import Approvals
from pos.services.staff import StaffDirectory
from pos.ui.qt import Signal
from pos.ui.worker_thread import RequestWorker


def approvable(act: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """For a worker's ``_do_`` method whose last, optional argument is an approval: a
    refusal a manager may lift becomes ``approval_needed`` instead of ``refused``.
    (A decorator, not an override of ``run``: PySide would then call ``run`` directly on
    the GUI thread instead of queueing it to the worker's.)"""

    def wrap(method: Callable[..., None]) -> Callable[..., None]:
        @wraps(method)
        def gated(self: StaffRequests, *args: Any) -> None:
            try:
                method(self, *args)
            except RightRefused as exc:
                if exc.right not in APPROVABLE or (args and isinstance(args[-1], Approval)):
                    raise
                self.approval_needed.emit(self._ask(act, args, exc.right))

        return gated

    return wrap


@dataclass(frozen=True, slots=True)
class ApprovalAsk:
    """An act refused for want of ``right``, with what the dialog needs to word it."""

    act: str
    args: tuple[Any, ...]
    right: Right
    asker: Actor
    facts: dict[str, Any]  # product, percent_bp, items, total_cents, reason…
    amount_cents: int | None


@dataclass(frozen=True, slots=True)
class SignedIn:
    actor: Actor
    language: str
    resumed: bool  # their basket, parked when someone else signed in, is back
    parked_for: str  # the display name whose basket was just parked ("" if none)


class StaffRequests(RequestWorker):
    signed_in = Signal(object)  # SignedIn
    sign_in_refused = Signal(str, str, object)  # code, English message, params
    approval_needed = Signal(object)  # ApprovalAsk
    approval_answered = Signal(str, str, object, object)  # code ("" = done), msg, params, Approval

    staff_listed = Signal(object, object, bool)  # members, {id: locked until}, first start

    def __init__(self) -> None:
        super().__init__()
        #: staff id → the basket parked under them when someone else signed in.
        self._parked_by_author: dict[str, str] = {}
        self._signed_in: Actor | None = None
        self._present = False  # the signed-in person has not signed out (lock, idle) since

    # -- sign-in and switch ---------------------------------------------------------------

    def _do_sign_in(self, who: str, pin: str) -> None:
        """A staff id or badge and a PIN. Another person than the basket's author: the
        open basket is parked under its author, and the newcomer's own parked basket (if
        any) comes back; the same person just continues."""
        directory = self._directory()
        try:
            actor = directory.sign_in(who, pin)
            parked_for = self._switch_to(actor)
        except PosError as exc:
            self.sign_in_refused.emit(exc.code, exc.message, dict(exc.params))
            return
        resumed = self._resume_own_basket(actor)
        language = directory.member(actor.staff_id).language
        self._signed_in, self._present = actor, True
        self._changed()  # the basket first: it is painted when ``signed_in`` arrives
        self.signed_in.emit(SignedIn(actor, language, resumed, parked_for))

    def _do_create_first_admin(self, name: str, pin: str) -> None:
        directory = self._directory()
        try:
            actor = directory.create_first_admin(name, pin)
        except PosError as exc:
            self.sign_in_refused.emit(exc.code, exc.message, dict(exc.params))
            return
        self.checkout.switch_actor(actor)
        self._signed_in, self._present = actor, True
        self._changed()
        self.signed_in.emit(SignedIn(actor, directory.member(actor.staff_id).language, False, ""))

    def _do_list_staff(self) -> None:
        directory = self._directory()
        members = directory.list_active()
        locks = {m.staff_id: directory.locked_until(m.staff_id) for m in members}
        self.staff_listed.emit(members, locks, directory.needs_first_admin())

    def _do_sign_out(self, reason: str) -> None:
        """The till locked (F1, or idle): the signed-in person's sign-out is recorded."""
        if self._signed_in is not None and self._present:
            self._present = False
            self._directory().sign_out(self._signed_in, reason)

    def _switch_to(self, actor: Actor) -> str:
        checkout = self.checkout
        author = checkout.actor
        parked_for = ""
        another = self._signed_in is not None and author.staff_id != actor.staff_id
        if another and self._present:  # someone else signs in without a lock first
            self._do_sign_out("switch")
        if another and not checkout.basket.is_empty():
            self._parked_by_author[author.staff_id] = checkout.park()
            parked_for = author.display_name
            self.sale_set_aside.emit()
        checkout.switch_actor(actor)
        return parked_for

    def _resume_own_basket(self, actor: Actor) -> bool:
        parked_id = self._parked_by_author.pop(actor.staff_id, None)
        if parked_id is None or not self.checkout.basket.is_empty():
            return False
        try:
            self.checkout.resume(parked_id)
        except PosError:  # resumed meanwhile by hand (F8): nothing to bring back
            return False
        return True

    # -- approvals ------------------------------------------------------------------------

    def _ask(self, act: str, args: tuple[Any, ...], right: Right) -> ApprovalAsk:
        checkout = self.checkout
        totals = checkout.totals()
        facts: dict[str, Any] = {
            "items": sum(1 for _ in checkout.basket.active_lines()),
            "total_cents": totals.total_cents,
        }
        amount: int | None = None
        if act in ("line_discount", "void"):
            line = next(ln for ln in checkout.basket.active_lines() if ln.line_id == args[0])
            facts["product"] = line.product.name
            if act == "line_discount":
                facts["percent_bp"], facts["amount_cents"] = args[1], args[2]
                amount = _discount(args[1], args[2]).on(line.gross_cents)
            else:
                amount = line.gross_cents
        elif act == "cancel":
            amount = totals.total_cents
        elif act == "drawer":
            facts["reason"] = args[0]
        return ApprovalAsk(act, tuple(args), right, checkout.actor, facts, amount)

    def _do_approve(self, ask: ApprovalAsk, what: str, approver: str, pin: str) -> None:
        """The manager's PIN, then the act again with the approval; every refusal goes
        back to the dialog (``approval_answered``), which stays open for another try."""
        approval = self._approve(ask.right, what, ask.amount_cents, approver, pin)
        if approval is None:
            return
        try:
            getattr(self, f"_do_{ask.act}")(*ask.args, approval)
        except PosError as exc:
            self.approval_answered.emit(exc.code, exc.message, dict(exc.params), None)
            return
        self.approval_answered.emit("", "", {}, approval)

    def _do_approve_only(
        self, right: Right, what: str, amount_cents: int | None, approver: str, pin: str
    ) -> None:
        """An approval for a caller that runs its act itself (``request_approval``)."""
        approval = self._approve(right, what, amount_cents, approver, pin)
        if approval is not None:
            self.approval_answered.emit("", "", {}, approval)

    def _approve(
        self, right: Right, what: str, amount: int | None, approver: str, pin: str
    ) -> Approval | None:
        approvals = Approvals(self._directory(), terminal_id=self.checkout.terminal_id)
        try:
            return approvals.approve(self.checkout.actor, approver, pin, right, what, amount)
        except PosError as exc:
            self.approval_answered.emit(exc.code, exc.message, dict(exc.params), None)
            return None

    # -- provided by TillWorker -------------------------------------------------------------

    def _directory(self) -> StaffDirectory:  # pragma: no cover - TillWorker's
        raise NotImplementedError

    def _changed(self, last_line_id: int | None = None) -> None:  # pragma: no cover
        raise NotImplementedError


def _discount(percent_bp: int, amount_cents: int) -> Discount:
    return Discount.percent(percent_bp) if percent_bp else Discount.amount(amount_cents)
