"""A credit note tender's debit is named by its place in the sale (``<sale_id>:t<seq>``).
When the cashier removes a debited credit note (central gives the debit back) and takes
a credit note again in the same place, central must debit it afresh: online, and when
central went away meanwhile and the sale's push brings the debit. Real tills and the
real reference server on 127.0.0.1; balances read from central."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.domain.returns import ReturnReason
from pos.domain.sale import SaleTender
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.credit_notes import CreditNoteTill
from pos.services.returns import ReturnDesk
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier, a_manager
from tests.sync.terminals import Terminal, open_terminal

STORE = "lyon-part-dieu"
DOWN = "http://127.0.0.1:9"  # nothing listens there: central is down for this till
CAMILLE = a_cashier("Camille")


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


@pytest.fixture
def till(
    tmp_path: Path, central: CentralServer
) -> Iterator[tuple[Terminal, LocalStore, HttpCentral]]:
    token = central.enrol(STORE, "T31")
    terminal = open_terminal(tmp_path / "t31", central, "T31", token=token, store_id=STORE)
    terminal.sync()
    store, calls = LocalStore(terminal.path), HttpCentral(central.url, STORE, "T31", token)
    yield terminal, store, calls
    calls.close()
    store.close()
    terminal.close()


def _issued(terminal: Terminal, store: LocalStore, calls: HttpCentral) -> tuple[str, int]:
    """Product 41 sold by card, pushed, taken back to a credit note, pushed."""
    sale = Checkout(store, terminal_id="T31", actor=CAMILLE)
    sale.add_product(41, 1)
    total = sale.totals().total_cents
    sale.add_tender(TenderKind.CARD, total, "CB-1")
    sold = sale.complete().sale_id
    assert terminal.sync().pending == 0
    desk = ReturnDesk(Checkout(store, terminal_id="T31", actor=CAMILLE), calls=calls,
                      store_id=STORE)  # fmt: skip
    desk.find(sold)
    desk.return_line(sold, 1, 1, ReturnReason.CHANGED_MIND)
    desk.refund((SaleTender("credit_note", -total),))
    code = desk.credit_note_code()
    desk.complete()
    assert terminal.sync().pending == 0
    return code, total


@pytest.mark.parametrize("online", [True, False], ids=["online", "central-went-away"])
def test_a_credit_note_taken_again_in_the_place_of_a_removed_one_is_debited(
    till, central: CentralServer, online: bool
) -> None:
    terminal, store, calls = till
    code, issued = _issued(terminal, store, calls)
    checkout = Checkout(store, terminal_id="T31", actor=CAMILLE)
    checkout.add_product(42, 3)
    due = checkout.totals().total_cents
    part = min(issued, due) - 1
    notes = CreditNoteTill(checkout, calls=calls, offline_limit_cents=100_000)
    notes.take(code, part)
    assert calls.credit_note(code).balance_cents == issued - part
    notes.remove(0)
    assert calls.credit_note(code).balance_cents == issued  # given back
    down = HttpCentral(DOWN, STORE, "T31", "token")
    if not online:
        notes.calls = down  # central went away: the offline rule, the push debits it
    again = notes.take(code, part)
    assert again.index == 0  # the same place in the sale: the same op id
    checkout.add_tender(TenderKind.CARD, due - part, "CB-2")
    checkout.complete()
    assert terminal.sync().pending == 0
    down.close()
    note = calls.credit_note(code)
    assert (note.balance_cents, note.status) == (issued - part, "active")


def test_a_credit_note_paid_before_a_restart_is_given_back_when_removed(till) -> None:
    """The till stopped with the note debited in the open basket: once resumed, removing
    that tender (then cancelling the sale after another) still gives the debit back."""
    terminal, store, calls = till
    code, issued = _issued(terminal, store, calls)
    checkout = Checkout(store, terminal_id="T31", actor=CAMILLE)
    checkout.add_product(42, 3)
    CreditNoteTill(checkout, calls=calls).take(code, 100)
    CreditNoteTill(checkout, calls=calls).take(code, 200)
    assert calls.credit_note(code).balance_cents == issued - 300
    checkout.close()
    restarted = Checkout(store, terminal_id="T31", actor=a_manager("Inès"))  # may cancel
    if restarted.recover().unshown is not None:  # the return ticket, never shown
        restarted.acknowledge_unshown()
    restarted.resume_open_basket()
    assert [t.amount_cents for t in restarted.payment.tenders] == [100, 200]
    notes = CreditNoteTill(restarted, calls=calls)  # knows of no debit of its own
    notes.remove(1)
    assert calls.credit_note(code).balance_cents == issued - 100
    notes.cancel()
    assert calls.credit_note(code).balance_cents == issued
