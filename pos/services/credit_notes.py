"""Spending a credit note (avoir) as a payment at the till.

The code is read first (``normalize_credit_note_code``: a typo or a forgery is refused
before any call). Online, the balance is read and the amount debited centrally *before*
the tender is taken, under the op id ``<sale_id>:t<seq>`` (the tender's place in the
sale: the push matches it), so a credit note cannot be spent twice at two tills.
Removing that tender, or cancelling the sale, reverses the debit. When the central API
cannot be reached, keeps no credit notes (Medusa without Comptoir's plugin) or none is
linked, or it does not know yet a note this till issued (its return ticket not pushed),
at most ``offline_credit_note_limit_cents`` is taken, and the fact is recorded in the
JET (``credit_note_offline``).
"""

from __future__ import annotations

import contextlib

from pos.domain import fiscal_events as fe
from pos.domain.errors import PosError
from pos.domain.money import format_eur
from pos.domain.rights import Approval
from pos.domain.sale import SaleTender
from pos.domain.tenders import Payment, TenderKind
from pos.services.checkout import Checkout
from pos.services.return_calls import ReturnCalls
from pos.store import returns as local_returns
from sync.contract.codes import normalize_credit_note_code
from sync.contract.returns import (
    CREDIT_NOTE_EXPIRED,
    CREDIT_NOTE_SPENT,
    NOT_SUPPORTED,
    CreditNoteDebit,
)
from sync.ports import CentralError, CentralRejected, CentralUnavailable

_REFUSED = {
    CREDIT_NOTE_SPENT: "This credit note has already been spent.",
    CREDIT_NOTE_EXPIRED: "This credit note has expired.",
    "not_found": "No credit note of this shop has this code.",
}


class CreditNoteTill:
    """Credit notes spent on ``checkout``'s sale; ``calls`` None: no central linked."""

    def __init__(
        self, checkout: Checkout, *, calls: ReturnCalls | None, offline_limit_cents: int = 5000
    ) -> None:
        self.checkout = checkout
        self.calls = calls
        self.offline_limit_cents = offline_limit_cents
        self._debits: dict[str, str] = {}  # op id -> code, debited centrally for this sale

    def spend(self, text: str, amount_cents: int) -> Payment:
        """Pay ``amount_cents`` (at most what is due) with the credit note ``text``."""
        code = normalize_credit_note_code(text)
        if code is None:
            raise PosError(
                "This is not a valid credit note code: check it and type it again.",
                code="not_a_credit_note",
            )
        payment = self.checkout.payment
        if payment.refunding or amount_cents <= 0 or amount_cents > payment.remaining_cents:
            raise PosError(
                f"A credit note pays at most the {format_eur(payment.remaining_cents)} due.",
                code="tender_exceeds_due",
            )
        sale_id = self.checkout.sale_id
        op_id = f"{sale_id}:t{len(payment.tenders) + 1}"
        if self._debit(code, op_id, amount_cents):
            try:
                return self.checkout.add_tender(TenderKind.CREDIT_NOTE, amount_cents, code)
            except PosError:
                self._reverse(code, op_id)
                raise
        paid = self.checkout.add_tender(TenderKind.CREDIT_NOTE, amount_cents, code)
        detail = {"sale_id": sale_id, "code": code, "amount_cents": amount_cents, "op_id": op_id}
        self.checkout.journal.record(fe.CREDIT_NOTE_OFFLINE, detail, actor=self.checkout.actor)
        return paid

    def remove(self, index: int) -> SaleTender:
        """Take back tender ``index``; a credit note's central debit is reversed. A tender
        before a debited credit note stays (its op id names its place in the sale)."""
        sale_id = self.checkout.sale_id
        later = range(index + 2, len(self.checkout.payment.tenders) + 1)
        if any(f"{sale_id}:t{seq}" in self._debits for seq in later):
            raise PosError(
                "Remove the credit note paid after this payment first.",
                code="credit_note_after",
            )
        removed = self.checkout.remove_tender(index)
        op_id = f"{sale_id}:t{index + 1}"
        code = self._debits.pop(op_id, None)
        if code is not None:
            self._reverse(code, op_id)
        return removed

    def cancel(self, approval: Approval | None = None) -> None:
        """Cancel the sale; every credit note debited for it is credited back."""
        self.checkout.cancel(approval)
        debits, self._debits = self._debits, {}
        for op_id, code in debits.items():
            self._reverse(code, op_id)

    def _debit(self, code: str, op_id: str, amount_cents: int) -> bool:
        """Debit centrally (True), or check the offline limit (False)."""
        if self.calls is not None:
            try:
                note = self.calls.credit_note(code)
                if note.status != "active":
                    raise _refused(
                        CREDIT_NOTE_EXPIRED if note.status == "expired" else CREDIT_NOTE_SPENT
                    )
                if note.balance_cents < amount_cents:
                    raise PosError(
                        f"This credit note has {format_eur(note.balance_cents)} left.",
                        code="credit_note_balance",
                        balance_cents=note.balance_cents,
                    )
                debit = CreditNoteDebit(op_id=op_id, amount_cents=amount_cents, channel="store")
                self.calls.debit_credit_note(code, debit)
            except CentralUnavailable:
                pass  # the offline rule below
            except CentralRejected as exc:
                if exc.code == NOT_SUPPORTED:
                    pass  # central keeps no credit notes (Medusa without the plugin): offline
                elif not self._issued_here_not_pushed(code, exc.code, amount_cents):
                    raise _refused(exc.code) from exc
            else:
                self._debits[op_id] = code
                return True
        if amount_cents > self.offline_limit_cents:
            raise PosError(
                f"Offline, a credit note pays at most {format_eur(self.offline_limit_cents)}: "
                "take the rest another way, or try again once online.",
                code="offline_credit_note_limit",
                limit_cents=self.offline_limit_cents,
            )
        return False

    def _issued_here_not_pushed(self, code: str, refusal: str, amount_cents: int) -> bool:
        """A note this till issued that central does not know yet (its return ticket not
        pushed): spent under the offline rule, within what this till's tickets left."""
        if refusal != "not_found":
            return False
        left = local_returns.local_credit_note_balance(self.checkout.store.conn, code)
        if left is None:
            return False
        if amount_cents > left:
            raise PosError(
                f"This credit note has {format_eur(left)} left.",
                code="credit_note_balance",
                balance_cents=left,
            )
        return True

    def _reverse(self, code: str, op_id: str) -> None:
        if self.calls is None:
            return
        # Best effort: a reversal that fails leaves the debit to be settled by a manager.
        with contextlib.suppress(CentralError):
            self.calls.reverse_credit_note_debit(code, op_id)


def _refused(code: str) -> PosError:
    return PosError(_REFUSED.get(code, "The central server refused this credit note."),
                    code=code or "credit_note_refused")  # fmt: skip
