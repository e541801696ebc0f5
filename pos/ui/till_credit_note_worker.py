"""The till worker's credit note requests: spend a credit note (avoir) as a payment,
and take it back (a removed tender, a cancelled sale) with its central debit reversed.

Mixed into ``TillWorker``: one ``CreditNoteTill`` per sale (made on the sale's first
tender, remade when the sale changes), so its debits are those of the open sale and
every central call runs on the worker's thread, never the GUI's. The balance central
gave back is kept for the sale's receipt ("Solde de l'avoir").
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from pos.domain.rights import Approval
from pos.services.checkout import Checkout
from pos.services.credit_notes import CreditNoteTill
from pos.services.return_calls import ReturnCalls
from pos.services.returns import ReturnRules
from pos.ui.qt import Signal
from pos.ui.till_staff_worker import StaffRequests

_KEPT_SALES = 8  # balances kept for the receipts of the last few sales


class CreditNoteRequests(StaffRequests):
    credit_note_taken = Signal(object)  # CreditNoteTaken: the tender, its balance left

    checkout: Checkout
    _notes: CreditNoteTill | None = None
    _notes_sale: str = ""
    _balances: OrderedDict[str, dict[str, int]] | None = None

    def _changed(self, last_line_id: int | None = None) -> None:  # TillWorker's
        raise NotImplementedError

    def _return_rules(self) -> ReturnRules:  # TillWorker's
        return ReturnRules()

    def _return_calls(self) -> ReturnCalls | None:  # TillWorker's: None = offline rules
        return None

    @property
    def credit_notes(self) -> CreditNoteTill:
        """The open sale's: its debits are reversed if the sale does not go through."""
        checkout = self.checkout
        notes = self._notes
        if notes is None or notes.checkout is not checkout or self._notes_sale != checkout.sale_id:
            notes = self._notes = CreditNoteTill(
                checkout, calls=self._return_calls(),
                offline_limit_cents=self._return_rules().offline_credit_note_limit_cents,
            )  # fmt: skip
            self._notes_sale = checkout.sale_id
        return notes

    def _do_spend_credit_note(self, text: str, amount_cents: int | None) -> None:
        """``amount_cents`` None: as much of what is due as the note covers."""
        sale_id = self.checkout.sale_id
        taken = self.credit_notes.take(text, amount_cents)
        if taken.balance_cents is not None:
            self._balances_of(sale_id)[taken.code] = taken.balance_cents
        self.credit_note_taken.emit(taken)
        self._changed()

    def _remove_tender(self, index: int) -> None:
        """A credit note's debit is reversed centrally (``CreditNoteTill.remove``)."""
        self.credit_notes.remove(index)

    def _cancel_ticket(self, approval: Approval | None) -> None:  # ReturnRequests'
        raise NotImplementedError

    def _cancel_sale(self, approval: Approval | None) -> None:
        """Every credit note debited for the sale is credited back; the ticket itself is
        cancelled as a return desk would (a claimed return is released)."""
        self.credit_notes.cancel(approval, cancel=self._cancel_ticket)

    def credit_note_balances(self, sale_id: str) -> dict[str, int]:
        """What central said each credit note spent on ``sale_id`` has left."""
        return dict((self._balances or {}).get(sale_id, {}))

    def _balances_of(self, sale_id: str) -> dict[str, Any]:
        if self._balances is None:
            self._balances = OrderedDict()
        kept = self._balances.setdefault(sale_id, {})
        while len(self._balances) > _KEPT_SALES:
            self._balances.popitem(last=False)
        return kept
