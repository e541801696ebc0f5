"""Loyalty points as a tender at the till, and the points a sale earns (issue 15).

The attached customer's points pay part of the sale. Online, central debits them
*before* the tender is recorded, under the op id ``<sale_id>:loyalty:<n>`` (the tender's
reference): a retry after a lost answer is the same op id, never a second debit; a
refusal (balance too low, below the rule's minimum) records nothing. Offline (no central
answer), at most ``offline_cap_points`` (0: no offline redemption), within the customer's
cached balance and at most once per customer per sale: the tender is recorded, then the
redemption queued in the till's file (``pos.store.loyalty_owed``) for the sync engine. A
debit whose answer was lost and that the offline rule then refuses is given back
(reversal queued). Removing the tender or cancelling the sale reverses the redemption,
queued first and tried at once. Calls are blocking: made off the GUI thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from hardware.receipt.loyalty_lines import LoyaltyLines
from pos.domain.errors import PosError
from pos.domain.loyalty import EarningLine, LoyaltyRule, points_earned, redemption_cents
from pos.domain.rights import Approval
from pos.domain.sale import SaleDraft, SaleLine, SaleTender
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.store import loyalty_owed
from pos.store.loyalty_owed import OwedCall
from sync.contract.refusals import LOYALTY_BALANCE, LOYALTY_BELOW_MINIMUM, NOT_FOUND, NOT_SUPPORTED
from sync.ports import CentralError, CentralRejected, CentralUnavailable

if TYPE_CHECKING:  # the wire model (pydantic) loads at the first redemption, not at start
    from sync.contract.loyalty import LoyaltyRedemption

DEFAULT_OFFLINE_CAP_POINTS = 500
NO_CUSTOMER = "loyalty_no_customer"
NEEDS_REFERENCE_SERVER = "loyalty_needs_reference_server"
OFFLINE_CAP = "loyalty_offline_cap"
OFFLINE_TWICE = "loyalty_offline_twice"
OFFLINE_OFF = "loyalty_offline_disabled"
WORTH_NOTHING = "loyalty_worth_nothing"


class LoyaltyCalls(Protocol):
    """Central's loyalty calls (``sync.client.HttpCentral``)."""

    def loyalty_rule(self) -> object: ...

    def loyalty_account(self, customer_id: str) -> object: ...

    def redeem_points(self, customer_id: str, redemption: LoyaltyRedemption) -> object: ...

    def reverse_redemption(self, customer_id: str, op_id: str) -> object: ...


@dataclass(frozen=True, slots=True)
class PointsTaken:
    """Points taken as tender ``index``; ``balance`` left after it (central's answer, or
    the cached balance less the points when ``offline``)."""

    op_id: str
    points: int
    amount_cents: int
    index: int
    balance: int
    offline: bool


@dataclass(frozen=True, slots=True)
class LoyaltyFigures:
    """What the receipt prints: earned, redeemed, and the new balance (``estimated``: not
    confirmed by central)."""

    earned: int
    redeemed: int
    balance: int
    estimated: bool
    taken_back: int = 0


