"""Shown stock = last central level + local movements the central side has not seen."""

from __future__ import annotations

import random

import pytest

from pos.store import catalog_feed, feed_cursors, push_queue, stock_levels, sync_attention
from pos.store.local_store import LocalStore
from pos.store.push_queue import Rejection
from tests.sync.feed_items import Stock, products
from tests.sync.sales_factory import draft, sellable


@pytest.fixture
def shop(store: LocalStore) -> LocalStore:
    catalog_feed.apply_page(store.conn, products(1, 5, price=250), "c0", caught_up=True)
    stock_levels.apply_page(store.conn, [Stock(n, f"SKU{n:07d}", 20) for n in (1, 2, 3)], "s0")
    return store


_ids = random.Random(0)


def sell(store: LocalStore, product_id: int, quantity: int) -> str:
    product = next(p for p in sellable(store.conn) if p[0] == product_id)
    sale = draft([product], _ids, quantities=[quantity])
    return store.sales.commit(sale).sale_id


def shown(store: LocalStore, product_id: int) -> int:
    level = stock_levels.level(store.conn, product_id)
    assert store.catalog.stock_on_hand(product_id) == level.on_hand  # materialised in step
    return level.on_hand


def test_a_local_sale_counts_until_the_level_that_includes_it_arrives(shop: LocalStore) -> None:
    sale = sell(shop, 1, 3)
    assert shown(shop, 1) == 17  # 20 centrally, 3 sold here, not yet pushed
    level = stock_levels.level(shop.conn, 1)
    assert (level.central_on_hand, level.unsynced_delta, level.available) == (20, -3, 17)

    push_queue.settle(shop.conn, [sale])  # central accepted it...
    assert shown(shop, 1) == 17  # ...but the level we hold predates it: still counted

    stock_levels.apply_page(shop.conn, [Stock(1, "SKU0000001", 17, version=2)], "s1")
    assert shown(shop, 1) == 17  # the new level includes it: counted once, not twice
    assert stock_levels.level(shop.conn, 1).unsynced_delta == 0


def test_a_level_pulled_while_a_sale_is_unacknowledged_still_adds_it(shop: LocalStore) -> None:
    sell(shop, 2, 4)
    stock_levels.apply_page(shop.conn, [Stock(2, "SKU0000002", 30, version=2)], "s1")  # a delivery
    assert shown(shop, 2) == 26


def test_available_subtracts_what_the_web_reserved(shop: LocalStore) -> None:
    sell(shop, 3, 1)
    stock_levels.apply_page(shop.conn, [Stock(3, "SKU0000003", 20, reserved=5, version=2)], "s1")
    level = stock_levels.level(shop.conn, 3)
    assert (level.on_hand, level.reserved, level.available) == (19, 5, 14)


def test_a_set_aside_sale_keeps_counting_until_requeued_and_included(shop: LocalStore) -> None:
    sale = sell(shop, 1, 2)
    assert shown(shop, 1) == 18
    push_queue.settle(shop.conn, [], [Rejection(sale, "invalid_payload", "bad")])
    assert shown(shop, 1) == 18  # the goods left the shelf: still counted
    stock_levels.apply_page(shop.conn, [Stock(1, "SKU0000001", 20, version=2)], "s1")
    assert shown(shop, 1) == 18  # a level pulled meanwhile does not include it
    assert sync_attention.requeue(shop.conn, None, terminal_id="T01", source="cli") == [sale]
    assert shown(shop, 1) == 18
    push_queue.settle(shop.conn, [sale])  # accepted this time
    assert shown(shop, 1) == 18
    stock_levels.apply_page(shop.conn, [Stock(1, "SKU0000001", 18, version=3)], "s2")
    assert shown(shop, 1) == 18  # central's level includes it: counted once
    assert stock_levels.level(shop.conn, 1).unsynced_delta == 0


def test_products_never_pulled_keep_the_local_figure(shop: LocalStore) -> None:
    shop.conn.execute("INSERT INTO stock (product_id, on_hand) VALUES (4, 12)")
    sell(shop, 4, 2)
    level = stock_levels.level(shop.conn, 4)
    assert (level.on_hand, level.central_on_hand, level.reserved) == (10, None, 0)
    assert stock_levels.level(shop.conn, 5).on_hand == 0


def test_a_level_may_arrive_before_its_product(store: LocalStore) -> None:
    stock_levels.apply_page(store.conn, [Stock(77, "SKU0000077", 8)], "s0")
    assert stock_levels.level(store.conn, 77).on_hand == 8
    assert store.catalog.stock_on_hand(77) == 0  # no product row to materialise onto yet
    assert feed_cursors.cursor(store.conn, "stock") == "s0"


def test_a_page_applied_twice_is_harmless(shop: LocalStore) -> None:
    sell(shop, 1, 1)
    page = [Stock(1, "SKU0000001", 15, 2, version=3)]
    stock_levels.apply_page(shop.conn, page, "s1")
    stock_levels.apply_page(shop.conn, page, "s1")
    assert shown(shop, 1) == 14 and stock_levels.level(shop.conn, 1).available == 12


def test_many_sales_and_acks_keep_shown_and_materialised_levels_equal(shop: LocalStore) -> None:
    """A random interleaving of sales, pushes and pulls against a model of the central side."""
    rng = random.Random(5)
    central = {1: 20, 2: 20, 3: 20}
    unsent: list[tuple[str, int, int]] = []
    version = 10
    for _step in range(200):
        roll = rng.random()
        if roll < 0.5:
            pid, qty = rng.choice((1, 2, 3)), rng.randint(1, 3)
            unsent.append((sell(shop, pid, qty), pid, qty))
        elif roll < 0.75 and unsent:
            cut = rng.randint(1, len(unsent))
            batch, unsent = unsent[:cut], unsent[cut:]
            push_queue.settle(shop.conn, [sale for sale, _p, _q in batch])
            for _sale, pid, qty in batch:
                central[pid] -= qty
        else:
            version += 1
            pulled = rng.sample(sorted(central), rng.randint(1, 3))
            stock_levels.apply_page(
                shop.conn, [Stock(p, f"SKU{p:07d}", central[p], version=version) for p in pulled],
                f"s{version}",
            )  # fmt: skip
        for pid in (1, 2, 3):
            pending = sum(q for _s, p, q in unsent if p == pid)
            assert shown(shop, pid) == central[pid] - pending
        # The stock screen's batch read gives the same figures, never-pulled ones included.
        ids = (1, 2, 3, 4, 5, 999)
        assert stock_levels.levels(shop.conn, ids) == {
            pid: stock_levels.level(shop.conn, pid) for pid in ids
        }
