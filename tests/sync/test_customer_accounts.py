"""Customer accounts end to end (issue 15): real tills (store files, sync engines,
``CustomerAccounts``) over the real reference server on 127.0.0.1. A customer created
online or offline reaches central once; one whose email is already central's waits on the
manager's list with both ids; a withdrawn consent reaches the other tills; central search
finds who the cache lacks; history shows a store ticket and a web order, cached for
offline; a central erasure removes the customer from search and history."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pos.domain.errors import PosError
from pos.services.customer_accounts import (
    CUSTOMER_EXISTS,
    CUSTOMER_INVALID,
    CUSTOMER_UNKNOWN,
    CustomerAccounts,
    CustomerDraft,
)
from pos.services.customers import CustomerDesk
from pos.services.outbox_review import OutboxReview
from pos.store import customer_outbox, owed_calls
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from sync.contract.customers import CustomerCreate
from tests.central.conftest import LYON, push
from tests.support.central_server import CentralServer
from tests.support.sale_ops import SaleChain, sale_record
from tests.sync.terminals import Terminal, open_terminal

DOWN = "http://127.0.0.1:9"  # nothing listens there: central is down for this till


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


@dataclass
class Till:
    terminal: Terminal
    calls: HttpCentral
    down: HttpCentral
    token: str

    @property
    def path(self) -> Path:
        return self.terminal.path

    def sync(self) -> None:
        status = self.terminal.sync()
        assert (status.state, status.pending, status.rejected) == ("idle", 0, 0), status

    def online(self) -> CustomerAccounts:
        return CustomerAccounts(self.path, self.calls)

    def offline(self) -> CustomerAccounts:
        return CustomerAccounts(self.path, self.down)

    def local(self, text: str) -> list[str]:
        desk = CustomerDesk(self.path)
        try:
            return [view.customer_id for view in desk.find(text)]
        finally:
            desk.close()

    def row(self, customer_id: str) -> tuple[Any, ...] | None:
        with LocalStore(self.path) as store:
            return store.conn.execute(
                "SELECT name, phone, marketing_consent, active FROM customers WHERE id = ?",
                (customer_id,),
            ).fetchone()


@pytest.fixture
def open_till(tmp_path: Path, central: CentralServer) -> Iterator[Any]:
    opened: list[Till] = []

    def open_one(terminal_id: str) -> Till:
        token = central.enrol(LYON, terminal_id)
        terminal = open_terminal(tmp_path / terminal_id, central, terminal_id, token=token,
                                 store_id=LYON)  # fmt: skip
        till = Till(terminal, HttpCentral(central.url, LYON, terminal_id, token),
                    HttpCentral(DOWN, LYON, terminal_id, token), token)  # fmt: skip
        opened.append(till)
        till.sync()
        return till

    yield open_one
    for till in opened:
        till.calls.close()
        till.down.close()
        till.terminal.close()


def central_ids(till: Till, text: str) -> list[str]:
    return [record.id for record in till.calls.search_customers(text)]


def a_phone() -> str:
    return "07" + str(uuid.uuid4().int)[:8]


def test_a_customer_created_online_is_central_s_at_once(open_till: Any) -> None:
    till = open_till("T01")
    phone = a_phone()
    made = till.online().create(CustomerDraft("Inès Moreau", phone=phone, marketing_consent=True))
    assert (made.pending, made.marketing_consent, made.phone) == (False, True, "+33" + phone[1:])
    assert central_ids(till, phone) == [made.customer_id]
    assert till.local(phone) == [made.customer_id]
    with LocalStore(till.path) as store:
        assert customer_outbox.queued(store.conn) == []


def test_a_customer_created_offline_is_found_at_once_and_central_s_after_the_round(
    open_till: Any,
) -> None:
    till = open_till("T02")
    phone = a_phone()
    made = till.offline().create(
        CustomerDraft("Élodie Dupont", phone=phone, email="e.d@example.fr")
    )
    assert made.pending
    assert till.local(phone) == [made.customer_id]  # searchable offline, at once
    assert central_ids(till, phone) == []
    till.sync()
    assert central_ids(till, phone) == [made.customer_id]
    with LocalStore(till.path) as store:
        assert customer_outbox.queued(store.conn) == []


def test_the_same_creation_sent_twice_makes_one_customer(open_till: Any) -> None:
    till = open_till("T03")
    phone = a_phone()
    made = till.offline().create(CustomerDraft("Paul Girard", phone=phone))
    with LocalStore(till.path) as store:
        [queued] = customer_outbox.queued(store.conn)
    till.calls.create_customer(CustomerCreate.model_validate_json(queued.body))  # answer lost
    till.sync()  # the engine sends it again: central answers the same
    assert central_ids(till, phone) == [made.customer_id]
    with LocalStore(till.path) as store:
        assert customer_outbox.queued(store.conn) == []


def test_an_email_already_central_s_waits_on_the_managers_list_with_both_ids(
    open_till: Any, central: CentralServer
) -> None:
    till, other = open_till("T04"), open_till("T05")
    held = other.online().create(CustomerDraft("Ana Costa", email="ana.costa@example.fr"))
    mine = till.offline().create(CustomerDraft("Ana C.", email="Ana.Costa@example.fr"))
    for _round in range(2):  # refused once, then kept, never sent again nor dropped
        status = till.terminal.sync()
        assert (status.state, status.pending, status.rejected) == ("idle", 0, 1)  # to check
    with LocalStore(till.path) as store:
        [call] = [c for c in owed_calls.needing_attention(store.conn) if c.key == mine.customer_id]
        [queued] = customer_outbox.queued(store.conn)
    assert (call.kind, call.code, call.last_code) == (
        owed_calls.CUSTOMER_CREATION,
        held.customer_id,
        CUSTOMER_EXISTS,
    )
    assert (queued.attempts, queued.existing_id) == (2, held.customer_id)  # offline, refused
    listed = OutboxReview(till.path.parent, "T04").list().owed
    assert [(c.key, c.code) for c in listed] == [(mine.customer_id, held.customer_id)]
    # online, the cashier is told at once, naming the customer to offer
    third = open_till("T06")  # its cache has Ana; central has her: refused either way
    with pytest.raises(PosError) as refused:
        third.online().create(CustomerDraft("Ana", email="ana.costa@example.fr"))
    assert refused.value.code == CUSTOMER_EXISTS
    assert refused.value.params["existing_id"] == held.customer_id
    assert till.online().use_existing(mine.customer_id)  # the manager's decision
    assert till.local("Ana.Costa@example.fr") == [held.customer_id]  # the duplicate is gone


def test_a_local_duplicate_or_a_bad_draft_is_refused_before_anything_is_written(
    open_till: Any,
) -> None:
    till = open_till("T07")
    with pytest.raises(PosError) as known:  # CLI-0001 is in the cache since the first sync
        till.offline().create(CustomerDraft("A. Fabre", phone="06 39 98 12 34"))
    assert (known.value.code, known.value.params["existing_id"]) == (CUSTOMER_EXISTS, "CLI-0001")
    for draft in (CustomerDraft("No Contact"), CustomerDraft("", email="x@example.fr"),
                  CustomerDraft("Bad", email="not-an-email")):  # fmt: skip
        with pytest.raises(PosError) as bad:
            till.offline().create(draft)
        assert bad.value.code == CUSTOMER_INVALID
    with LocalStore(till.path) as store:
        assert customer_outbox.queued(store.conn) == []


def test_a_withdrawn_consent_reaches_the_feed_and_the_other_tills(open_till: Any) -> None:
    till, other = open_till("T08"), open_till("T09")
    made = till.online().create(CustomerDraft("Léa Roux", phone=a_phone(), marketing_consent=True))
    other.sync()
    assert other.row(made.customer_id)[2] == 1
    assert till.online().withdraw_consent(made.customer_id).marketing_consent is False
    assert till.row(made.customer_id)[2] == 0
    other.sync()
    assert other.row(made.customer_id)[2] == 0


def test_a_consent_withdrawn_offline_holds_here_at_once_and_reaches_central_next_round(
    open_till: Any,
) -> None:
    till, other = open_till("T14"), open_till("T15")
    made = till.online().create(CustomerDraft("Noé Petit", phone=a_phone(), marketing_consent=True))
    assert till.offline().withdraw_consent(made.customer_id).marketing_consent is False
    assert till.row(made.customer_id)[2] == 0  # this till, at once
    [record] = till.calls.search_customers(made.customer_id)
    assert record.marketing_consent is True  # central does not know yet
    till.sync()  # sent before the pull: the feed does not bring the old choice back
    assert till.row(made.customer_id)[2] == 0
    [record] = till.calls.search_customers(made.customer_id)
    assert record.marketing_consent is False
    other.sync()
    assert other.row(made.customer_id)[2] == 0
    with LocalStore(till.path) as store:
        assert customer_outbox.consents_due(store.conn) == []


def test_central_search_finds_a_customer_not_in_the_cache(open_till: Any) -> None:
    till, other = open_till("T10"), open_till("T11")
    phone = a_phone()
    made = other.online().create(CustomerDraft("Hugo Blanc", phone=phone))
    assert till.local(phone) == []
    found = till.online().find_online(phone)
    assert (found.offline, [(c.customer_id, c.local) for c in found.customers]) == (
        False,
        [(made.customer_id, False)],
    )
    away = till.offline().find_online(phone)
    assert (away.offline, away.customers) == (True, ())
    till.sync()
    assert [(c.customer_id, c.local) for c in till.online().find_online(phone).customers] == [
        (made.customer_id, True)
    ]  # in the cache now: listed once, as local


def test_history_shows_a_ticket_and_a_web_order_offline_too_and_erasure_removes_all(
    open_till: Any, central: CentralServer
) -> None:
    till = open_till("T12")
    phone = a_phone()
    made = till.online().create(CustomerDraft("Zoé Lambert", phone=phone))
    central.count_stock(LYON, "SKU0000050", 10)
    order = {"order_id": f"web-{made.customer_id}", "store_id": LYON, "customer": {"name": "Zoé"},
             "lines": [{"sku": "SKU0000050", "quantity": 1}], "paid": True,
             "customer_id": made.customer_id}  # fmt: skip
    placed = central.web("POST", "/v1/web/pickup-orders", order)
    assert placed.status_code == 201, placed.text
    seller_token = central.enrol(LYON, "T13")
    chain = SaleChain(terminal_id="T13")
    sale = chain.seal(sale_record(str(uuid.uuid4()), "T13", 1, [(10, "SKU0000010", 1, 1500)])
                      | {"v": 4, "customer_id": made.customer_id})  # fmt: skip
    with central.client(seller_token) as seller:
        assert push(seller, LYON, "T13", [sale])[0]["status"] == "accepted"
    history = till.online().history(made.customer_id)
    assert (history.offline, sorted(e.kind for e in history.entries)) == (
        False,
        ["ticket", "web_order"],
    )
    ticket = next(e for e in history.entries if e.kind == "ticket")
    assert (ticket.total_cents, ticket.points) == (1500, 15)
    cached = till.offline().history(made.customer_id)
    assert (cached.offline, cached.entries, cached.fetched_at) == (
        True,
        history.entries,
        history.fetched_at,
    )
    assert central.admin("DELETE", f"/v1/admin/customers/{made.customer_id}").status_code == 200
    assert central_ids(till, phone) == []  # central: no longer found
    till.sync()  # the feed retires it here: no search, no cached history
    assert till.local(phone) == [] and made.customer_id not in till.local("Zoé Lambert")
    assert till.online().find_online(phone).customers == ()
    assert till.offline().history(made.customer_id).entries == ()
    with pytest.raises(PosError) as gone:
        till.online().history(made.customer_id)
    assert gone.value.code == CUSTOMER_UNKNOWN
