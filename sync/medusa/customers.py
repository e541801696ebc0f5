"""The till's customer calls over Medusa's customer module (issue 15): create with
consent, search, withdraw a consent, history.

Medusa has no consent field: the customer's choice is kept in its ``metadata``
(``comptoir_marketing_consent``, ``comptoir_consent_at``, ``comptoir_consent_source``),
beside the till's own id (``comptoir_id``). Medusa makes its own ids (``cus_…``) and
takes none from the caller, so a creation is idempotent by that ``comptoir_id``: the
customer holding the body's email or phone with our id in its metadata IS the creation
made before (the same answer); one without it is another customer (``CustomerExists``).
The record answered carries Medusa's id: the till renames its local row to it.

History = Medusa's orders of that customer (``GET /admin/orders?customer_id=``): an
order the till pushed (``metadata.comptoir_sale_id``) is a store ticket, any other a web
order. Points are not Medusa's (``null``). Erasure is Medusa's own deletion of the
customer (soft: ``deleted_at``), which the customers feed carries as ``active: false``.
"""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from pydantic import ValidationError

from sync.client.customer_calls import CustomerExists
from sync.contract.customers import (
    MAX_SEARCH_RESULTS,
    CustomerCreate,
    CustomerHistory,
    CustomerRecord,
    HistoryEntry,
    normalise_phone,
)
from sync.medusa.checks import Resolved
from sync.medusa.feeds import CUSTOMER_FIELDS, customer_item
from sync.medusa.http import MedusaHttp
from sync.medusa.money import to_cents
from sync.medusa.pickups import pickup_code
from sync.ports import CentralRejected

COMPTOIR_ID = "comptoir_id"
CONSENT = "comptoir_marketing_consent"
CONSENT_AT = "comptoir_consent_at"
CONSENT_SOURCE = "comptoir_consent_source"
_DIGITS = re.compile(r"\D")
ORDER_FIELDS = "id,display_id,status,created_at,total,metadata,sales_channel_id"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _tail(phone: str) -> str:
    return _DIGITS.sub("", phone)[-9:]


