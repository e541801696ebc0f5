"""Customers on the real Medusa (issue 15): created with consent kept in metadata, once
however often the till sends it, refused naming the customer who holds the email or
phone, found by phone or email, consent withdrawn through the customers feed, history =
the customer's Medusa orders, and Medusa's deletion hides them from search and history.
The till renames the customer it created to Medusa's id, so the feed's row is the same."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest

from pos.domain.errors import PosError
from pos.services.customer_accounts import CUSTOMER_EXISTS, CustomerAccounts, CustomerDraft
from pos.services.customers import CustomerDesk
from pos.store.local_store import LocalStore
from sync.client.customer_calls import CustomerExists
from sync.contract.customers import CustomerCreate
from sync.ports import CentralRejected
from tests.medusa.helpers import pull_all
from tests.medusa.seed import MedusaAdmin, Seed, place_pickup_order

pytestmark = pytest.mark.medusa


def a_phone() -> str:
    return "07" + str(uuid.uuid4().int)[:8]


def a_body(**fields) -> CustomerCreate:
    tag = uuid.uuid4().hex[:10]
    values = {
        "customer_id": f"cl-{tag}",
        "name": "Inès Moreau",
        "email": f"ines.{tag}@example.test",
        "marketing_consent": True,
    } | fields
    return CustomerCreate(**values)


def test_a_creation_keeps_consent_in_metadata_and_is_made_once(backend, admin: MedusaAdmin):
    body = a_body(phone=a_phone())
    made = backend.create_customer(body)
    assert made.id.startswith("cus_")
    assert (made.name, made.email, made.phone) == ("Inès Moreau", body.email, body.phone)
    assert made.marketing_consent is True
    assert (made.consent_source or "").startswith("store:")
    again = backend.create_customer(body)  # the till's retry after a lost answer
    assert again.id == made.id
    stored = admin.get(f"/admin/customers/{made.id}")["customer"]["metadata"]
    assert (stored["comptoir_id"], stored["comptoir_marketing_consent"]) == (body.customer_id, True)
    with pytest.raises(CustomerExists) as taken:  # another till's customer, same email
        backend.create_customer(a_body(email=body.email))
    assert taken.value.existing_id == made.id


def test_the_seeded_customers_phone_is_refused_naming_her(backend, seed: Seed):
    with pytest.raises(CustomerExists) as taken:
        backend.create_customer(a_body(phone="06 12 34 56 78"))
    assert taken.value.existing_id == seed.customer_id


def test_search_finds_by_phone_or_email_and_a_withdrawn_consent_reaches_the_feed(backend):
    phone = a_phone()
    made = backend.create_customer(a_body(phone=phone))
    assert [r.id for r in backend.search_customers(phone)] == [made.id]
    assert made.id in [r.id for r in backend.search_customers(made.email)]
    _items, cursor = pull_all(backend, "customers")
    withdrawn = backend.set_customer_consent(made.id, False)
    assert withdrawn.marketing_consent is False
    changed, _cursor = pull_all(backend, "customers", cursor)
    assert [(c.id, c.marketing_consent) for c in changed if c.id == made.id] == [(made.id, False)]


def test_history_is_the_customers_orders_and_deletion_hides_the_customer(
    backend, admin: MedusaAdmin, seed: Seed
):
    made = backend.create_customer(a_body(phone=a_phone()))
    order_id = place_pickup_order(seed, {"CAFE-250": 1}, email=made.email)
    history = backend.customer_history(made.id)
    assert (
        admin.get(f"/admin/orders/{order_id}", fields="id,customer_id")["order"]["customer_id"]
        == made.id
    )
    [entry] = history.entries
    assert (entry.kind, entry.total_cents > 0, bool(entry.code), bool(entry.state)) == (
        "web_order",
        True,
        True,
        True,
    )
    deleted = httpx.delete(f"{seed.base_url}/admin/customers/{made.id}", auth=(seed.secret_key, ""))
    assert deleted.status_code == 200, deleted.text
    assert backend.search_customers(made.phone) == []
    with pytest.raises(CentralRejected) as gone:
        backend.customer_history(made.id)
    assert gone.value.code == "not_found"
    items, _cursor = pull_all(backend, "customers")
    assert [c.active for c in items if c.id == made.id][-1:] == [False]


def test_the_till_creates_locally_then_takes_medusas_id(backend, tmp_path: Path):
    path = tmp_path / "store.db"
    LocalStore(path).close()
    phone = a_phone()
    accounts = CustomerAccounts(path, backend)
    made = accounts.create(
        CustomerDraft("Hugo Blanc", phone=phone, email=f"h.{phone}@example.test")
    )
    assert made.customer_id.startswith("cus_") and not made.pending
    desk = CustomerDesk(path)
    try:
        assert [v.customer_id for v in desk.find(phone)] == [made.customer_id]
    finally:
        desk.close()
    with pytest.raises(PosError) as known:
        accounts.create(CustomerDraft("H. Blanc", phone=phone))  # in the cache now
    assert known.value.code == CUSTOMER_EXISTS
