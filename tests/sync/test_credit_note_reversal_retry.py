"""A credit note debit the till gives back is never dropped: the cashier removes a credit
note tender (or cancels the sale) while central cannot be reached, the reversal waits in
the till's file and the next sync round sends it. A credit note taken again in the same
place of the sale (the same op id) ends with exactly one debit, whether central came back
before it or only at the push; a debit a sale accepted by central pays with is never
given back; a reversal central refuses is on the manager's list until it is settled.
Real tills, the real central and a real proxy on 127.0.0.1; balances read from central."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.domain.returns import ReturnReason
from pos.domain.sale import SaleTender
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.credit_notes import CreditNoteTill
from pos.services.outbox_review import OutboxReview
from pos.services.returns import ReturnDesk
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from tests.central.conftest import LYON
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier, a_manager
from tests.sync.hostile_proxy import HostileProxy
from tests.sync.terminals import Terminal, open_terminal

CAMILLE = a_cashier("Camille")
INES = a_manager("Inès")
CALL_DEADLINE_S = 3.0  # the till's calls give up after this


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=100) as server:
        yield server


class Till:
    """One till of Lyon whose engine and calls go through ``proxy``; ``direct`` reads
    central's balances past the proxy."""

    def __init__(self, folder: Path, central: CentralServer, proxy: HostileProxy) -> None:
        token = central.enrol(LYON, "T71")
        self.terminal: Terminal = open_terminal(
            folder / "t71", central, "T71", url=proxy.url, token=token, store_id=LYON
        )
        self.store = LocalStore(self.terminal.path)
        self.calls = HttpCentral(proxy.url, LYON, "T71", token, deadline_s=CALL_DEADLINE_S)
        self.direct = HttpCentral(central.url, LYON, "T71", token)
        self.data_dir = folder / "t71"
        self.sync()

    def sync(self) -> None:
        status = self.terminal.sync()
        assert (status.state, status.pending) == ("idle", 0), status

    def balance(self, code: str) -> int:
        return self.direct.credit_note(code).balance_cents

    def queued(self) -> list[tuple[str, str]]:
        sql = "SELECT op_id, code FROM credit_note_reversals ORDER BY op_id"
        return [tuple(row) for row in self.store.conn.execute(sql)]

    def close(self) -> None:
        for closing in (self.calls.close, self.direct.close, self.store.close):
            closing()
        self.terminal.close()


@pytest.fixture
def proxy(central: CentralServer) -> Iterator[HostileProxy]:
    with HostileProxy(central.url) as middle:
        yield middle


@pytest.fixture
def till(tmp_path: Path, central: CentralServer, proxy: HostileProxy) -> Iterator[Till]:
    opened = Till(tmp_path, central, proxy)
    yield opened
    opened.close()


def _issued(till: Till) -> tuple[str, int]:
    """Product 41 sold by card, pushed, taken back to a credit note, pushed."""
    sale = Checkout(till.store, terminal_id="T71", actor=CAMILLE)
    sale.add_product(41, 1)
    total = sale.totals().total_cents
    sale.add_tender(TenderKind.CARD, total, "CB-1")
    sold = sale.complete().sale_id
    till.sync()
    desk = ReturnDesk(Checkout(till.store, terminal_id="T71", actor=CAMILLE), calls=till.calls,
                      store_id=LYON)  # fmt: skip
    desk.find(sold)
    desk.return_line(sold, 1, 1, ReturnReason.CHANGED_MIND)
    desk.refund((SaleTender("credit_note", -total),))
    code = desk.credit_note_code()
    desk.complete()
    till.sync()
    return code, total


def _paying(till: Till, actor=CAMILLE) -> tuple[Checkout, CreditNoteTill, int]:
    checkout = Checkout(till.store, terminal_id="T71", actor=actor)
    checkout.add_product(42, 3)
    notes = CreditNoteTill(checkout, calls=till.calls, offline_limit_cents=100_000)
    return checkout, notes, checkout.totals().total_cents


def test_a_removal_central_missed_is_given_back_by_the_next_round(
    till: Till, proxy: HostileProxy
) -> None:
    code, issued = _issued(till)
    _, notes, _ = _paying(till)
    notes.take(code, 200)
    assert till.balance(code) == issued - 200
    proxy.mode = "html_502"  # central away: the reversal cannot be sent
    notes.remove(0)
    assert till.balance(code) == issued - 200  # still debited centrally
    proxy.mode = "forward"
    till.sync()  # one round
    assert till.balance(code) == issued
    assert till.queued() == []


def test_a_cancelled_sale_central_missed_is_given_back_by_the_next_round(
    till: Till, proxy: HostileProxy
) -> None:
    code, issued = _issued(till)
    checkout, notes, _ = _paying(till)
    notes.take(code, 120)
    notes.take(code, 80)
    proxy.mode = "html_502"
    with pytest.raises(PosError):  # a cashier may not cancel: nothing is given back
        notes.cancel()
    assert (len(checkout.payment.tenders), till.queued()) == (2, [])
    checkout.actor = INES  # a manager cancels
    notes.cancel()
    assert till.balance(code) == issued - 200
    proxy.mode = "forward"
    till.sync()
    assert till.balance(code) == issued
    assert till.queued() == []


