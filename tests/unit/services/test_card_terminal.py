"""The card path through a linked terminal, and the kill between its approval and the
tender: the approval is on disk before the tender, and the resumed basket gets it back.
A real store file and the Concert simulator on 127.0.0.1."""

from collections.abc import Iterator
from itertools import count

import pytest

from hardware.payment_terminal import ConcertTerminal
from pos.domain.errors import PosError
from pos.services.card_terminal import CardTerminal
from pos.services.checkout import Checkout
from pos.store.local_store import LocalStore
from resources.demo.catalog import DemoProduct
from tests.support.staff import a_manager
from tests.support.tpe_simulator import TpeSimulator

_ids = count(1)


def till(store: LocalStore) -> Checkout:
    return Checkout(
        store, terminal_id="T01", actor=a_manager("Inès"),
        clock=lambda: "2026-11-25T10:41:00.000Z", new_id=lambda: f"sale-{next(_ids)}",
    )  # fmt: skip


@pytest.fixture
def simulator() -> Iterator[TpeSimulator]:
    sim = TpeSimulator(0, "approve").start()
    yield sim
    sim.stop()


def card_for(checkout: Checkout, sim: TpeSimulator) -> CardTerminal:
    host, port = sim.server_address[:2]
    return CardTerminal(checkout, ConcertTerminal(host, port, timeout_s=5, frame_timeout_s=1))


def a_unit(items: list[DemoProduct]) -> DemoProduct:
    return next(item for item in items if item.sold_by == "unit" and item.barcodes)


def test_an_approval_cut_off_before_its_tender_comes_back_with_the_basket(
    store: LocalStore, demo_items: list[DemoProduct], simulator: TpeSimulator
) -> None:
    checkout = till(store)
    checkout.scan(a_unit(demo_items).barcodes[0])
    due = checkout.totals().total_cents
    card = card_for(checkout, simulator)
    checkout.check_tender("card", due)
    card._exchange("debit", due)  # approved and written; the till dies before the tender
    path = store.path
    checkout.close()
    store.close()

    with LocalStore(path) as reopened:
        after = till(reopened)
        recovery = after.recover()
        assert recovery.basket is not None and recovery.basket.tenders == ()
        card = card_for(after, simulator)
        assert card.interrupted(recovery.basket.sale_id) is None  # waits for the resume
        assert card.holds_approval_for(recovery.basket.sale_id)  # so no set-aside
        after.resume_open_basket()
        settled = card.settle_after_resume()
        assert settled is not None and settled.amount_cents == due
        assert [(t.kind, t.amount_cents, t.reference) for t in after.payment.tenders] == [
            ("card", due, "A1B2C3 ****1234")
        ]
        assert card.pending() is None
        after.close()
    with LocalStore(path) as again:  # the recovered tender is on disk, not only in memory
        found = till(again).recover().basket
        assert found is not None and [t.reference for t in found.tenders] == ["A1B2C3 ****1234"]
    assert len(simulator.requests) == 1  # the customer's card was asked once


def test_a_declined_or_refused_card_leaves_nothing_pending(
    store: LocalStore, demo_items: list[DemoProduct], simulator: TpeSimulator
) -> None:
    checkout = till(store)
    checkout.scan(a_unit(demo_items).barcodes[0])
    due = checkout.totals().total_cents
    card = card_for(checkout, simulator)
    with pytest.raises(PosError) as too_much:
        card.pay(due + 1)  # the till would refuse it: the terminal is never asked
    assert too_much.value.code == "tender_exceeds_due" and simulator.requests == []
    simulator.mode = "decline"
    with pytest.raises(PosError) as declined:
        card.pay(due)
    assert declined.value.code == "card_declined"
    assert checkout.payment.tenders == [] and card.pending() is None
    simulator.mode = "approve"
    assert card.pay(due).approved and checkout.payment.is_covered and card.pending() is None
    checkout.close()
