"""Spending a credit note (avoir) as a payment at the till.

The code is read first (``normalize_credit_note_code``: a typo or a forgery is refused
before any call). Online, the balance is read and the amount debited centrally *before*
the tender is taken, under the op id ``<sale_id>:t<seq>`` (the tender's place in the
sale: the push matches it), so a credit note cannot be spent twice at two tills.
Removing that tender, or cancelling the sale, reverses the debit: the reversal is queued
in the till's file first (``pos.store.credit_note_reversals``), tried at once, and what
central did not answer is sent again by the sync engine until it does; one still queued
for a place is sent before that place is debited again. When the central API
cannot be reached, keeps no credit notes (Medusa without Comptoir's plugin) or none is
linked, or it does not know yet a note this till issued
(its return ticket not pushed), at most ``offline_credit_note_limit_cents`` is taken
(and of a note this till issued, at most what its tickets left of it), and the fact is
recorded in the JET (``credit_note_offline``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from pos.domain import fiscal_events as fe
from pos.domain.errors import PosError
from pos.domain.money import format_eur
from pos.domain.rights import Approval
from pos.domain.sale import SaleTender
from pos.domain.tenders import Payment, TenderKind
from pos.services.checkout import Checkout
from pos.services.return_calls import ReturnCalls
from pos.store import credit_note_reversals as reversals
from pos.store import returns as local_returns
from sync.contract.codes import normalize_credit_note_code
from sync.contract.refusals import CREDIT_NOTE_EXPIRED, CREDIT_NOTE_SPENT, NOT_SUPPORTED
from sync.ports import CentralError, CentralRejected, CentralUnavailable, NotAuthorised

_T = TypeVar("_T")

_REFUSED = {
    CREDIT_NOTE_SPENT: "This credit note has already been spent.",
    CREDIT_NOTE_EXPIRED: "This credit note has expired.",
}
UNKNOWN = "credit_note_unknown"  # central knows no credit note with this code


@dataclass(frozen=True, slots=True)
class CreditNoteTaken:
    """A credit note taken as tender ``index`` (0-based) of the sale."""

    code: str
    amount_cents: int
    index: int
    balance_cents: int | None  # left on the note after this payment; None: not known (offline)


class CreditNoteTill:
    """Credit notes spent on ``checkout``'s sale; ``calls`` None: no central linked."""

    def __init__(
        self, checkout: Checkout, *, calls: ReturnCalls | None, offline_limit_cents: int = 5000
    ) -> None:
        self.checkout = checkout
        self.calls = calls
        self.offline_limit_cents = offline_limit_cents
        self._debits: dict[str, str] = {}  # op id -> code, debited centrally for this sale

    def spend(self, text: str, amount_cents: int | None = None) -> Payment:
        """Pay ``amount_cents`` (at most what is due; None: see ``take``) with the credit
        note ``text``."""
        self.take(text, amount_cents)
        return self.checkout.payment

    def take(self, text: str, amount_cents: int | None = None) -> CreditNoteTaken:
        """Take the credit note ``text`` as a tender (``CreditNoteTaken``: its place, the
        amount, the balance left when known). ``amount_cents`` None: what is due, lowered
        to the note's balance when it is known (central's; offline, what this till's
        tickets left of a note it issued), under the offline limit offline."""
        code = normalize_credit_note_code(text)
        if code is None:
            raise PosError(
                "This is not a valid credit note code: check it and type it again.",
                code="not_a_credit_note",
            )
        payment = self.checkout.payment
        due = payment.remaining_cents if payment.tenders else self.checkout.totals().total_cents
        exact = amount_cents is not None
        amount_cents = amount_cents if amount_cents is not None else due
        if payment.refunding or amount_cents <= 0 or amount_cents > due:
            raise PosError(
                f"A credit note pays at most the {format_eur(max(due, 0))} due.",
                code="tender_exceeds_due",
            )
        sale_id = self.checkout.sale_id
        index = len(payment.tenders)
        op_id = f"{sale_id}:t{index + 1}"
        amount_cents, balance = self._debit(code, op_id, amount_cents, exact=exact)
        if op_id in self._debits:  # debited centrally: reversed if the tender is refused
            try:
                self.checkout.add_tender(TenderKind.CREDIT_NOTE, amount_cents, code)
            except PosError:
                del self._debits[op_id]
                self._reverse(code, op_id)
                raise
            return CreditNoteTaken(code, amount_cents, index, balance)
        self.checkout.add_tender(TenderKind.CREDIT_NOTE, amount_cents, code)
        detail = {"sale_id": sale_id, "code": code, "amount_cents": amount_cents, "op_id": op_id}
        self.checkout.journal.record(fe.CREDIT_NOTE_OFFLINE, detail, actor=self.checkout.actor)
        return CreditNoteTaken(code, amount_cents, index, balance)

    def remove(self, index: int) -> SaleTender:
        """Take back tender ``index``; a credit note's central debit is reversed (one taken
        before a restart too: any credit note paid may have been debited). A tender before
        a credit note stays (the note's op id names its place in the sale)."""
        tenders = self.checkout.payment.tenders
        if any(_spent(t) for t in tenders[index + 1 :]):
            raise PosError(
                "Remove the credit note paid after this payment first.",
                code="credit_note_after",
            )
        op_id = f"{self.checkout.sale_id}:t{index + 1}"
        paid = tenders[index] if 0 <= index < len(tenders) else None
        owed = [(paid.reference, op_id)] if paid is not None and _spent(paid) else []
        removed = self._giving_back(owed, lambda: self.checkout.remove_tender(index))
        self._debits.pop(op_id, None)
        return removed

    def cancel(
        self,
        approval: Approval | None = None,
        cancel: Callable[[Approval | None], None] | None = None,
    ) -> None:
        """Cancel the sale (with ``cancel``, e.g. a return desk's that also releases its
        claim; else the checkout's); every credit note paid for it is credited back."""
        sale_id, tenders = self.checkout.sale_id, self.checkout.payment.tenders
        owed = [(t.reference, f"{sale_id}:t{seq}") for seq, t in enumerate(tenders, start=1)
                if _spent(t)]  # fmt: skip
        self._giving_back(owed, lambda: (cancel or self.checkout.cancel)(approval))
        self._debits = {}

    def _giving_back(self, owed: list[tuple[str, str]], change: Callable[[], _T]) -> _T:
        """Make ``change`` (a tender removed, the sale cancelled) giving back the debits
        ``owed`` ((code, op id), credit notes paying only): queued *before* the change, so
        a crash between the two leaves a reversal to send, never a debit forgotten (a
        reversed debit whose tender survived is debited again by the sale's push); taken
        back if the change is refused (the engine sends nothing meanwhile); then tried at
        once."""
        conn = self.checkout.store.conn
        fresh = []
        with reversals.SENDING:
            if self.calls is not None:  # without a central link nothing was debited
                for code, op_id in owed:
                    if reversals.queued(conn, op_id) is None:
                        reversals.queue(conn, code, op_id)
                        fresh.append(op_id)
            try:
                done = change()
            except BaseException:
                for op_id in fresh:
                    reversals.done(conn, op_id)
                raise
        for code, op_id in owed:
            self._reverse(code, op_id)
        return done

    def _debit(
        self, code: str, op_id: str, amount_cents: int, *, exact: bool
    ) -> tuple[int, int | None]:
        """Debit centrally: (amount, balance left); or the offline rule: (amount, what
        this till's own tickets left of a note it issued, else None). ``exact`` False:
        ``amount_cents`` is what is due, lowered to the note's balance when it is known."""
        if self.calls is not None:
            try:
                with reversals.SENDING:  # no queued reversal of this place after the debit
                    return self._debit_online(self.calls, code, op_id, amount_cents, exact)
            except CentralUnavailable:
                pass  # the offline rule below
            except CentralRejected as exc:
                if exc.code != NOT_SUPPORTED:  # else no notes there (Medusa, no plugin): offline
                    local = self._issued_here_not_pushed(code, exc.code)
                    if local is None:
                        raise _refused(exc.code) from exc
                    amount_cents = _within(local, amount_cents, exact)
                    self._check_offline_limit(amount_cents)
                    return amount_cents, local - amount_cents
        local = local_returns.local_credit_note_balance(self.checkout.store.conn, code)
        if local is not None:  # issued here: what this till's tickets left of it
            amount_cents = _within(local, amount_cents, exact)
        self._check_offline_limit(amount_cents)
        return amount_cents, None if local is None else local - amount_cents

    def _debit_online(
        self, calls: ReturnCalls, code: str, op_id: str, amount_cents: int, exact: bool
    ) -> tuple[int, int]:
        from sync.contract.returns import CreditNoteDebit  # not at start: pydantic

        self._settle_queued_reversal(calls, op_id)
        note = calls.credit_note(code)
        if note.status != "active":
            raise _refused(CREDIT_NOTE_EXPIRED if note.status == "expired" else CREDIT_NOTE_SPENT)
        amount_cents = _within(note.balance_cents, amount_cents, exact)
        debit = CreditNoteDebit(op_id=op_id, amount_cents=amount_cents, channel="store")
        left = calls.debit_credit_note(code, debit).balance_cents
        self._debits[op_id] = code
        return amount_cents, left

    def _settle_queued_reversal(self, calls: ReturnCalls, op_id: str) -> None:
        """A tender removed from this place whose reversal central has not had yet: sent
        now, before the place is debited again (a late reversal would give the new debit
        back). ``CentralUnavailable`` goes up: the offline rule applies."""
        from sync.engine.credit_note_reversals import reverse  # not at start

        conn = self.checkout.store.conn
        queued = reversals.queued(conn, op_id)
        if queued is None:
            return
        try:
            if reverse(conn, calls, queued.code, op_id):
                return
        except NotAuthorised as exc:
            raise _reversal_pending() from exc
        raise _reversal_pending()

    def _check_offline_limit(self, amount_cents: int) -> None:
        if amount_cents > self.offline_limit_cents:
            raise PosError(
                f"Offline, a credit note pays at most {format_eur(self.offline_limit_cents)}: "
                "take the rest another way, or try again once online.",
                code="offline_credit_note_limit",
                limit_cents=self.offline_limit_cents,
            )

    def _issued_here_not_pushed(self, code: str, refusal: str) -> int | None:
        """What is left on a note this till issued that central does not know yet (its
        return ticket not pushed): spent under the offline rule; None for any other."""
        if refusal != "not_found":
            return None
        return local_returns.local_credit_note_balance(self.checkout.store.conn, code)

    def _reverse(self, code: str, op_id: str) -> None:
        """Give debit ``op_id`` back: queued first (the sync engine sends it again until
        central answers), then tried at once. Without a central link nothing was debited."""
        from sync.engine.credit_note_reversals import reverse  # not at start: the engine

        if self.calls is None:
            return
        conn = self.checkout.store.conn
        reversals.queue(conn, code, op_id)  # kept if queued already: that debit stands
        with reversals.SENDING, contextlib.suppress(CentralError):  # queued: sent again
            queued = reversals.queued(conn, op_id)
            if queued is not None:
                reverse(conn, self.calls, queued.code, op_id)


def _spent(tender: SaleTender) -> bool:
    """A credit note paying (not one a refund issues)."""
    return tender.kind == TenderKind.CREDIT_NOTE.value and tender.amount_cents > 0


def _within(balance_cents: int, amount_cents: int, exact: bool) -> int:
    """The amount taken: ``amount_cents`` if the note covers it, else its balance (or a
    refusal, when the cashier typed the amount)."""
    if balance_cents <= 0:
        raise _refused(CREDIT_NOTE_SPENT)
    if balance_cents >= amount_cents:
        return amount_cents
    if not exact:
        return balance_cents
    raise PosError(
        f"This credit note has {format_eur(balance_cents)} left.",
        code="credit_note_balance",
        balance_cents=balance_cents,
    )


def _refused(code: str) -> PosError:
    if code == "not_found":
        return PosError("No credit note of this shop has this code.", code=UNKNOWN)
    return PosError(_REFUSED.get(code, "The central server refused this credit note."),
                    code=code or "credit_note_refused")  # fmt: skip


def _reversal_pending() -> PosError:
    return PosError(
        "A credit note removed from this sale could not be given back yet: pay this part "
        "another way, or ask a manager to check the operations.",
        code="credit_note_reversal_pending",
    )
