"""Loyalty at a real till over the real central (issue 15): a sale with a customer earns
once, what the till computed; points spent as a tender are debited centrally before the
tender is recorded; offline, within a cap and once per customer per sale, queued and sent
at the next round, and a queued redemption central then refuses goes to the attention
list; a tender taken off gives its points back. Real till files, the real central and a
real proxy on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.receipt.layout import layout, plain_text
from pos.domain.errors import PosError
from pos.domain.sale import CompletedSale
from pos.services.checkout import Checkout
from pos.services.loyalty import LoyaltyTill, loyalty_offered
from pos.services.receipts import ReceiptHeader, receipt_document
from pos.store import loyalty_owed, sync_attention
from pos.store.errors import StoreError
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from sync.contract.loyalty import LoyaltyRedemption
from sync.engine.loyalty_owed import pull_rule
from sync.medusa.loyalty import MedusaLoyaltyCalls
from tests.central.conftest import LYON
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier, a_manager
from tests.sync.hostile_proxy import HostileProxy
from tests.sync.terminals import Terminal, open_terminal

CAMILLE = a_cashier("Camille")
INES = a_manager("Inès")
CALL_DEADLINE_S = 3.0


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    path = tmp_path_factory.mktemp("central") / "central.db"
    with CentralServer(path, products=100) as server:
        yield server


@pytest.fixture
def proxy(central: CentralServer) -> Iterator[HostileProxy]:
    with HostileProxy(central.url) as middle:
        yield middle


class Till:
    """One enrolled till of Lyon reaching central through the proxy."""

    def __init__(self, folder: Path, central: CentralServer, terminal_id: str, url: str) -> None:
        token = central.enrol(LYON, terminal_id)
        self.terminal: Terminal = open_terminal(
            folder / terminal_id, central, terminal_id, url=url, token=token, store_id=LYON
        )
        self.store = LocalStore(self.terminal.path)
        self.calls = HttpCentral(url, LYON, terminal_id, token, deadline_s=CALL_DEADLINE_S)
        self.direct = HttpCentral(central.url, LYON, terminal_id, token)  # never cut
        self.terminal_id = terminal_id
        self.sync()

    def sync(self) -> None:
        status = self.terminal.sync()
        assert (status.state, status.pending, status.rejected) == ("idle", 0, 0), status

    def sale(self, customer_id: str, actor=CAMILLE, calls: object = "central") -> LoyaltyTill:
        checkout = Checkout(self.store, terminal_id=self.terminal_id, actor=actor)
        checkout.attach_customer(customer_id)
        checkout.add_product(10, 4)
        checkout.add_product(11, 2)
        return LoyaltyTill(checkout, calls=self.calls if calls == "central" else calls)

    def balance(self, customer_id: str) -> int:
        return self.direct.loyalty_account(customer_id).balance

    def owed(self) -> list[tuple[str, str, int]]:
        return [(c.action, c.customer_id, c.points) for c in loyalty_owed.due(self.store.conn)]

    def close(self) -> None:
        self.calls.close()
        self.direct.close()
        self.store.close()
        self.terminal.close()


@pytest.fixture
def till(tmp_path: Path, central: CentralServer, proxy: HostileProxy) -> Iterator[Till]:
    opened = Till(tmp_path, central, "T71", proxy.url)
    yield opened
    opened.close()


def _printed(sale: CompletedSale, points: LoyaltyTill, before: int, *, confirmed: bool,
             language: str = "fr", columns: int = 48) -> str:  # fmt: skip
    lines = points.receipt_lines(sale.draft, before, confirmed)
    document = receipt_document(sale, ReceiptHeader(("Lyon",), (), language), loyalty=lines)
    return plain_text(layout(document, columns))


def _refusal(points: LoyaltyTill, amount: int | None) -> PosError:
    with pytest.raises(PosError) as refused:
        points.take(amount)
    return refused.value


def test_a_sale_with_a_customer_earns_once_what_the_till_printed(
    central: CentralServer, till: Till
) -> None:
    central.admin(
        "PUT", "/v1/admin/loyalty/rule",
        json={"points_per_euro": 2, "departments": [], "redeem_points": 100,
              "redeem_cents": 100, "min_redeem_points": 100},
    ).raise_for_status()  # fmt: skip
    till.sync()  # the till caches central's new rule
    assert loyalty_owed.load_rule(till.store.conn).points_per_euro == 2
    before = till.balance("CLI-0004")
    points = till.sale("CLI-0004")
    checkout = points.checkout
    checkout.add_tender("card", checkout.totals().total_cents, "CB-71")
    sale = checkout.complete()
    figures = points.figures(sale.draft, before, confirmed=False)
    assert figures.earned == checkout_total_points(sale.draft.total_cents, 2) > 0
    for _again in range(3):  # the push, then rounds that find it acknowledged
        till.sync()
    account = till.direct.loyalty_account("CLI-0004")
    assert account.balance == before + figures.earned == figures.balance
    assert [e.op_id for e in account.entries if e.kind == "earn"] == [sale.sale_id]
    central.admin(
        "PUT", "/v1/admin/loyalty/rule",
        json={"points_per_euro": 1, "departments": [], "redeem_points": 100,
              "redeem_cents": 100, "min_redeem_points": 100},
    ).raise_for_status()  # fmt: skip
    till.sync()


def checkout_total_points(total_cents: int, per_euro: int) -> int:
    return total_cents // 100 * per_euro


def test_points_spent_online_are_debited_before_the_tender(till: Till) -> None:
    start = till.balance("CLI-0005")
    points = till.sale("CLI-0005")
    taken = points.take(500)
    assert (taken.points, taken.amount_cents, taken.offline) == (500, 500, False)
    assert taken.balance == start - 500 == till.balance("CLI-0005")
    [tender] = points.checkout.payment.tenders
    assert (tender.kind, tender.amount_cents, tender.reference) == (
        "loyalty", 500, f"{points.checkout.sale_id}:loyalty:1",
    )  # fmt: skip
    assert till.owed() == []
    checkout = points.checkout
    checkout.add_tender("card", checkout.payment.remaining_cents, "CB-71")
    sale = checkout.complete()
    figures = points.figures(sale.draft, start, confirmed=True)
    assert (figures.redeemed, figures.estimated) == (500, False)
    balance = f"{start - 500 + figures.earned:,}"
    for columns in (32, 48):
        french = _printed(sale, points, start, confirmed=True, columns=columns)
        assert f"Points gagnés : {figures.earned}" in french
        assert "Points utilisés : 500" in french and "Points fidélité" in french
        assert f"Nouveau solde : {balance.replace(',', ' ')} points" in french
        english = _printed(sale, points, start, confirmed=True, language="en", columns=columns)
        assert f"Points earned: {figures.earned}" in english and "Loyalty points" in english
        assert f"New balance: {balance} points" in english
    till.sync()
    assert till.balance("CLI-0005") == start - 500 + figures.earned == figures.balance


def test_points_above_the_balance_are_refused_and_nothing_is_recorded(till: Till) -> None:
    start = till.balance("CLI-0007")  # 35 points
    points = till.sale("CLI-0007")
    refused = _refusal(points, 1000)
    assert (refused.code, refused.message) == (
        "loyalty_balance", "This customer does not have enough points: nothing was taken.",
    )  # fmt: skip
    assert points.checkout.payment.tenders == [] and till.owed() == []
    assert till.balance("CLI-0007") == start


def test_offline_points_within_the_cap_are_queued_and_sent_at_the_next_round(
    till: Till, proxy: HostileProxy
) -> None:
    start = till.balance("CLI-0008")
    points = till.sale("CLI-0008")
    proxy.mode = "html_502"
    taken = points.take(300)
    assert (taken.offline, taken.balance) == (True, start - 300)
    assert [t.kind for t in points.checkout.payment.tenders] == ["loyalty"]
    assert till.owed() == [("redeem", "CLI-0008", 300)]
    assert till.balance("CLI-0008") == start  # not yet
    checkout = points.checkout
    checkout.add_tender("card", checkout.payment.remaining_cents, "CB-71")
    sale = checkout.complete()
    earned = points.figures(sale.draft, start, False).earned
    estimated = f"{start - 300 + earned:,}"
    printed = _printed(sale, points, start, confirmed=False)
    assert f"Solde estimé : {estimated.replace(',', ' ')} points" in printed
    proxy.mode = "forward"
    till.sync()
    assert till.owed() == [] and till.balance("CLI-0008") == start - 300 + earned


def test_offline_above_the_cap_or_twice_in_a_sale_is_refused(
    till: Till, proxy: HostileProxy
) -> None:
    points = till.sale("CLI-0010")  # 975 points
    proxy.mode = "html_502"
    above = _refusal(points, 600)
    assert (above.code, above.message) == (
        "loyalty_offline_cap",
        "Offline, at most 500 points can be spent: take the rest another way, or try again "
        "once online.",
    )
    assert points.checkout.payment.tenders == []
    points.take(200)
    twice = _refusal(points, 100)
    assert twice.code == "loyalty_offline_twice"
    assert [t.amount_cents for t in points.checkout.payment.tenders] == [200]
    proxy.mode = "forward"


def test_a_queued_redemption_central_refuses_goes_to_the_attention_list(
    till: Till, proxy: HostileProxy
) -> None:
    points = till.sale("CLI-0003")  # 455 points
    proxy.mode = "html_502"
    points.take(400)
    checkout = points.checkout
    checkout.add_tender("card", checkout.payment.remaining_cents, "CB-71")
    sale = checkout.complete()
    spent = LoyaltyRedemption(op_id="web-spent-3", points=300)  # spent elsewhere meanwhile
    till.direct.redeem_points("CLI-0003", spent)
    proxy.mode = "forward"
    status = till.terminal.sync()  # the sale is pushed; its redemption is refused, kept,
    assert (status.pending, status.rejected) == (0, 1)  # and counted "to check"
    [kept] = loyalty_owed.refused(till.store.conn)
    assert (kept.customer_id, kept.sale_id, kept.points, kept.last_code) == (
        "CLI-0003", sale.sale_id, 400, "loyalty_balance",
    )  # fmt: skip
    [warning] = [
        w for w in sync_attention.warnings(till.store.conn)
        if w.code == "loyalty_redemption_refused"
    ]  # fmt: skip
    assert warning.op_id == sale.sale_id
    assert "400 loyalty points" in warning.text and "CLI-0003" in warning.text
    assert till.terminal.sync().rejected == 1  # not sent again, not dropped
    assert len(loyalty_owed.refused(till.store.conn)) == 1


def test_a_tender_taken_off_or_a_cancelled_sale_gives_the_points_back(
    till: Till, proxy: HostileProxy
) -> None:
    start = till.balance("CLI-0001")
    points = till.sale("CLI-0001", actor=INES)
    points.take(200)
    assert till.balance("CLI-0001") == start - 200
    points.remove(0)
    assert till.balance("CLI-0001") == start and points.checkout.payment.tenders == []
    points.take(300)
    proxy.mode = "html_502"  # central away when the sale is cancelled
    points.cancel()
    assert till.owed() == [("reverse", "CLI-0001", 300)]
    assert till.balance("CLI-0001") == start - 300
    proxy.mode = "forward"
    till.sync()
    assert till.owed() == [] and till.balance("CLI-0001") == start


def test_on_medusa_the_points_tender_is_refused_as_not_supported(till: Till) -> None:
    points = till.sale("CLI-0006", calls=MedusaLoyaltyCalls())
    refused = _refusal(points, 200)
    assert (refused.code, refused.message) == (
        "loyalty_needs_reference_server",
        "Loyalty points need the reference central server: this platform keeps none.",
    )
    assert points.checkout.payment.tenders == [] and till.owed() == []


def test_once_central_says_it_keeps_no_points_none_are_offered_even_offline(
    till: Till, proxy: HostileProxy
) -> None:
    """Medusa answers the rule with ``not_supported``: the till remembers it, so even
    offline no points tender is taken (it would be queued for a platform with no ledger)
    and none is printed; a central that serves a rule again turns points back on."""
    conn = till.store.conn
    assert not pull_rule(conn, MedusaLoyaltyCalls())
    points = till.sale("CLI-0010")  # 975 points
    assert not loyalty_offered(points.checkout)
    proxy.mode = "html_502"  # offline: still refused before anything is queued
    refused = _refusal(points, 200)
    assert refused.code == "loyalty_needs_reference_server"
    assert points.checkout.payment.tenders == [] and till.owed() == []
    proxy.mode = "forward"
    till.sync()  # the reference server serves its rule: points are offered again
    assert loyalty_offered(points.checkout)
    assert points.take(200).points == 200 and len(points.checkout.payment.tenders) == 1


def test_an_offline_points_tender_and_its_owed_debit_are_one_commit(
    till: Till, proxy: HostileProxy
) -> None:
    """Offline, the tender and the redemption it owes central are written together: when
    the till's file refuses the write (here the open basket's table is gone, as a full
    or damaged disk would refuse it), neither stays - no points paid and never debited."""
    points = till.sale("CLI-0008")
    proxy.mode = "html_502"
    conn = points.checkout.store.conn
    conn.execute("ALTER TABLE open_basket RENAME TO open_basket_away")
    try:
        with pytest.raises(StoreError):
            points.take(300)
    finally:
        conn.execute("ALTER TABLE open_basket_away RENAME TO open_basket")
    assert points.checkout.payment.tenders == [] and till.owed() == []
    taken = points.take(300)  # the disk back: taken, and owed, together
    assert taken.offline and till.owed() == [("redeem", "CLI-0008", 300)]
