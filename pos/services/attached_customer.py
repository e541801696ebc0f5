"""The customer attached to the open sale as the till screen shows it, and a customer
found centrally made attachable.

Read on the till worker's thread, through the checkout's store, after each change of
the sale: the name and points come from this till's cache (the customers feed keeps
them current). ``erased``: the customer was erased centrally since being attached (a
parked or recovered basket); the sale must not name them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.services.customer_accounts import Customer
from pos.store.customer_found import remember_found
from pos.store.errors import translate_errors
from pos.store.local_store import LocalStore

_READ = "SELECT name, loyalty_points, active FROM customers WHERE id = ?"


@dataclass(frozen=True, slots=True)
class AttachedCustomer:
    customer_id: str
    name: str  # "" once erased (the store blanks it)
    loyalty_points: int
    erased: bool = False


def attached_customer(store: LocalStore, customer_id: str | None) -> AttachedCustomer | None:
    """The sale's customer as the cache holds them; None for no customer."""
    if customer_id is None:
        return None
    with translate_errors():
        row = store.conn.execute(_READ, (customer_id,)).fetchone()
    if row is None:  # unknown here (never: attach refuses it); shown as erased
        return AttachedCustomer(customer_id, "", 0, erased=True)
    return AttachedCustomer(customer_id, row[0], row[1], erased=not row[2])


def make_attachable(store: LocalStore, customer: Customer) -> None:
    """A customer found centrally only (``local`` False) joins this till's cache."""
    if not customer.local:
        remember_found(
            store.conn, customer.customer_id, customer.name, customer.email, customer.phone,
            customer.loyalty_points, customer.marketing_consent,
        )  # fmt: skip


_CACHED = (
    "SELECT id, name, email, phone, loyalty_points, marketing_consent FROM customers "
    "WHERE id = ? AND active = 1"
)


def cached_customer(store: LocalStore, customer_id: str) -> Customer | None:
    """The customer as this till holds them, marketing choice included (a search result
    does not carry it); None if not here or erased."""
    with translate_errors():
        row = store.conn.execute(_CACHED, (customer_id,)).fetchone()
    if row is None:
        return None
    return Customer(row[0], row[1], row[2], row[3], row[4], bool(row[5]))
