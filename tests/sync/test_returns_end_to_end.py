"""Returns end to end: real tills (store files, ``Checkout``, ``ReturnDesk``,
``CreditNoteTill``, sync engines) over the real reference server on 127.0.0.1, each
journey checked on central's own figures (returned quantities, refunds, stock, credit
note balances) as well as the till's."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pos.domain.errors import PosError
from pos.domain.returns import ReturnReason
from pos.domain.sale import SaleTender
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.credit_notes import CreditNoteTill
from pos.services.outbox_review import OutboxReview
from pos.services.pickup_desk import PickupDesk
from pos.services.returns import ReturnDesk
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from sync.contract.returns import OriginSaleRecord
from tests.central.conftest import LYON, PARIS, stock_level
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier, a_manager
from tests.sync.terminals import Terminal, open_terminal

WHY = ReturnReason.CHANGED_MIND
CAMILLE = a_cashier("Camille")
DOWN = "http://127.0.0.1:9"  # nothing listens there: central is down for this till


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    path = tmp_path_factory.mktemp("central") / "central.db"
    with CentralServer(path, products=300) as server:
        yield server


@dataclass
class Till:
    """One enrolled till: its engine, its store file, and its own ``ReturnCalls``."""

    terminal: Terminal
    store: LocalStore
    calls: HttpCentral
    store_id: str
    terminal_id: str
    url: str
    token: str

    def sync(self) -> None:
        status = self.terminal.sync()
        assert (status.state, status.pending, status.rejected) == ("idle", 0, 0), status

    def checkout(self) -> Checkout:
        return Checkout(self.store, terminal_id=self.terminal_id, actor=CAMILLE)

    def desk(self, checkout: Checkout, calls: Any = None) -> ReturnDesk:
        return ReturnDesk(checkout, calls=calls or self.calls, store_id=self.store_id)

    def sell(self, lines: dict[int, int], reference: str = "CB-1") -> tuple[str, int]:
        """A sale of ``{product_id: quantity}`` paid by card; its id and total."""
        checkout = self.checkout()
        for product_id, quantity in lines.items():
            checkout.add_product(product_id, quantity)
        total = checkout.totals().total_cents
        checkout.add_tender(TenderKind.CARD, total, reference)
        return checkout.complete().sale_id, total

    def price(self, product_id: int) -> int:
        product = self.store.catalog.get(product_id)
        assert product is not None
        return product.price_cents

    def close(self) -> None:
        self.calls.close()
        self.store.close()
        self.terminal.close()


@pytest.fixture
def open_till(tmp_path: Path, central: CentralServer) -> Iterator[Any]:
    opened: list[Till] = []

    def open_one(store_id: str, terminal_id: str, **options: Any) -> Till:
        token = central.enrol(store_id, terminal_id)
        folder = tmp_path / f"{store_id}-{terminal_id}"
        terminal = open_terminal(folder, central, terminal_id, token=token, store_id=store_id,
                                 **options)  # fmt: skip
        calls = HttpCentral(central.url, store_id, terminal_id, token)
        till = Till(terminal, LocalStore(terminal.path), calls, store_id, terminal_id,
                    central.url, token)  # fmt: skip
        opened.append(till)
        till.sync()  # the catalog to sell from
        return till

    yield open_one
    for till in opened:
        till.close()


def origin(till: Till, sale_id: str) -> OriginSaleRecord:
    """Central's view of the original sale (its returned quantities and refunds)."""
    return till.calls.find_origin(sale_id)


def on_hand(central: CentralServer, till: Till, product_id: int) -> int:
    """Central's stock of ``product_id`` in ``till``'s store, read through its feed."""
    with central.client(till.token) as client:
        return int(stock_level(client, till.store_id, product_id)["on_hand"])


def conflicts_of(central: CentralServer, sale_ids: list[str]) -> list[dict[str, Any]]:
    """Central's return conflicts (the operator's list) about these original sales."""
    conflicts = central.admin("GET", "/v1/admin/return-conflicts").json()["conflicts"]
    return [c for c in conflicts if c["origin_sale_id"] in sale_ids]


