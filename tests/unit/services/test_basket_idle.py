"""The till's idle moment (``Checkout.idle``): while a sale is open the collector's
automatic passes are deferred, so a scan runs none, and the passes Python's thresholds
call for run between two scans; the sale over (or the till closed), Python's thresholds
are back. A till never idle still has its memory bounded (``BACKSTOP``)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from pos.services.checkout import Checkout
from pos.services.checkout_idle import BACKSTOP
from pos.store.local_store import LocalStore
from resources.demo.catalog import DemoProduct
from tests.support.staff import a_manager


@pytest.fixture
def checkout(store: LocalStore) -> Iterator[Checkout]:
    till = Checkout(store, terminal_id="T01", actor=a_manager("Inès"))
    yield till
    till.close()


@pytest.fixture(autouse=True)
def python_thresholds() -> Iterator[tuple[int, int, int]]:
    """The thresholds as Python has them (700, 10, 10), whatever a test leaves."""
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*before)


@pytest.fixture
def passes() -> Iterator[list[int]]:
    """The generation of each collector pass started while the test runs."""
    started: list[int] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(note)
    yield started
    gc.callbacks.remove(note)


def codes(items: list[DemoProduct], n: int) -> list[str]:
    return [item.barcodes[0] for item in items if item.sold_by == "unit" and item.barcodes][:n]


def test_while_a_sale_is_open_the_passes_wait_for_the_idle_moment(
    checkout: Checkout, demo_items: list[DemoProduct], passes: list[int], python_thresholds
) -> None:
    first, *others = codes(demo_items, 6)
    checkout.scan(first)
    checkout.idle()
    assert gc.get_threshold() == (BACKSTOP, *python_thresholds[1:])
    kept = [[n] for n in range(2 * python_thresholds[0])]  # past Python's first threshold
    del passes[:]
    for code in others:  # Python would have run a pass in the first of these scans
        checkout.scan(code)
    assert passes == [] and gc.get_count()[0] > python_thresholds[0]
    work = checkout.idle()  # the pass it would have run, now
    assert passes == [work.collected] and work.collected >= 0
    assert gc.get_count()[0] < python_thresholds[0]
    assert len(kept) == 2 * python_thresholds[0]


def test_the_sale_over_or_the_till_closed_python_has_its_thresholds_back(
    checkout: Checkout, demo_items: list[DemoProduct], python_thresholds
) -> None:
    checkout.scan(codes(demo_items, 1)[0])
    checkout.idle()
    assert gc.get_threshold()[0] == BACKSTOP
    checkout.cancel()
    checkout.idle()
    assert gc.get_threshold() == python_thresholds
    checkout.scan(codes(demo_items, 1)[0])
    checkout.idle()
    assert gc.get_threshold()[0] == BACKSTOP
    checkout.close()
    assert gc.get_threshold() == python_thresholds


def test_a_till_never_idle_still_collects_at_the_backstop(
    checkout: Checkout, demo_items: list[DemoProduct], passes: list[int]
) -> None:
    checkout.scan(codes(demo_items, 1)[0])
    checkout.idle()
    del passes[:]
    kept = [[n] for n in range(BACKSTOP + 100)]  # no idle moment in between
    assert passes and len(kept) == BACKSTOP + 100


def test_an_idle_moment_changes_no_price(checkout: Checkout, demo_items: list[DemoProduct]) -> None:
    for code in codes(demo_items, 12):
        checkout.scan(code)
        lines, totals = checkout.basket.lines, checkout.totals()
        checkout.idle()
        assert checkout.basket.lines is lines and checkout.totals() is totals


def test_another_checkout_closing_leaves_the_tills_deferral(
    checkout: Checkout, store: LocalStore, demo_items: list[DemoProduct]
) -> None:
    checkout.scan(codes(demo_items, 1)[0])
    checkout.idle()
    other = Checkout(store, terminal_id="T02", actor=a_manager("Inès"))  # a scene, a script
    other.close()
    assert gc.get_threshold()[0] == BACKSTOP
