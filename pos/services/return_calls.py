"""What the till's return and credit-note services need from the central platform.

One Protocol, so the services never know which backend answers: the reference
server (``sync.client.HttpCentral``) or Medusa (``sync.medusa.MedusaBackend``).
Every call is a plain blocking call, made off the GUI thread.

Failures are ``sync.ports.CentralUnavailable`` (offline, timeout, 5xx: the till falls
back to its offline rules) or ``sync.ports.CentralRejected`` whose ``.code`` is one of
the refusal codes of ``sync.contract.returns`` (``not_found``, ``not_returnable``,
``not_handed_over``, ``claim_consumed``, ``credit_note_spent``,
``credit_note_expired``): a clear message, nothing changed centrally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # pydantic models: only named here, loaded off the start path
    from sync.contract.returns import (
        CreditNoteDebit,
        CreditNoteRecord,
        OriginSaleRecord,
        ReturnClaim,
        ReturnClaimResult,
    )


class ReturnCalls(Protocol):
    """The central calls behind returns, refunds and credit notes."""

    # a sale id (receipt QR), a web order id or number
    def find_origin(self, code: str) -> OriginSaleRecord: ...

    # a ticket of this store
    def find_ticket(self, terminal_id: str, ticket_no: int) -> OriginSaleRecord: ...

    def claim_return(self, claim: ReturnClaim) -> ReturnClaimResult: ...

    def release_return(self, return_id: str) -> None: ...  # the return was abandoned before commit

    def credit_note(self, code: str) -> CreditNoteRecord: ...

    def debit_credit_note(self, code: str, debit: CreditNoteDebit) -> CreditNoteRecord: ...

    def reverse_credit_note_debit(self, code: str, op_id: str) -> CreditNoteRecord: ...

    def close(self) -> None: ...  # the connections, when the till closes
