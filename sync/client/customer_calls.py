"""The till's customer calls of API v1 (issue 15), over the same ``Wire`` as every call:
create a customer with consent, search central's customers, change a consent, read a
customer's history across channels.

Failures are the port's: ``CentralUnavailable`` (offline, timeout, 5xx: the till works
from its cache and keeps a creation queued) or ``CentralRejected`` with the API's code.
A creation refused because the email or phone is another active customer's raises
``CustomerExists``, which names that customer (``existing_id``): the till offers them.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from sync.client.wire import Wire, parse
from sync.contract.customers import (
    CUSTOMER_EXISTS,
    ConsentChange,
    CustomerCreate,
    CustomerHistory,
    CustomerRecord,
    CustomerSearchResult,
)
from sync.ports import CentralRejected

SMALL_REPLY_BYTES = 16 * 1024
LIST_REPLY_BYTES = 256 * 1024  # 20 customers, or 50 history entries


class CustomerExists(CentralRejected):
    """Central refused a creation: the email or phone is ``existing_id``'s."""

    def __init__(self, message: str, existing_id: str) -> None:
        super().__init__(message, code=CUSTOMER_EXISTS, http_status=409)
        self.existing_id = existing_id


def _segment(text: str) -> str:
    return quote(text, safe="")


class HttpCustomerCalls:
    """Customer calls for one terminal of one store; the owner sets ``_wire`` and
    ``_store_path`` (``/v1/stores/<store_id>``)."""

    _wire: Wire
    _store_path: str

    def create_customer(self, customer: CustomerCreate) -> CustomerRecord:
        """Create (or get again: idempotent by ``customer_id``) a customer centrally."""
        body = customer.model_dump_json().encode("utf-8")
        path = f"{self._store_path}/customers"
        # 409 is read here, not by the Wire: its body names the customer who exists.
        data = self._wire.call("POST", path, body=body, expect=(200, 201, 409),
                               max_bytes=SMALL_REPLY_BYTES)  # fmt: skip
        _refusal(data)
        return parse(CustomerRecord, data, "a customer")

    def search_customers(self, text: str) -> list[CustomerRecord]:
        data = self._wire.call("GET", f"{self._store_path}/customers", params={"q": text[:200]},
                               max_bytes=LIST_REPLY_BYTES)  # fmt: skip
        return list(parse(CustomerSearchResult, data, "customers found").customers)

    def set_customer_consent(self, customer_id: str, marketing_consent: bool) -> CustomerRecord:
        path = f"{self._store_path}/customers/{_segment(customer_id)}/consent"
        body = ConsentChange(marketing_consent=marketing_consent).model_dump_json().encode()
        data = self._wire.call("POST", path, body=body, max_bytes=SMALL_REPLY_BYTES)
        return parse(CustomerRecord, data, "a customer")

    def customer_history(self, customer_id: str, limit: int = 20) -> CustomerHistory:
        path = f"{self._store_path}/customers/{_segment(customer_id)}/history"
        data = self._wire.call("GET", path, params={"limit": limit}, max_bytes=LIST_REPLY_BYTES)
        return parse(CustomerHistory, data, "a customer's history")


def _refusal(data: bytes) -> None:
    """Raise for a 409 body (``{"error": …}``); a customer record passes."""
    try:
        error = json.loads(data).get("error") if data.lstrip().startswith(b"{") else None
    except (ValueError, AttributeError, RecursionError):
        return  # not JSON: ``parse`` says so
    if not isinstance(error, dict):
        return
    code, message = str(error.get("code", ""))[:64], str(error.get("message", ""))[:500]
    text = f"The central API refused the customer (HTTP 409 {code}): {message}"
    existing = error.get("customer_id")
    if code == CUSTOMER_EXISTS and isinstance(existing, str) and existing:
        raise CustomerExists(text, existing[:64])
    raise CentralRejected(text, code=code or "conflict", http_status=409)
