"""The till's return and credit note calls of API v1 (``ReturnCalls``, issue 14), over the
same ``Wire`` as every call: timeouts and one deadline, the reply capped before it is
read and validated by the contract's model.

Failures are the port's: ``CentralUnavailable`` (offline, timeout, 5xx, an HTML page:
the till falls back to its offline rules) or ``CentralRejected`` whose ``code`` is the
API's (``not_found``, ``not_returnable``, ``not_handed_over``, ``claim_consumed``,
``credit_note_spent``, ``credit_note_expired``, ``op_id_reused``) and nothing changed.
A code the till could never send (a mistyped credit note) is ``not_found`` at once,
without a call.
"""

from __future__ import annotations

from urllib.parse import quote

from sync.client.wire import Wire, parse
from sync.contract.codes import normalize_credit_note_code
from sync.contract.returns import (
    NOT_FOUND,
    CreditNoteDebit,
    CreditNoteRecord,
    OriginSaleRecord,
    ReturnClaim,
    ReturnClaimResult,
)
from sync.ports import CentralRejected

#: An original sale of up to 1,000 lines (~600 bytes each as JSON) and its tenders.
ORIGIN_REPLY_BYTES = 1024 * 1024
CLAIM_REPLY_BYTES = 512 * 1024
SMALL_REPLY_BYTES = 16 * 1024


def _segment(text: str) -> str:
    return quote(text, safe="")


class HttpReturnCalls:
    """``ReturnCalls`` for one terminal of one store; the owner sets ``_wire`` and
    ``_store_path`` (``/v1/stores/<store_id>``)."""

    _wire: Wire
    _store_path: str

    def find_origin(self, code: str) -> OriginSaleRecord:
        """A till ticket of any store (its sale id: the receipt's QR) or a web order (its
        id, pickup code or QR text)."""
        if not code.strip():
            raise CentralRejected("No code was given.", code=NOT_FOUND)
        path = f"{self._store_path}/origins/{_segment(code.strip())}"
        data = self._wire.call("GET", path, max_bytes=ORIGIN_REPLY_BYTES)
        return parse(OriginSaleRecord, data, "an original sale")

    def find_ticket(self, terminal_id: str, ticket_no: int) -> OriginSaleRecord:
        if ticket_no < 1:
            raise CentralRejected(f"There is no ticket n°{ticket_no}.", code=NOT_FOUND)
        path = f"{self._store_path}/terminals/{_segment(terminal_id)}/tickets/{int(ticket_no)}"
        data = self._wire.call("GET", path, max_bytes=ORIGIN_REPLY_BYTES)
        return parse(OriginSaleRecord, data, "an original sale")

    def claim_return(self, claim: ReturnClaim) -> ReturnClaimResult:
        body = claim.model_dump_json().encode("utf-8")
        path = f"{self._store_path}/returns/claims"
        data = self._wire.call("POST", path, body=body, max_bytes=CLAIM_REPLY_BYTES)
        return parse(ReturnClaimResult, data, "a return claim's answer")

    def release_return(self, return_id: str) -> None:
        path = f"{self._store_path}/returns/claims/{_segment(return_id)}"
        self._wire.call("DELETE", path, max_bytes=SMALL_REPLY_BYTES)

    def credit_note(self, code: str) -> CreditNoteRecord:
        path = f"{self._store_path}/credit-notes/{_segment(_credit_code(code))}"
        data = self._wire.call("GET", path, max_bytes=SMALL_REPLY_BYTES)
        return parse(CreditNoteRecord, data, "a credit note")

    def debit_credit_note(self, code: str, debit: CreditNoteDebit) -> CreditNoteRecord:
        path = f"{self._store_path}/credit-notes/{_segment(_credit_code(code))}/debits"
        body = debit.model_dump_json().encode("utf-8")
        data = self._wire.call("POST", path, body=body, max_bytes=SMALL_REPLY_BYTES)
        return parse(CreditNoteRecord, data, "a credit note")

    def reverse_credit_note_debit(self, code: str, op_id: str) -> CreditNoteRecord:
        note = _segment(_credit_code(code))
        path = f"{self._store_path}/credit-notes/{note}/debits/{_segment(op_id)}"
        data = self._wire.call("DELETE", path, max_bytes=SMALL_REPLY_BYTES)
        return parse(CreditNoteRecord, data, "a credit note")


def _credit_code(text: str) -> str:
    code = normalize_credit_note_code(text)
    if code is None:
        raise CentralRejected(
            "This is not a credit note code (a typo, or not one of ours).", code=NOT_FOUND
        )
    return code