def return_tickets(till: Till) -> int:
    return int(
        till.store.conn.execute(
            "SELECT count(*) FROM chain_entries WHERE chain = 'ticket' AND kind = 'return'"
        ).fetchone()[0]
    )


def test_another_stores_sale_returned_online_to_its_card(central, open_till) -> None:
    """Journey 1: sold in Lyon, returned in Paris: claimed first, card refunded, Paris
    restocked."""
    lyon, paris = open_till(LYON, "T11"), open_till(PARIS, "T12")
    product = 31
    central.count_stock(PARIS, f"SKU{product:07d}", 10)
    sale_id, total = lyon.sell({product: 2}, reference="CB-LYON-1")
    lyon.sync()
    checkout = paris.checkout()
    desk = paris.desk(checkout)
    found = desk.find(sale_id)  # the receipt's QR: not in Paris's file, asked centrally
    assert (found.source, found.store_id) == ("central", LYON)
    desk.return_line(sale_id, 1, 1, WHY)
    plan = desk.propose_refund()
    assert plan == (SaleTender("card", -total // 2, "CB-LYON-1"),)
    desk.refund(plan)
    done = desk.complete()
    assert origin(paris, sale_id).lines[0].returned_quantity == 1  # claimed before the push
    paris.sync()
    central_view = origin(paris, sale_id)
    assert central_view.lines[0].returned_quantity == 1  # once, not twice
    assert [(t.amount_cents, t.refunded_cents) for t in central_view.tenders] == [
        (total, total // 2)
    ]
    assert done.draft.total_cents == -total // 2
    assert on_hand(central, paris, product) == 11


def _race_once(till: Till, sale_id: str, start: threading.Barrier, out: dict[str, Any]) -> None:
    with (
        LocalStore(till.store.path) as store,
        HttpCentral(till.url, till.store_id, till.terminal_id, till.token) as calls,
    ):
        checkout = Checkout(store, terminal_id=till.terminal_id, actor=CAMILLE)
        desk = ReturnDesk(checkout, calls=calls, store_id=till.store_id)
        desk.find(sale_id)
        desk.return_line(sale_id, 1, 1, WHY)
        desk.refund(desk.propose_refund())
        start.wait(timeout=10)
        try:
            out[till.terminal_id] = desk.complete().sale_id
        except PosError as exc:
            out[till.terminal_id] = exc


def test_two_tills_racing_for_the_last_unit_exactly_one_refunds(central, open_till) -> None:
    """Journey 2: both tills find the synced sale and complete at once, several rounds."""
    seller, a, b = open_till(LYON, "T21"), open_till(LYON, "T22"), open_till(LYON, "T23")
    wins = {a.terminal_id: 0, b.terminal_id: 0}
    sales: list[str] = []
    for _round in range(5):
        sale_id, _total = seller.sell({41: 1})
        sales.append(sale_id)
        seller.sync()
        start = threading.Barrier(2)
        out: dict[str, Any] = {}
        threads = [threading.Thread(target=_race_once, args=(t, sale_id, start, out))
                   for t in (a, b)]  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        won = [tid for tid, result in out.items() if isinstance(result, str)]
        lost = [result for result in out.values() if isinstance(result, PosError)]
        assert len(won) == 1 and [e.code for e in lost] == ["not_returnable"], out
        wins[won[0]] += 1
        assert origin(seller, sale_id).lines[0].returned_quantity == 1
    assert return_tickets(a) + return_tickets(b) == 5  # the losers committed nothing
    assert (return_tickets(a), return_tickets(b)) == (wins["T22"], wins["T23"])
    a.sync()
    b.sync()
    assert conflicts_of(central, sales) == []


def test_an_offline_return_already_taken_back_elsewhere_is_flagged(central, open_till) -> None:
    """Journey 3: B returns its own sale offline; A had returned it online."""
    a, b = open_till(LYON, "T31"), open_till(LYON, "T32")
    sale_id, total = b.sell({51: 1})
    b.sync()
    online = a.desk(a.checkout())
    online.find(sale_id)
    online.return_line(sale_id, 1, 1, WHY)
    online.refund(online.propose_refund())
    online.complete()
    a.sync()
    with HttpCentral(DOWN, LYON, b.terminal_id, "no-token") as down:
        offline = b.desk(b.checkout(), calls=down)
        found = offline.find(sale_id)  # this till's own file: still returnable here
        assert (found.source, found.lines[0].remaining) == ("local", 1)
        offline.return_line(sale_id, 1, 1, WHY)
        offline.refund((SaleTender("cash", -total),))
        returned = offline.complete()  # within the offline limit
    b.sync()  # accepted: a signed fiscal fact, with a conflict
    warnings = OutboxReview(b.terminal.path.parent, b.terminal_id).list().warnings
    assert [(w.op_id, w.code) for w in warnings] == [(returned.sale_id, "return_conflict")]
    conflicts = conflicts_of(central, [sale_id])
    assert [(c["return_id"], c["remaining_before"]) for c in conflicts] == [(returned.sale_id, 0)]


def test_a_credit_note_issued_at_a_till_spent_on_the_web_then_at_another(
    central, open_till
) -> None:
    """Journey 4: issued by a return at A, spent on the web, then at B online. The sale
    is returned at A before A pushed it: central does not know it yet (``not_found`` to
    the claim), so A's own sale goes by the offline rules and the push checks it."""
    a, b = open_till(LYON, "T41"), open_till(PARIS, "T42")
    sale_id, total = a.sell({61: 2})
    assert total <= 10_000  # within the offline return limit
    returns = a.desk(a.checkout())
    returns.find(sale_id)
    returns.return_line(sale_id, 1, 2, WHY)
    returns.refund((SaleTender("credit_note", -total),))
    code = returns.credit_note_code()
    issued = returns.complete()
    assert issued.draft.tenders == (SaleTender("credit_note", -total, code),)
    a.sync()
    assert b.calls.credit_note(code).balance_cents == total
    web = {"op_id": "web-order-e2e", "amount_cents": 300, "channel": "web"}
    answer = central.web("POST", f"/v1/web/credit-notes/{code}/debits", web)
    assert answer.status_code == 200 and answer.json()["balance_cents"] == total - 300
    checkout = b.checkout()
    checkout.add_product(62, 1)
    due = checkout.totals().total_cents
    spent = min(due, total - 300) - 1
    notes = CreditNoteTill(checkout, calls=b.calls)
    notes.spend(code, spent)
    checkout.add_tender(TenderKind.CARD, due - spent, "CB-B")
    checkout.complete()
    b.sync()
    balance = total - 300 - spent
    assert b.calls.credit_note(code).balance_cents == balance
    again = b.checkout()
    again.add_product(63, balance // b.price(63) + 2)
    assert again.totals().total_cents > balance + 1
    with pytest.raises(PosError) as refused:
        CreditNoteTill(again, calls=b.calls).spend(code, balance + 1)
    assert refused.value.code == "credit_note_balance"
    assert again.payment.tenders == []
    assert b.calls.credit_note(code).balance_cents == balance  # nothing changed


def test_exchanges_both_ways_online(central, open_till) -> None:
    """Journey 5: a difference paid and a difference refunded; stock moves both ways."""
    a, b = open_till(LYON, "T51"), open_till(LYON, "T52")
    cheap, dear = sorted((71, 72), key=a.price)
    for product in (cheap, dear):
        central.count_stock(LYON, f"SKU{product:07d}", 20)
    a.sync()
    cheap_sale, _ = a.sell({cheap: 1})
    dear_sale, _ = a.sell({dear: 1})
    a.sync()
    assert (on_hand(central, a, cheap), on_hand(central, a, dear)) == (19, 19)
    difference = a.price(dear) - a.price(cheap)
    assert difference > 0
    checkout = b.checkout()
    up = b.desk(checkout)
    up.find(cheap_sale)
    up.return_line(cheap_sale, 1, 1, ReturnReason.WRONG_SIZE)
    checkout.add_product(dear)
    assert checkout.totals().total_cents == difference
    checkout.add_tender(TenderKind.CARD, difference, "CB-X1")
    paid = up.complete()
    down = b.desk(checkout)
    down.find(dear_sale)
    down.return_line(dear_sale, 1, 1, ReturnReason.WRONG_SIZE)
    checkout.add_product(cheap)
    down.refund(down.propose_refund())
    refunded = down.complete()
    assert (paid.draft.total_cents, refunded.draft.total_cents) == (difference, -difference)
    b.sync()
    assert [origin(b, s).lines[0].returned_quantity for s in (cheap_sale, dear_sale)] == [1, 1]
    # cheap: 1 sold, 1 back, 1 sold again; dear: 1 sold, 1 sold, 1 back.
    assert (on_hand(central, a, cheap), on_hand(central, a, dear)) == (19, 19)
    assert conflicts_of(central, [cheap_sale, dear_sale]) == []


def test_a_short_pickup_refunded_then_a_unit_returned_in_store(central, open_till) -> None:
    """Journey 6: handed over short at the desk; then one unit returned at the till."""
    till = open_till(LYON, "T61")
    sku_a, sku_b = "SKU0000081", "SKU0000082"
    for sku in (sku_a, sku_b):
        central.count_stock(LYON, sku, 10)
    placed = central.place_pickup_order("web-e2e-1", {sku_a: 2, sku_b: 1})
    till.sync()
    desk = PickupDesk(till.store, store_id=LYON)
    manager = a_manager("Inès")
    desk.start_preparing("web-e2e-1", manager)
    picking = desk.start_picking("web-e2e-1")
    for line in picking.lines:
        for _ in range(line.ordered):
            picking = desk.scan_pick(picking, next(iter(line.barcodes))).picking
    desk.mark_ready("web-e2e-1", manager, picking)
    desk.hand_over("web-e2e-1", manager, {sku_a: 2, sku_b: 0}, code=placed["pickup_code"])
    till.sync()
    order = central.pickup_order("web-e2e-1")
    prices = {line["sku"]: line["unit_price_cents"] for line in placed["lines"]}
    assert [(r["amount_cents"], r["reason"]) for r in order["refunds"]] == [
        (prices[sku_b], "short_pickup")
    ]
    before = on_hand(central, till, 81)
    checkout = till.checkout()
    returns = till.desk(checkout)
    found = returns.find("web-e2e-1")
    assert (found.channel, [ln.quantity for ln in found.lines]) == ("web", [2])
    returns.return_line("web-e2e-1", 1, 1, WHY)
    plan = returns.propose_refund()
    assert [(t.kind, t.amount_cents) for t in plan] == [("card", -prices[sku_a])]
    returns.refund(plan)
    returns.complete()
    till.sync()
    again = origin(till, "web-e2e-1")
    assert again.lines[0].returned_quantity == 1
    assert again.tenders[0].refunded_cents == prices[sku_b] + prices[sku_a]
    assert on_hand(central, till, 81) == before + 1


def test_a_credit_note_spent_at_its_till_before_the_return_was_pushed(central, open_till) -> None:
    """Journey 4b: the customer spends the credit note at once at the till that issued it;
    central does not know the note yet (``not_found``): the till's own note is spent under
    the offline rule, and central's balance is exact after the push."""
    a = open_till(LYON, "T43")
    sale_id, total = a.sell({64: 1})
    returns = a.desk(a.checkout())
    returns.find(sale_id)
    returns.return_line(sale_id, 1, 1, WHY)
    returns.refund((SaleTender("credit_note", -total),))
    code = returns.credit_note_code()
    returns.complete()
    checkout = a.checkout()
    checkout.add_product(66, 1)
    due = checkout.totals().total_cents
    spent = min(due, total, 5000) - 1
    CreditNoteTill(checkout, calls=a.calls).spend(code, spent)
    checkout.add_tender(TenderKind.CARD, due - spent, "CB-A")
    checkout.complete()
    a.sync()
    note = a.calls.credit_note(code)
    assert (note.issued_cents, note.balance_cents) == (total, total - spent)
