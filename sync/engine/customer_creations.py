"""Sending the customers created at this till (``pos.store.customer_outbox``) to central,
and the consent choices made while central could not be reached.

A creation is idempotent centrally by the till's customer id, so it is sent again, body
unchanged, until central answers. Created (or created before: the same answer): the row
goes. ``customer_exists`` (the email or phone is another active customer's) is kept with
the existing customer's id and not sent again: it is on the manager's list. Any other
refusal is kept with its reason and tried again next round; an unreachable central or a
refused token ends the round's creations (the push would fail the same way), as for the
undo calls of ``owed_call``.
"""

from __future__ import annotations

import sqlite3
from typing import Protocol, runtime_checkable

from pos.store import customer_outbox
from pos.store.credit_note_reversals import UNREACHABLE
from sync.contract.customers import CustomerCreate
from sync.ports import CentralRejected, CentralUnavailable, NotAuthorised


@runtime_checkable
class CustomerCreating(Protocol):
    """A port that can create a customer centrally (``HttpCustomerCalls``)."""

    def create_customer(self, customer: CustomerCreate) -> object: ...
    def set_customer_consent(self, customer_id: str, marketing_consent: bool) -> object: ...


def create(
    conn: sqlite3.Connection, calls: CustomerCreating, customer_id: str, body: str
) -> str | None:
    """Send one queued creation; once central holds the customer (the row is gone), the
    id central holds it under (Medusa makes its own: the local row takes it), else None.
    ``CentralUnavailable`` and ``NotAuthorised`` go up (the creation stays queued)."""
    try:
        customer = CustomerCreate.model_validate_json(body)
    except ValueError as exc:  # cannot happen for a body the till wrote; keep it, say why
        customer_outbox.failed(conn, customer_id, f"Unreadable creation: {exc}", "unreadable")
        return None

    try:
        record = calls.create_customer(customer)
    except CentralUnavailable as exc:
        customer_outbox.failed(conn, customer_id, exc.message, UNREACHABLE)
        raise
    except CentralRejected as exc:  # CustomerExists names the customer who holds the contact
        existing = getattr(exc, "existing_id", "")
        customer_outbox.failed(conn, customer_id, exc.message, exc.code or "refused", existing)
        if isinstance(exc, NotAuthorised):
            raise
        return None
    central_id = str(getattr(record, "id", "") or customer_id)
    customer_outbox.created(conn, customer_id, central_id)
    return central_id


def create_due(conn: sqlite3.Connection, calls: CustomerCreating) -> int:
    """Send every queued creation; how many central now holds."""
    return sum(create(conn, calls, *queued) is not None for queued in customer_outbox.due(conn))


def send_consents(conn: sqlite3.Connection, calls: CustomerCreating) -> int:
    """Send the consent choices queued offline (after the creations: a customer made
    offline exists centrally first); how many central recorded. A customer central no
    longer has (erased) has no consent left to change: settled. Other refusals are kept
    and tried again; unreachable or a refused token ends the round."""
    done = 0
    for customer_id, consent in customer_outbox.consents_due(conn):
        try:
            calls.set_customer_consent(customer_id, consent)
        except CentralUnavailable as exc:
            customer_outbox.consent_failed(conn, customer_id, exc.message, UNREACHABLE)
            raise
        except CentralRejected as exc:
            if exc.code != "not_found" or isinstance(exc, NotAuthorised):
                customer_outbox.consent_failed(conn, customer_id, exc.message, exc.code)
                if isinstance(exc, NotAuthorised):
                    raise
                continue
        customer_outbox.consent_sent(conn, customer_id, consent)
        done += 1
    return done