def points_to_cover(due_cents: int, balance: int, rule: LoyaltyRule) -> int:
    """The fewest points worth as much of ``due_cents`` as the balance can pay."""
    if due_cents <= 0 or balance <= 0:
        return 0
    points = min(-(-due_cents * rule.redeem_points // rule.redeem_cents), balance)
    while points > 0 and redemption_cents(points, rule) > due_cents:
        points -= 1
    best = redemption_cents(points, rule)
    while points > 1 and redemption_cents(points - 1, rule) == best:
        points -= 1
    return points


def cached_balance(checkout: Checkout, customer_id: str) -> int:
    """The customer's balance as the customers feed last brought it (0: unknown here)."""
    row = checkout.store.conn.execute(
        "SELECT loyalty_points FROM customers WHERE id = ?", (customer_id,)
    ).fetchone()
    return int(row[0]) if row is not None and row[0] is not None else 0


def loyalty_offered(checkout: Checkout) -> bool:
    """False once central said it keeps no points (Medusa): none offered, none printed."""
    return loyalty_owed.offered(checkout.store.conn)


def cached_rule(checkout: Checkout) -> LoyaltyRule:
    """Central's loyalty rule as this till last cached it."""
    return loyalty_owed.load_rule(checkout.store.conn)


def earned_by(checkout: Checkout, draft: SaleDraft, rule: LoyaltyRule) -> int:
    """The points ``draft`` earns by central's rule (its sold lines, by department)."""
    return _points(checkout, [line for line in draft.lines if line.returned is None], rule)


def taken_back_by(checkout: Checkout, draft: SaleDraft, rule: LoyaltyRule) -> int:
    """The points a return ticket takes back: what its returned lines earned, by the same
    rule (central takes back per origin sale; a euro split across two returns may round
    one point apart there)."""
    returned = [line for line in draft.lines if line.returned is not None]
    flipped = [replace(line, total_cents=-line.total_cents) for line in returned]
    return _points(checkout, flipped, rule)


def _points(checkout: Checkout, sold: list[SaleLine], rule: LoyaltyRule) -> int:
    if not sold:
        return 0
    ids = sorted({line.product_id for line in sold})
    marks = ",".join("?" * len(ids))
    departments = dict(
        checkout.store.conn.execute(
            f"SELECT id, department FROM products WHERE id IN ({marks})", ids
        ).fetchall()
    )
    lines = [EarningLine(line.total_cents, departments.get(line.product_id)) for line in sold]
    return points_earned(lines, rule)


class LoyaltyTill:
    """Points spent on ``checkout``'s sale; ``calls`` None: no central linked."""

    def __init__(
        self,
        checkout: Checkout,
        *,
        calls: LoyaltyCalls | None,
        offline_cap_points: int = DEFAULT_OFFLINE_CAP_POINTS,
    ) -> None:
        self.checkout, self.calls, self.offline_cap_points = checkout, calls, offline_cap_points
        self._taken: dict[str, tuple[str, int]] = {}  # op id -> (customer, points)

    @property
    def rule(self) -> LoyaltyRule:
        return cached_rule(self.checkout)

    @property
    def redeemed_points(self) -> int:
        """Points the open sale's tenders took."""
        refs = {t.reference for t in self.checkout.payment.tenders if _is_points(t)}
        return sum(points for op_id, (_c, points) in self._taken.items() if op_id in refs)

    def take(self, points: int | None = None) -> PointsTaken:
        """Pay with ``points`` of the attached customer (None: as many as cover what is
        due, within the cached balance). ``PosError`` when refused: nothing recorded."""
        customer_id = self.checkout.customer_id
        if customer_id is None:
            raise PosError("Attach the customer to the sale first.", code=NO_CUSTOMER)
        if not loyalty_offered(self.checkout):
            raise PosError(_MESSAGES[NOT_SUPPORTED], code=NEEDS_REFERENCE_SERVER)
        rule, due = self.rule, self._due()
        balance = cached_balance(self.checkout, customer_id)
        if points is None:
            points = points_to_cover(due, balance, rule)
        amount = redemption_cents(points, rule) if points > 0 else 0
        if amount <= 0:
            raise PosError("These points are worth nothing yet.", code=WORTH_NOTHING)
        op_id, index = self._next_op_id(), len(self.checkout.payment.tenders)
        self.checkout.check_tender(TenderKind.LOYALTY, amount, op_id)
        if self.calls is not None:
            try:
                left = self._redeem_online(self.calls, customer_id, op_id, points)
            except CentralUnavailable:
                pass  # the offline rule; the debit may have reached central: see below
            else:
                self._record(customer_id, op_id, points, amount)
                return PointsTaken(op_id, points, amount, index, left, False)
        try:
            self._check_offline(customer_id, points, balance, rule)
        except PosError:
            if self.calls is not None:  # a debit whose answer was lost is given back
                self._owe_reversal(customer_id, op_id, points)
            raise
        owed = OwedCall(op_id, "redeem", customer_id, self.checkout.sale_id, points)
        self.checkout.add_tender_with(
            TenderKind.LOYALTY, amount, op_id, lambda conn: loyalty_owed.queue(conn, owed)
        )  # the tender and the debit it owes central: one commit
        self._taken[op_id] = (customer_id, points)
        return PointsTaken(op_id, points, amount, index, balance - points, True)

    def remove(self, index: int) -> SaleTender:
        """Take back tender ``index``; a points tender's redemption is reversed."""
        tenders = self.checkout.payment.tenders
        paid = tenders[index] if 0 <= index < len(tenders) else None
        owed = [paid.reference] if paid is not None and _is_points(paid) else []
        return self._giving_back(owed, lambda: self.checkout.remove_tender(index))

    def cancel(
        self,
        approval: Approval | None = None,
        cancel: Callable[[Approval | None], None] | None = None,
    ) -> None:
        """Cancel the sale; every points tender's redemption is reversed."""
        owed = [t.reference for t in self.checkout.payment.tenders if _is_points(t)]
        self._giving_back(owed, lambda: (cancel or self.checkout.cancel)(approval))

    def figures(self, draft: SaleDraft, balance_before: int, confirmed: bool) -> LoyaltyFigures:
        """The receipt's loyalty figures for ``draft`` paid on this till: ``balance_before``
        is the customer's balance before it (cached, or central's last answer)."""
        rule = self.rule
        earned = earned_by(self.checkout, draft, rule)
        taken_back = taken_back_by(self.checkout, draft, rule)
        redeemed = sum(self._points_of(t, rule) for t in draft.tenders if _is_points(t))
        balance = max(balance_before + earned - redeemed - taken_back, 0)
        return LoyaltyFigures(earned, redeemed, balance, not confirmed, taken_back)

    def _points_of(self, tender: SaleTender, rule: LoyaltyRule) -> int:
        """The points a tender took: as recorded here, else (a sale from before a restart)
        the fewest points worth its amount by the rule."""
        taken = self._taken.get(tender.reference)
        return taken[1] if taken else points_to_cover(tender.amount_cents, 10**12, rule)

    def receipt_lines(self, draft: SaleDraft, balance_before: int, confirmed: bool) -> LoyaltyLines:
        """What the ticket prints (``receipts.receipt_document(loyalty=…)``)."""
        f = self.figures(draft, balance_before, confirmed)
        return LoyaltyLines(f.earned, f.balance, f.estimated, f.redeemed, f.taken_back)

    def _redeem_online(self, calls: LoyaltyCalls, customer_id: str, op_id: str, points: int) -> int:
        from sync.contract.loyalty import LoyaltyRedemption  # not at start: pydantic

        body = LoyaltyRedemption(op_id=op_id, points=points, sale_id=self.checkout.sale_id)
        try:
            with loyalty_owed.SENDING:
                result = calls.redeem_points(customer_id, body)
        except CentralRejected as exc:
            raise _refused(exc) from None
        amount = redemption_cents(points, self.rule)
        try:
            self.checkout.add_tender(TenderKind.LOYALTY, amount, op_id)
        except PosError:
            self._owe_reversal(customer_id, op_id, points)
            raise
        return int(getattr(result, "balance", 0))

    def _record(self, customer_id: str, op_id: str, points: int, amount: int) -> None:
        self._taken[op_id] = (customer_id, points)

    def _check_offline(
        self, customer_id: str, points: int, balance: int, rule: LoyaltyRule
    ) -> None:
        cap = self.offline_cap_points
        if cap <= 0:
            raise PosError(
                "Points cannot be spent offline at this till: try again once online.",
                code=OFFLINE_OFF,
            )
        if points > cap:
            raise PosError(
                f"Offline, at most {cap} points can be spent: take the rest another way, "
                "or try again once online.",
                code=OFFLINE_CAP, cap_points=cap,
            )  # fmt: skip
        sale_id = self.checkout.sale_id
        queued = loyalty_owed.of_sale(self.checkout.store.conn, sale_id)
        if any(c.customer_id == customer_id and c.action == "redeem" for c in queued):
            raise PosError(
                "Offline, points are spent once per sale: take the rest another way.",
                code=OFFLINE_TWICE,
            )
        if points > balance:
            raise PosError(
                f"This customer has {balance} points.", code=LOYALTY_BALANCE, balance=balance
            )
        if points < rule.min_redeem_points:
            raise PosError(
                f"At least {rule.min_redeem_points} points are spent at a time.",
                code=LOYALTY_BELOW_MINIMUM,
            )

    def _giving_back(self, op_ids: list[str], change: Callable[[], object]) -> object:
        """Queue each redemption's reversal, make ``change``, then try them at once."""
        conn = self.checkout.store.conn
        owed = [self._owed_reversal(op_id) for op_id in op_ids]
        with loyalty_owed.SENDING:
            before = {c.op_id: loyalty_owed.get(conn, c.op_id) for c in owed}
            for call in owed:
                loyalty_owed.queue(conn, call)
            try:
                done = change()
            except BaseException:
                for call in owed:  # the tender stays: its redemption stands
                    previous = before[call.op_id]
                    loyalty_owed.done(conn, call.op_id, "reverse")
                    if previous is not None:
                        loyalty_owed.queue(conn, previous)
                raise
        for call in owed:
            self._taken.pop(call.op_id, None)
            self._send(call)
        return done

    def _owed_reversal(self, op_id: str) -> OwedCall:
        customer_id, points = self._taken.get(op_id, (self.checkout.customer_id or "", 0))
        if points <= 0:  # taken before a restart: the queued redemption, if any, knows
            queued = loyalty_owed.get(self.checkout.store.conn, op_id)
            points = queued.points if queued is not None else 1
            customer_id = queued.customer_id if queued is not None else customer_id
        return OwedCall(op_id, "reverse", customer_id, self.checkout.sale_id, points)

    def _owe_reversal(self, customer_id: str, op_id: str, points: int) -> None:
        call = OwedCall(op_id, "reverse", customer_id, self.checkout.sale_id, points)
        loyalty_owed.queue(self.checkout.store.conn, call)
        self._send(call)

    def _send(self, call: OwedCall) -> None:
        from sync.engine.loyalty_owed import send_one  # not at start: the engine

        if self.calls is None:
            return
        with contextlib.suppress(CentralError):  # queued: the engine sends it again
            send_one(self.checkout.store.conn, self.calls, call)

    def _next_op_id(self) -> str:
        sale_id = self.checkout.sale_id
        used = {t.reference for t in self.checkout.payment.tenders if _is_points(t)}
        used |= {c.op_id for c in loyalty_owed.of_sale(self.checkout.store.conn, sale_id)}
        used |= set(self._taken)
        n = 1
        while f"{sale_id}:loyalty:{n}" in used:
            n += 1
        return f"{sale_id}:loyalty:{n}"

    def _due(self) -> int:
        payment = self.checkout.payment
        return payment.remaining_cents if payment.tenders else self.checkout.totals().total_cents


def _is_points(tender: SaleTender) -> bool:
    return tender.kind == TenderKind.LOYALTY.value and tender.amount_cents > 0


_MESSAGES = {
    LOYALTY_BALANCE: "This customer does not have enough points: nothing was taken.",
    LOYALTY_BELOW_MINIMUM: "Too few points for one redemption: nothing was taken.",
    NOT_FOUND: "Central does not know this customer: points cannot be spent.",
    NOT_SUPPORTED: "Loyalty points need the reference central server: this platform keeps none.",
}


def _refused(exc: CentralRejected) -> PosError:
    code = NEEDS_REFERENCE_SERVER if exc.code == NOT_SUPPORTED else exc.code or "loyalty_refused"
    message = _MESSAGES.get(exc.code, f"Central refused these points: {exc.message}")
    return PosError(message, code=code)
