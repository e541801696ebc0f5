"""CustomerAccounts on a real store file with no central at all (a till never linked, or
before its first sync): a customer is created and found at once, its creation queued
with the consent asked; a consent withdrawn before sending rewrites the queued body; the
history is empty and says offline; a platform's own id renames the local customer."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.services.customer_accounts import (
    CUSTOMER_INVALID,
    CUSTOMER_UNKNOWN,
    CustomerAccounts,
    CustomerDraft,
)
from pos.services.customers import CustomerDesk
from pos.store import customer_feed, customer_outbox
from pos.store.local_store import LocalStore
from sync.contract.customers import CustomerCreate


@pytest.fixture
def accounts(tmp_path: Path) -> CustomerAccounts:
    path = tmp_path / "store.db"
    LocalStore(path).close()
    return CustomerAccounts(path, None, new_id=iter(f"cl-{n}" for n in range(100)).__next__)


def found(accounts: CustomerAccounts, text: str) -> list[str]:
    desk = CustomerDesk(accounts.store_path)
    try:
        return [view.customer_id for view in desk.find(text)]
    finally:
        desk.close()


def queued(accounts: CustomerAccounts) -> list[customer_outbox.QueuedCreation]:
    with LocalStore(accounts.store_path) as store:
        return customer_outbox.queued(store.conn)


def test_a_customer_is_found_at_once_and_its_creation_queued(accounts: CustomerAccounts) -> None:
    made = accounts.create(CustomerDraft(" Élodie Dupont ", phone="06 12 34 56 78"))
    assert (made.customer_id, made.name, made.phone, made.pending) == (
        "cl-0",
        "Élodie Dupont",
        "+33612345678",
        True,
    )
    assert found(accounts, "0612345678") == found(accounts, "élodie") == ["cl-0"]
    [creation] = queued(accounts)
    body = CustomerCreate.model_validate_json(creation.body)
    assert (body.customer_id, body.marketing_consent, body.email) == ("cl-0", False, None)
    assert accounts.find_online("0612345678").offline is True


def test_a_consent_withdrawn_before_sending_rewrites_the_queued_creation(
    accounts: CustomerAccounts,
) -> None:
    made = accounts.create(
        CustomerDraft("Léa Roux", email="lea@example.fr", marketing_consent=True)
    )
    assert made.marketing_consent is True
    assert accounts.withdraw_consent(made.customer_id).marketing_consent is False
    [creation] = queued(accounts)
    assert CustomerCreate.model_validate_json(creation.body).marketing_consent is False


def test_history_without_central_is_empty_and_unknown_customers_are_refused(
    accounts: CustomerAccounts,
) -> None:
    made = accounts.create(CustomerDraft("Paul", email="paul@example.fr"))
    assert accounts.history(made.customer_id).entries == ()
    with pytest.raises(PosError) as unknown:
        accounts.withdraw_consent("cl-nobody")
    assert unknown.value.code == CUSTOMER_UNKNOWN
    with pytest.raises(PosError) as bad:
        accounts.create(CustomerDraft("Phone Only", phone="123"))
    assert bad.value.code == CUSTOMER_INVALID


def test_the_id_central_answers_with_renames_the_local_customer(
    accounts: CustomerAccounts,
) -> None:
    made = accounts.create(CustomerDraft("Hugo Blanc", phone="0711223344"))
    with LocalStore(accounts.store_path) as store:
        customer_outbox.created(store.conn, made.customer_id, "cus_01MEDUSA")
    assert queued(accounts) == []
    assert found(accounts, "0711223344") == ["cus_01MEDUSA"]
    assert found(accounts, made.customer_id) == []


class _FeedCustomer:
    """A customers feed item (the fields ``customer_feed.apply_page`` reads)."""

    def __init__(self, customer_id: str, name: str, phone: str) -> None:
        self.id, self.name, self.email, self.phone = customer_id, name, "", phone
        self.loyalty_points, self.active, self.version = 10, True, 1
        self.marketing_consent = True


def test_a_customer_who_withdrew_their_consent_is_still_found_here(
    accounts: CustomerAccounts,
) -> None:
    """Any update of a customer row drops its search keys (migration 0021's trigger, for
    the feed to rewrite them): the consent's update writes them again."""
    with LocalStore(accounts.store_path) as store:
        customer_feed.apply_page(
            store.conn, [_FeedCustomer("CLI-9", "Agathe Morel", "+33639981111")], "c1"
        )
    assert found(accounts, "Morel") == ["CLI-9"]
    withdrawn = accounts.withdraw_consent("CLI-9")  # offline: queued for central
    assert withdrawn.marketing_consent is False
    assert found(accounts, "Morel") == found(accounts, "0639981111") == ["CLI-9"]