class MedusaCustomerCalls:
    """``HttpCustomerCalls``'s calls for ``MedusaBackend`` (mixed in)."""

    http: MedusaHttp

    def _ready(self) -> Resolved:  # MedusaBackend's
        raise NotImplementedError

    def create_customer(self, customer: CustomerCreate) -> CustomerRecord:
        resolved = self._ready()
        for row in self._holders(customer.email, customer.phone):
            if (row.get("metadata") or {}).get(COMPTOIR_ID) == customer.customer_id:
                return _record(row)  # created before: the same answer
            raise CustomerExists(
                f"Medusa already has this email or phone number: customer {row['id']}.",
                str(row["id"]),
            )
        first, _, last = customer.name.partition(" ")
        metadata = {
            COMPTOIR_ID: customer.customer_id,
            CONSENT: customer.marketing_consent,
            CONSENT_AT: _now(),
            CONSENT_SOURCE: f"store:{resolved.store_id}",
            "comptoir_loyalty_card": customer.loyalty_card,
        }
        body = {
            "first_name": first,
            "last_name": last or None,
            "email": customer.email,
            "phone": customer.phone,
            "metadata": metadata,
        }
        created = self.http.admin("POST", "/admin/customers", body=body)["customer"]
        return self._customer(str(created["id"]))

    def search_customers(self, text: str) -> list[CustomerRecord]:
        """Medusa's ``q`` (a substring of names, email, phone); a phone is searched by its
        last nine digits, so "06 12…" finds "+33612…"."""
        text = text.strip()[:200]
        if not text:
            return []
        with contextlib.suppress(ValueError):
            text = _tail(normalise_phone(text))
        rows = self.http.admin(
            "GET",
            "/admin/customers",
            params={"q": text, "limit": MAX_SEARCH_RESULTS, "fields": CUSTOMER_FIELDS},
        )["customers"]
        return [record for record in map(_maybe_record, rows) if record is not None]

    def set_customer_consent(self, customer_id: str, marketing_consent: bool) -> CustomerRecord:
        resolved = self._ready()
        current = self._row(customer_id)
        metadata = dict(current.get("metadata") or {})
        metadata.update(
            {
                CONSENT: marketing_consent,
                CONSENT_AT: _now(),
                CONSENT_SOURCE: f"store:{resolved.store_id}",
            }
        )
        self.http.admin(
            "POST", f"/admin/customers/{_segment(customer_id)}", body={"metadata": metadata}
        )
        return self._customer(customer_id)

    def customer_history(self, customer_id: str, limit: int = 20) -> CustomerHistory:
        resolved = self._ready()
        self._row(customer_id)  # a deleted or unknown customer: not_found
        orders = self.http.admin(
            "GET",
            "/admin/orders",
            params={
                "customer_id": customer_id,
                "order": "-created_at",
                "limit": limit,
                "fields": ORDER_FIELDS,
            },
        )["orders"]
        entries = [_entry(order, resolved.store_id) for order in orders]
        return CustomerHistory(customer_id=customer_id, entries=entries[:limit])

    # -- reading Medusa --------------------------------------------------------------------

    def _holders(self, email: str | None, phone: str | None) -> list[dict[str, Any]]:
        """Live customers with this email (exact) or this phone (its last nine digits)."""
        found: dict[str, dict[str, Any]] = {}
        if email:
            params = {"email": email, "fields": CUSTOMER_FIELDS, "limit": 5}
            for row in self.http.admin("GET", "/admin/customers", params=params)["customers"]:
                found[row["id"]] = row
        if phone:
            params = {"q": _tail(phone), "fields": CUSTOMER_FIELDS, "limit": 20}
            for row in self.http.admin("GET", "/admin/customers", params=params)["customers"]:
                if _tail(row.get("phone") or "") == _tail(phone):
                    found[row["id"]] = row
        return [row for row in found.values() if not row.get("deleted_at")]

    def _row(self, customer_id: str) -> dict[str, Any]:
        rows = self.http.admin(
            "GET",
            "/admin/customers",
            params={"id": customer_id, "fields": CUSTOMER_FIELDS, "limit": 1},
        )["customers"]
        if not rows:
            raise CentralRejected(f"Medusa has no customer {customer_id!r}.", code="not_found")
        return dict(rows[0])

    def _customer(self, customer_id: str) -> CustomerRecord:
        return _record(self._row(customer_id))


def _segment(text: str) -> str:
    return quote(text, safe="")


def _record(row: dict[str, Any]) -> CustomerRecord:
    item = customer_item(row)
    metadata = row.get("metadata") or {}
    at, source = metadata.get(CONSENT_AT), metadata.get(CONSENT_SOURCE)
    return CustomerRecord(
        id=item.id,
        name=item.name,
        email=item.email,
        phone=item.phone,
        loyalty_points=item.loyalty_points,
        marketing_consent=item.marketing_consent,
        consent_at=at if isinstance(at, str) else None,
        consent_source=source[:80] if isinstance(source, str) else None,
        active=item.active,
        version=item.version,
    )


def _maybe_record(row: dict[str, Any]) -> CustomerRecord | None:
    try:
        record = _record(row)
    except (ValidationError, KeyError, TypeError):
        return None  # a row the contract refuses is not shown at the till
    return record if record.active else None


def _entry(order: dict[str, Any], store_id: str) -> HistoryEntry:
    metadata = order.get("metadata") or {}
    total = to_cents(order.get("total") or 0)
    if metadata.get("comptoir_sale_id"):
        ticket = metadata.get("comptoir_ticket_no")
        return HistoryEntry(
            kind="ticket",
            at=order["created_at"],
            total_cents=total,
            store_id=store_id,
            ticket_no=ticket if isinstance(ticket, int) and ticket > 0 else None,
        )
    code = (
        pickup_code(order)
        if metadata.get("comptoir_pickup_code")
        else f"#{order.get('display_id')}"
    )
    return HistoryEntry(
        kind="web_order",
        at=order["created_at"],
        total_cents=total,
        code=code[:32],
        state=str(order.get("status") or "")[:32],
    )
