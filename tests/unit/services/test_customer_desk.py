"""The customer desk on a real demo store: the demo's customers are found at once, from a
worker thread, ranked, and an erasure pulled from central removes one at the next page."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pos.domain.customer_card import card_text
from pos.services.customers import MAX_RESULTS, CustomerDesk, CustomerView, MatchedBy
from pos.services.demo_store import build_demo_store
from pos.store import customer_feed
from pos.store.local_store import LocalStore
from sync.contract.feeds import CustomerItem


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[LocalStore, CustomerDesk]]:
    with LocalStore(tmp_path / "store.db") as store:
        build_demo_store(store, products=200, days=1, today=date(2026, 11, 25))
        desk = CustomerDesk(store.path)
        yield store, desk
        desk.close()


def names(views: list[CustomerView]) -> list[str]:
    return [view.name for view in views]


def test_the_demo_customers_are_found_every_way(demo: tuple[LocalStore, CustomerDesk]) -> None:
    _store, desk = demo
    assert names(desk.find("helene duboe")) == ["Hélène Dubœuf"]
    assert names(desk.find("arcy")) == ["Noël d'Arcy"]
    by_phone = desk.find("+33 6 39 98 70 05")
    assert names(by_phone) == ["Noël d'Arcy"]
    assert (by_phone[0].matched_by, by_phone[0].exact) == (MatchedBy.PHONE, True)
    by_card = desk.find(card_text("CLI-0008"))
    assert (by_card[0].name, by_card[0].matched_by, by_card[0].loyalty_points) == (
        "Zoé Perrin",
        MatchedBy.CARD,
        1780,
    )
    by_email = desk.find("Chloe.Benoit@Example.FR")
    assert (by_email[0].name, by_email[0].matched_by) == ("Chloé Benoît", MatchedBy.EMAIL)


def test_exact_keys_rank_before_names(demo: tuple[LocalStore, CustomerDesk]) -> None:
    store, desk = demo
    # A customer named like another's email start, and one whose phone is typed.
    customer_feed.apply_page(
        store.conn,
        [
            CustomerItem(
                id="X1",
                name="Zoé Perrinet",
                email="zp@exemple.fr",
                phone="0611111111",
                loyalty_points=0,
                active=True,
                version=1,
            )
        ],
        "c1",
    )
    assert names(desk.find("zoe perrin")) == ["Zoé Perrin", "Zoé Perrinet"]
    views = desk.find("zoe.perrin@example.fr")
    assert names(views)[0] == "Zoé Perrin" and views[0].exact


def test_found_from_a_worker_thread(demo: tuple[LocalStore, CustomerDesk]) -> None:
    _store, desk = demo
    found: list[list[str]] = []

    def work() -> None:
        found.append(names(desk.find("loic")))
        desk.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=10)
    assert found == [["Loïc Marchand"]]


def test_an_erasure_from_central_reaches_the_till_at_the_next_page(
    demo: tuple[LocalStore, CustomerDesk],
) -> None:
    store, desk = demo
    assert names(desk.find("ines")) == ["Inès Haddad"]
    erased = CustomerItem(
        id="CLI-0010", name="", email="", phone="", loyalty_points=0, active=False, version=9
    )
    customer_feed.apply_page(store.conn, [erased], "c9")
    for typed in (
        "ines",
        "haddad",
        "06 39 98 05 63",
        "ines.haddad@example.com",
        card_text("CLI-0010"),
        "CLI-0010",
    ):
        assert desk.find(typed) == [], typed


def test_garbage_and_many_matches(demo: tuple[LocalStore, CustomerDesk]) -> None:
    store, desk = demo
    for garbage in ("'", '" OR "', "*", "NEAR(", "%%", ""):
        assert desk.find(garbage) == []
    customer_feed.apply_page(
        store.conn,
        [
            CustomerItem(
                id=f"M{i:03}",
                name=f"Martin {i:03}",
                email="",
                phone="",
                loyalty_points=0,
                active=True,
                version=1,
            )
            for i in range(40)
        ],
        "c2",
    )
    assert names(desk.find("mart")) == [f"Martin {i:03}" for i in range(MAX_RESULTS)]
