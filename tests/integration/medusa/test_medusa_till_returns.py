"""Returns and credit notes on Medusa through the till's own wiring (issue 14, part F):
a data folder linked by ``comptoir link-medusa``, its calls made by
``central_link.return_calls`` from its link, a ``ReturnDesk`` and a ``CreditNoteTill``
on real ``Checkout``s of those folders, the tickets pushed by the till's own sync. Each
journey is checked on Medusa's own figures (its admin API, the plugin's own routes)."""

from __future__ import annotations

import http.server
import threading
import tomllib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
import pytest
import tomli_w

from pos.cli import SET_ASIDE_EXIT, run_sync
from pos.domain.errors import PosError
from pos.domain.returns import ReturnReason
from pos.domain.sale import SaleTender
from pos.domain.tenders import TenderKind
from pos.services.central_link import MEDUSA_FILE, read_link, return_calls
from pos.services.checkout import Checkout
from pos.services.credit_notes import CreditNoteTill
from pos.services.returns import ReturnDesk
from pos.store import push_queue
from pos.store.local_store import LocalStore
from sync.contract.codes import new_credit_note_code
from sync.medusa import MedusaBackend
from tests.integration.medusa.test_medusa_partial_handover import ready_order
from tests.integration.medusa.test_medusa_pickups import transition
from tests.integration.medusa.test_medusa_returns import cents, medusa_order, refunds_of
from tests.medusa.helpers import ensure_stock, linked_till, orders_of_sale
from tests.medusa.seed import MedusaAdmin
from tests.support.staff import a_cashier, a_manager

pytestmark = pytest.mark.medusa

WHY = ReturnReason.CHANGED_MIND
CAMILLE = a_cashier("Camille")
DOWN = "http://127.0.0.1:9"  # nothing listens there: Medusa is out of reach for this till


@dataclass
class Till:
    """A data folder linked to Medusa, opened as the till opens it."""

    folder: Path
    store: LocalStore
    calls: MedusaBackend
    store_id: str
    terminal_id: str

    def checkout(self) -> Checkout:
        return Checkout(self.store, terminal_id=self.terminal_id, actor=CAMILLE)

    def desk(self, checkout: Checkout) -> ReturnDesk:
        return ReturnDesk(checkout, calls=self.calls, store_id=self.store_id)

    def sync(self) -> None:
        """One round of the till's own engine: nothing refused, nothing left behind."""
        assert run_sync(self.folder) == 0
        assert push_queue.rejected(self.store.conn) == []

    def product(self, sku: str) -> int:
        product = self.store.catalog.by_sku(sku)
        assert product is not None, sku
        return product.id


@contextmanager
def opened(folder: Path) -> Iterator[Till]:
    """The till of ``folder`` with the return calls its link makes (``return_calls``)."""
    with LocalStore(folder / "store.db") as store:
        link = read_link(store)
        assert link is not None and link.backend == "medusa"
        calls = return_calls(folder, link)
        assert isinstance(calls, MedusaBackend)
        try:
            yield Till(folder, store, calls, link.store_id, link.terminal_id)
        finally:
            calls.close()


def linked(seed, root: Path, terminal: str, *, plugin: bool = True) -> Path:
    """A folder linked by ``comptoir link-medusa``, its catalog pulled to sell from
    (without the plugin, its signed chain entries are set aside: not an error here)."""
    root.mkdir()
    folder = linked_till(seed, root, terminal)
    assert run_sync(folder) == (0 if plugin else SET_ASIDE_EXIT)
    return folder


def note_balance(admin: MedusaAdmin, code: str) -> int:
    """The credit note's balance as the plugin itself answers it (not through our adapter)."""
    return int(admin.get(f"/admin/comptoir/credit-notes/{code}")["credit_note"]["balance_cents"])


def test_a_web_order_is_returned_to_its_card_through_the_tills_own_calls(
    backend, admin, seed, tmp_path
):
    tag = uuid.uuid4().hex[:6]
    order_id, ready = ready_order(backend, admin, seed, f"tw{tag}")
    assert backend.push([transition(ready, "collected", f"tw{tag}-3")])[0].status == "accepted"
    display = admin.get(f"/admin/orders/{order_id}", fields="id,display_id")["order"]["display_id"]
    folder = linked(seed, tmp_path / "till", "T61")
    with opened(folder) as till:
        checkout = till.checkout()
        desk = till.desk(checkout)
        found = desk.find(f"#{display}")  # the number on the customer's order mail
        assert (found.sale_id, found.source, found.handed_over) == (order_id, "central", True)
        coffee = next(line for line in found.lines if line.sku == "CAFE-250")
        assert till.store.catalog.get(coffee.product_id).sku == "CAFE-250"  # the till's own
        desk.return_line(order_id, coffee.line_no, 1, WHY)
        [card] = found.tenders
        plan = desk.propose_refund()
        refund = checkout.totals().total_cents
        assert refund < 0
        assert plan == (SaleTender("card", refund, card.reference),)  # the web payment
        desk.refund(plan)
        done = desk.complete()  # claimed on Medusa first
        claimed = till.calls.find_origin(order_id)
        assert next(li for li in claimed.lines if li.sku == "CAFE-250").returned_quantity == 1
        till.sync()
    assert done.draft.total_cents == refund
    order = medusa_order(admin, order_id)
    [medusa_return] = order["returns"]
    assert (medusa_return["status"], medusa_return["location_id"]) == ("received", seed.location_id)
    received = {i["variant_sku"]: i["detail"]["return_received_quantity"] for i in order["items"]}
    assert received["CAFE-250"] == 1
    assert refunds_of(order) == [-refund]  # Medusa's own refund on the web card payment
    assert cents(order["summary"]["refunded_total"]) == -refund