@pytest.mark.parametrize("back", ["before-the-retake", "at-the-push"])
def test_a_retake_after_an_offline_removal_ends_with_one_debit(
    till: Till, proxy: HostileProxy, back: str
) -> None:
    """Removed while central was away, then a credit note again in the same place (the
    same op id) for another amount: online once central is back (the queued reversal is
    sent first, then the place is debited afresh), or still offline (the round sends the
    reversal, then the push debits). Either way the note ends debited once, by the new
    amount."""
    code, issued = _issued(till)
    checkout, notes, due = _paying(till)
    notes.take(code, 200)
    proxy.mode = "html_502"
    notes.remove(0)
    if back == "before-the-retake":
        proxy.mode = "forward"
    again = notes.take(code, 150)
    assert again.index == 0  # the same place: the same op id
    if back == "before-the-retake":
        assert till.balance(code) == issued - 150
        assert till.queued() == []
    checkout.add_tender(TenderKind.CARD, due - 150, "CB-2")
    checkout.complete()
    proxy.mode = "forward"
    till.sync()
    assert till.balance(code) == issued - 150
    assert till.queued() == []
    till.sync()  # nothing more is given back later
    assert till.balance(code) == issued - 150


def test_a_debit_a_sale_accepted_by_central_pays_with_is_never_given_back(
    till: Till, proxy: HostileProxy
) -> None:
    """The reversal's answer is unreadable (refused) while the sale re-taking the same
    place is pushed: central's push takes the standing debit as the sale's. The reversal
    is then held back, and shown to a manager, instead of leaving the sale unpaid."""
    code, issued = _issued(till)
    checkout, notes, due = _paying(till)
    notes.take(code, 200)
    proxy.mode = "html_502"
    notes.remove(0)
    notes.take(code, 200)  # offline, the same amount in the same place
    checkout.add_tender(TenderKind.CARD, due - 200, "CB-3")
    sold = checkout.complete().sale_id
    proxy.mode, proxy.only = "not_json", "/debits/"  # reversals only: the push goes on
    till.terminal.sync()
    assert till.balance(code) == issued - 200  # the sale's one debit
    proxy.mode, proxy.only = "forward", ""
    till.sync()
    assert till.balance(code) == issued - 200  # still: the sale is paid
    owed = OutboxReview(till.data_dir, "T71").list().owed
    assert [(c.kind, c.key, c.last_code) for c in owed] == [
        ("credit_note_reversal", f"{sold}:t1", "debit_in_use")
    ]


def test_a_refused_reversal_is_on_the_managers_list_until_central_takes_it(
    till: Till, central: CentralServer
) -> None:
    code, issued = _issued(till)
    _, notes, _ = _paying(till)
    notes.take(code, 200)
    notes.calls = HttpCentral(central.url, LYON, "T71", "withdrawn-token")  # refused: 401
    notes.remove(0)
    notes.calls.close()
    review = OutboxReview(till.data_dir, "T71")
    owed = review.list().owed
    assert [(c.kind, c.code, c.refused) for c in owed] == [("credit_note_reversal", code, True)]
    assert till.balance(code) == issued - 200
    assert till.terminal.engine._counts().rejected == 1  # the status bar's count
    till.sync()  # the engine's token is good: central takes it
    assert (till.balance(code), review.list().owed) == (issued, ())


def test_a_retake_waits_for_a_reversal_central_refuses(till: Till, proxy: HostileProxy) -> None:
    """The removed debit could not be given back (its answer unreadable): debiting the
    same place again would reuse it, so the till says so instead."""
    code, issued = _issued(till)
    _, notes, _ = _paying(till)
    notes.take(code, 200)
    proxy.mode, proxy.only = "not_json", "/debits/"
    notes.remove(0)
    with pytest.raises(PosError) as refused:
        notes.take(code, 150)
    assert refused.value.code == "credit_note_reversal_pending"
    assert till.balance(code) == issued - 200


def test_removing_another_note_taken_offline_in_that_place_gives_back_the_first(
    till: Till, proxy: HostileProxy
) -> None:
    """Note A debited, removed while central was away; note B taken offline in the same
    place (never debited), then removed once central is back: A's debit is the one
    standing under that op id, and the one given back."""
    first, issued_first = _issued(till)
    second, issued_second = _issued(till)
    _, notes, _ = _paying(till)
    notes.take(first, 200)
    proxy.mode = "html_502"
    notes.remove(0)
    notes.take(second, 150)  # offline: not debited
    proxy.mode = "forward"
    notes.remove(0)
    assert (till.balance(first), till.balance(second)) == (issued_first, issued_second)
    assert till.queued() == []


def test_a_reversal_of_a_debit_central_never_recorded_is_done(
    till: Till, proxy: HostileProxy
) -> None:
    """Taken offline (never debited), removed once central is back: central knows no
    such debit, which means nothing is owed; the queue is empty and the balance whole."""
    code, issued = _issued(till)
    _, notes, _ = _paying(till)
    proxy.mode = "html_502"
    notes.take(code, 200)
    proxy.mode = "forward"
    notes.remove(0)
    assert (till.queued(), till.balance(code)) == ([], issued)
