"""The returns and credit notes endpoints of API v1 (issue 14): a sale found by its code,
claims of returned lines, credit notes.

Part of ``endpoints.ENDPOINTS``, in the order the OpenAPI document lists them.
"""

from __future__ import annotations

from sync.contract.endpoint_types import Endpoint
from sync.contract.returns import (
    ClaimStatus,
    CreditNoteDebit,
    CreditNoteRecord,
    OriginSaleRecord,
    ReturnClaim,
    ReturnClaimResult,
    ReturnConflictList,
)

RETURNS: tuple[Endpoint, ...] = (
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/origins/{code}",
        "find_return_origin",
        "The sale a return takes back: a till ticket of any store (its sale id, the "
        "receipt's QR), or a web order (its id, pickup code or QR text), with what is "
        "already returned and refunded (409 not_handed_over, 404 not_found)",
        "terminal",
        None,
        {200: OriginSaleRecord},
    ),
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/terminals/{terminal_id}/tickets/{ticket_no}",
        "find_return_ticket",
        "A ticket of this store by its terminal and number, for a return",
        "terminal",
        None,
        {200: OriginSaleRecord},
    ),
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/returns/claims",
        "claim_return",
        "Claim original lines for a return before refunding, atomically; idempotent by "
        "return_id (409 not_returnable with the remaining quantities, op_id_reused)",
        "terminal",
        ReturnClaim,
        {200: ReturnClaimResult},
    ),
    Endpoint(
        "DELETE",
        "/v1/stores/{store_id}/returns/claims/{return_id}",
        "release_return",
        "Release a claim whose return was abandoned (409 claim_consumed once pushed)",
        "terminal",
        None,
        {200: ClaimStatus},
    ),
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/credit-notes/{code}",
        "get_credit_note",
        "A credit note's balance and status (code typed or its QR text)",
        "terminal",
        None,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/credit-notes/{code}/debits",
        "debit_credit_note",
        "Spend a credit note at a till; idempotent by op_id (409 credit_note_spent, "
        "credit_note_expired, op_id_reused)",
        "terminal",
        CreditNoteDebit,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "DELETE",
        "/v1/stores/{store_id}/credit-notes/{code}/debits/{op_id}",
        "reverse_credit_note_debit",
        "Give a debit back (idempotent)",
        "terminal",
        None,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "GET",
        "/v1/web/credit-notes/{code}",
        "web_get_credit_note",
        "A credit note's balance and status, for the web shop",
        "web",
        None,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "POST",
        "/v1/web/credit-notes/{code}/debits",
        "web_debit_credit_note",
        "Spend a credit note on the web shop; idempotent by op_id",
        "web",
        CreditNoteDebit,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "DELETE",
        "/v1/web/credit-notes/{code}/debits/{op_id}",
        "web_reverse_credit_note_debit",
        "Give a web debit back (idempotent)",
        "web",
        None,
        {200: CreditNoteRecord},
    ),
    Endpoint(
        "GET",
        "/v1/admin/return-conflicts",
        "admin_return_conflicts",
        "Return tickets accepted beyond what remained returnable, newest first",
        "admin",
        None,
        {200: ReturnConflictList},
    ),
)