def test_a_credit_note_issued_at_one_till_is_spent_at_another_to_the_cent(admin, seed, tmp_path):
    ensure_stock(admin, seed, "CAFE-250", 10)
    with opened(linked(seed, tmp_path / "a", "T62")) as a:
        sale = a.checkout()
        sale.add_product(a.product("CAFE-250"), 2)
        total = sale.totals().total_cents
        sale.add_tender(TenderKind.CARD, total, "CB-62")
        sale_id = sale.complete().sale_id
        a.sync()  # the sale on Medusa, then its return claimed there
        returns = a.desk(a.checkout())
        assert returns.find(sale_id).source == "local"
        returns.return_line(sale_id, 1, 2, WHY)
        returns.refund((SaleTender("credit_note", -total),))
        code = returns.credit_note_code()
        returns.complete()
        a.sync()
    assert note_balance(admin, code) == total
    with opened(linked(seed, tmp_path / "b", "T63")) as b:
        checkout = b.checkout()
        checkout.add_product(b.product("CAFE-250"), 3)  # worth more than the note
        notes = CreditNoteTill(checkout, calls=b.calls)
        notes.spend(code, total - 1)
        assert note_balance(admin, code) == 1  # to the cent, on Medusa
        notes.remove(0)
        assert note_balance(admin, code) == total  # the debit reversed
        with pytest.raises(PosError) as short:
            notes.spend(code, total + 1)
        assert short.value.code == "credit_note_balance"
        assert note_balance(admin, code) == total
        notes.spend(code, total - 1)  # after all: the same op id as the reversed debit
        assert note_balance(admin, code) == 1  # debited again, not taken for a duplicate
        checkout.add_tender(TenderKind.CARD, checkout.payment.remaining_cents, "CB-63")
        paid = checkout.complete()
        b.sync()  # the sale's push names the debit already made: not debited again
        assert note_balance(admin, code) == 1
        [order] = orders_of_sale(admin, paid.sale_id)
        assert cents(order["total"]) == paid.draft.total_cents  # the whole sale on Medusa


def _point_at(folder: Path, url: str) -> None:
    """The folder's Medusa settings, its server now ``url`` (as a till cut off)."""
    settings = folder / MEDUSA_FILE
    table = tomllib.loads(settings.read_text(encoding="utf-8"))
    table["sync"]["medusa"]["url"] = url
    settings.write_text(tomli_w.dumps(table), encoding="utf-8")


def test_medusa_out_of_reach_the_desk_applies_the_offline_rules_and_says_why(
    backend, admin, seed, tmp_path
):
    tag = uuid.uuid4().hex[:6]
    order_id, ready = ready_order(backend, admin, seed, f"to{tag}")
    assert backend.push([transition(ready, "collected", f"to{tag}-3")])[0].status == "accepted"
    ensure_stock(admin, seed, "CAFE-250", 10)
    folder = linked(seed, tmp_path / "till", "T64")
    with opened(folder) as till:
        sale = till.checkout()
        sale.add_product(till.product("CAFE-250"), 1)
        total = sale.totals().total_cents
        sale.add_tender(TenderKind.CARD, total, "CB-64")
        sale_id = sale.complete().sale_id
    _point_at(folder, DOWN)
    with opened(folder) as till:
        desk = till.desk(till.checkout())
        with pytest.raises(PosError) as unknown:
            desk.find(order_id)  # a web order: only Medusa knows it
        assert unknown.value.code == "offline_unknown_sale"
        assert "cannot be reached" in unknown.value.message
        assert desk.find(sale_id).source == "local"  # this till's own sale
        desk.return_line(sale_id, 1, 1, WHY)
        desk.refund((SaleTender("cash", -total),))
        assert desk.complete().draft.total_cents == -total  # within the offline limit
        checkout = till.checkout()
        checkout.add_product(till.product("CAFE-250"), 1)
        notes = CreditNoteTill(checkout, calls=till.calls, offline_limit_cents=100)
        with pytest.raises(PosError) as limit:
            notes.spend(new_credit_note_code(), 101)
        assert limit.value.code == "offline_credit_note_limit"
    _point_at(folder, seed.base_url)
    with opened(folder) as till:
        till.sync()  # back online: the sale, then its return, reach Medusa in order
    order = medusa_order(admin, orders_of_sale(admin, sale_id)[0]["id"])
    assert [r["status"] for r in order["returns"]] == ["received"]
    assert order["items"][0]["detail"]["return_received_quantity"] == 1


