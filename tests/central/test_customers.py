"""Customers over the real server (issue 15): created by a till with consent, idempotent by
the till's id, refused when the email or phone is an active customer's (naming them),
found by card, phone, email or name, their consent withdrawn and carried by the feed,
their history across store tickets and web orders, and an erasure that removes them from
search and history."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pos.domain.customer_card import card_text
from sync.central import customers
from sync.central.db import Database
from tests.central.conftest import LYON, PARIS, pull_all, push
from tests.support.central_server import CentralServer
from tests.support.sale_ops import SaleChain, sale_record


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


@pytest.fixture(scope="module")
def lyon(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, "T01")) as client:
        yield client


BASE = f"/v1/stores/{LYON}/customers"


def new_id() -> str:
    return f"cl-{uuid.uuid4()}"


def create(client: httpx.Client, **body: Any) -> httpx.Response:
    return client.post(BASE, json=body)


def feed_item(client: httpx.Client, customer_id: str) -> dict[str, Any]:
    items, _cursor = pull_all(client, LYON, "customers")
    return [item for item in items if item["id"] == customer_id][-1]


def search(client: httpx.Client, text: str) -> list[str]:
    response = client.get(BASE, params={"q": text})
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["customers"]]


def test_a_customer_is_created_with_consent_once_however_often_it_is_sent(
    lyon: httpx.Client,
) -> None:
    customer_id = new_id()
    body = {"customer_id": customer_id, "name": " Inès Moreau ", "phone": "06 71 22 33 44",
            "marketing_consent": False}  # fmt: skip
    first = create(lyon, **body)
    assert first.status_code == 201, first.text
    made = first.json()
    assert (made["name"], made["phone"], made["email"]) == ("Inès Moreau", "+33671223344", "")
    assert (made["marketing_consent"], made["consent_source"]) == (False, f"store:{LYON}")
    again = create(lyon, **body)  # the till's retry after a lost answer
    assert (again.status_code, again.json()) == (201, made)
    other = create(lyon, **(body | {"name": "Someone Else"}))
    assert (other.status_code, other.json()["error"]["code"]) == (409, "conflict")
    item = feed_item(lyon, customer_id)
    assert (item["name"], item["active"], item["marketing_consent"]) == ("Inès Moreau", True, False)


def test_an_email_or_phone_already_a_customers_is_refused_naming_them(
    lyon: httpx.Client,
) -> None:
    # CLI-0001 is seeded as aurelie.fabre@example.fr, 06 39 98 12 34
    by_email = create(lyon, customer_id=new_id(), name="A. Fabre", email="Aurelie.Fabre@Example.fr")
    assert by_email.status_code == 409, by_email.text
    assert by_email.json()["error"]["code"] == "customer_exists"
    assert by_email.json()["error"]["customer_id"] == "CLI-0001"
    by_phone = create(lyon, customer_id=new_id(), name="A. Fabre", phone="+33 6 39 98 12 34")
    assert (by_phone.status_code, by_phone.json()["error"]["customer_id"]) == (409, "CLI-0001")


@pytest.mark.parametrize(
    "body",
    [
        {"name": "No Contact"},
        {"name": "", "email": "a@b.fr"},
        {"name": "Bad Mail", "email": "not-an-email"},
        {"name": "Bad Phone", "phone": "12 34"},
        {"name": "Too Much", "email": "a@b.fr", "date_of_birth": "1990-01-01"},
    ],
)
def test_a_creation_holding_too_little_or_too_much_is_refused(
    lyon: httpx.Client, body: dict[str, Any]
) -> None:
    response = create(lyon, customer_id=new_id(), **body)
    assert (response.status_code, response.json()["error"]["code"]) == (400, "bad_request")


def test_a_withdrawn_consent_reaches_the_feed_with_a_new_version(lyon: httpx.Client) -> None:
    customer_id = new_id()
    made = create(lyon, customer_id=customer_id, name="Paul Girard", email="paul.g@example.fr",
                  marketing_consent=True).json()  # fmt: skip
    assert made["marketing_consent"] is True
    _items, cursor = pull_all(lyon, LYON, "customers")
    withdrawn = lyon.post(f"{BASE}/{customer_id}/consent", json={"marketing_consent": False})
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["marketing_consent"] is False
    changed, _next = pull_all(lyon, LYON, "customers", cursor=cursor)
    assert [(c["id"], c["marketing_consent"]) for c in changed] == [(customer_id, False)]
    assert changed[0]["version"] > made["version"]


def test_central_search_finds_by_card_phone_email_and_name(lyon: httpx.Client) -> None:
    assert search(lyon, card_text("CLI-0001")) == ["CLI-0001"]
    assert search(lyon, "0639981234")[:1] == ["CLI-0001"]
    assert search(lyon, "+33 6 39 98 12 34")[:1] == ["CLI-0001"]
    assert search(lyon, "AURELIE.FABRE@example.fr")[:1] == ["CLI-0001"]
    assert "CLI-0001" in search(lyon, "aurélie")
    assert search(lyon, "' OR 1=1 --") == []
    assert len(search(lyon, "a")) <= 20


def test_history_lists_store_tickets_and_web_orders_newest_first_and_erasure_hides_all(
    central: CentralServer, lyon: httpx.Client
) -> None:
    customer_id = new_id()
    created = create(lyon, customer_id=customer_id, name="Zoé Lambert", phone="0688776655")
    assert created.status_code == 201, created.text
    central.count_stock(LYON, "SKU0000050", 10)
    order = {"order_id": f"web-{customer_id}", "store_id": LYON, "customer": {"name": "Zoé"},
             "lines": [{"sku": "SKU0000050", "quantity": 1}], "paid": True,
             "customer_id": customer_id}  # fmt: skip
    placed = central.web("POST", "/v1/web/pickup-orders", order)
    assert placed.status_code == 201, placed.text
    chain = SaleChain(terminal_id="T01")
    record = sale_record(str(uuid.uuid4()), "T01", 7, [(10, "SKU0000010", 2, 1000)])
    sale = chain.seal(record | {"v": 4, "customer_id": customer_id})
    assert push(lyon, LYON, "T01", [sale])[0]["status"] == "accepted"
    history = lyon.get(f"{BASE}/{customer_id}/history", params={"limit": 20})
    assert history.status_code == 200, history.text
    entries = history.json()["entries"]
    assert sorted(e["kind"] for e in entries) == ["ticket", "web_order"]
    ticket = next(e for e in entries if e["kind"] == "ticket")
    assert (ticket["store_id"], ticket["total_cents"], ticket["points"]) == (LYON, 2000, 20)
    web = next(e for e in entries if e["kind"] == "web_order")
    assert (web["code"], web["state"]) == (placed.json()["pickup_code"], placed.json()["state"])
    assert [e["at"] for e in entries] == sorted((e["at"] for e in entries), reverse=True)
    assert search(lyon, "0688776655") == [customer_id]

    erased = central.admin("DELETE", f"/v1/admin/customers/{customer_id}")
    assert erased.status_code == 200, erased.text
    assert search(lyon, "0688776655") == []
    assert search(lyon, customer_id) == []
    gone = lyon.get(f"{BASE}/{customer_id}/history")
    assert (gone.status_code, gone.json()["error"]["code"]) == (404, "not_found")
    item = feed_item(lyon, customer_id)
    assert (item["active"], item["name"], item["phone"]) == (False, "", "")
    # the number is free again for a new customer
    assert create(lyon, customer_id=new_id(), name="Zoé L.", phone="0688776655").status_code == 201


def test_another_stores_till_cannot_create_here(central: CentralServer) -> None:
    with central.client(central.enrol(PARIS, "T09")) as paris:
        response = create(paris, customer_id=new_id(), name="X", email="x@example.fr")
    assert (response.status_code, response.json()["error"]["code"]) == (403, "forbidden_store")


def test_every_search_and_history_query_reads_an_index_not_the_table(tmp_path: Path) -> None:
    """Central's customers may be millions: each query is a range of one index (the
    expression indexes of customers.sql, matched only by the same expression)."""
    db = Database(tmp_path / "plans.db")
    queries = {
        customers.BY_PHONE: ("612345678", 20),
        customers.BY_EMAIL: ("a@b.fr", 20),
        customers.EMAIL_STARTS: ("a", "\U0010ffff", 20),
        customers.NAME_STARTS: ("a", "\U0010ffff", 20),
        customers._TICKETS: ("cl-1", 20),
        customers._ORDERS: ("cl-1", 20),
    }
    with db.read() as conn:
        for sql, args in queries.items():
            plan = " / ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, args))
            assert "USING" in plan and "SCAN" not in plan, (sql, plan)
            if "LIMIT ?3" in sql:  # a prefix: read in index order, stopped at the limit
                assert "TEMP B-TREE" not in plan, (sql, plan)
    db.close()