class _WithoutPlugin(http.server.BaseHTTPRequestHandler):
    """Medusa as a store without Comptoir's plugin sees it: every route but the plugin's
    (a 404, as Medusa answers a route nobody installed)."""

    upstream = ""

    def _relay(self) -> None:
        status, body = 404, b'{"type":"not_found","message":"Route not found"}'
        headers = {"content-type": "application/json"}
        if not self.path.split("?")[0].startswith(("/admin/comptoir", "/store/comptoir")):
            size = int(self.headers.get("content-length") or 0)
            sent = {k: v for k, v in self.headers.items() if k.lower() not in ("host",)}
            answer = httpx.request(self.command, self.upstream + self.path, headers=sent,
                                   content=self.rfile.read(size) if size else None)  # fmt: skip
            status, body = answer.status_code, answer.content
            headers = {"content-type": answer.headers.get("content-type", "application/json")}
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_DELETE = do_PUT = _relay

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def without_plugin(seed) -> Iterator[str]:
    """The session's Medusa behind a relay that hides Comptoir's plugin: its address."""
    handler = type("Relay", (_WithoutPlugin,), {"upstream": seed.base_url})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_without_the_plugin_the_desk_applies_the_offline_rules_and_says_why(
    backend, admin, seed, tmp_path
):
    """No plugin: Medusa cannot find another till's sale nor claim a return nor keep a
    credit note. The till's own sale is returned within the offline limit, a web order
    is refused with the reason, a credit note is taken under the offline rule."""
    tag = uuid.uuid4().hex[:6]
    order_id, ready = ready_order(backend, admin, seed, f"tn{tag}")
    assert backend.push([transition(ready, "collected", f"tn{tag}-3")])[0].status == "accepted"
    with without_plugin(seed) as url:
        folder = linked(replace(seed, base_url=url), tmp_path / "till", "T65", plugin=False)
        with LocalStore(folder / "store.db") as store:
            assert store.setting("medusa_plugin") == ""  # recorded at link time
        with opened(folder) as till:
            desk = till.desk(till.checkout())
            with pytest.raises(PosError) as unknown:
                desk.find(order_id)  # a web order: only the plugin could find it
            assert unknown.value.code == "offline_unknown_sale"
            assert "plugin" in unknown.value.message
            sale = till.checkout()
            sale.add_product(till.product("CAFE-250"), 1)
            total = sale.totals().total_cents
            sale.add_tender(TenderKind.CARD, total, "CB-65")
            sale_id = sale.complete().sale_id
            desk = till.desk(till.checkout())
            desk.find(sale_id)
            desk.return_line(sale_id, 1, 1, WHY)
            desk.refund((SaleTender("cash", -total),))
            assert desk.complete().draft.total_cents == -total  # no claim: the offline rules
            checkout = till.checkout()
            checkout.add_product(till.product("CAFE-250"), 1)
            notes = CreditNoteTill(checkout, calls=till.calls, offline_limit_cents=100)
            with pytest.raises(PosError) as limit:
                notes.spend(new_credit_note_code(), 101)
            assert limit.value.code == "offline_credit_note_limit"
            notes.spend(new_credit_note_code(), 100)  # taken, recorded in the JET
            assert checkout.payment.tenders[0].kind == "credit_note"


def test_a_cancelled_return_ticket_reaches_medusa_with_its_returned_line(admin, seed, tmp_path):
    """A manager abandons a ticket that took a line back: its ``sale_cancelled`` act
    carries a negative line, a refund-sized total, and the plugin keeps it like any other
    (it refused such a line before, and the push then set the act aside)."""
    ensure_stock(admin, seed, "CAFE-250", 10)
    folder = linked(seed, tmp_path / "till", "T66")
    with opened(folder) as till:
        sale = till.checkout()
        sale.add_product(till.product("CAFE-250"), 1)
        total = sale.totals().total_cents
        sale.add_tender(TenderKind.CARD, total, "CB-66")
        sale_id = sale.complete().sale_id
        till.sync()
        checkout = Checkout(till.store, terminal_id=till.terminal_id, actor=a_manager())
        desk = ReturnDesk(checkout, calls=till.calls, store_id=till.store_id)
        desk.find(sale_id)
        desk.return_line(sale_id, 1, 1, WHY)
        desk.cancel()
        till.sync()  # nothing refused, nothing left behind
    acts = admin.get(f"/admin/comptoir/terminals/{till.terminal_id}/till-acts")
    [cancelled] = acts["cancelled_sales"]
    assert cancelled["total_cents"] == -total
    [line] = cancelled["lines"]
    assert (line["sku"], line["quantity"], line["net_cents"]) == ("CAFE-250", -1, -total)
