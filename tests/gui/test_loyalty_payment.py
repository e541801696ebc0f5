"""Loyalty points spent at the payment dialog, as a cashier does it, over a real reference
central on 127.0.0.1 reached through a real proxy (issue 15): the customer attached by
their card, the points tender listed "Points fidélité 500 pts  5,00 €" and debited
centrally, the receipt printing the points; a refusal above central's balance, the
offline limit said, a removed tender given back, and the day's report with its own
loyalty line. Every loyalty call runs on the till worker's thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.receipt.layout import layout, plain_text
from pos.domain.cash import CashCount
from pos.domain.customer_card import card_text
from pos.domain.till_day import ClosingCount
from pos.services.till_reports import x_report_slip, z_report_slip
from pos.ui.qt import QApplication, Qt
from pos.ui.till_app import TillApp
from sync.client import HttpCentral
from sync.contract.loyalty import LoyaltyRedemption
from tests.gui.enrolled import enrolled_till
from tests.gui.selling import rows
from tests.support.central_server import CentralServer
from tests.sync.hostile_proxy import HostileProxy

STORE = "lyon-part-dieu"
WAIT = 20_000
RULE = {"points_per_euro": 1, "departments": [], "redeem_points": 100, "redeem_cents": 100,
        "min_redeem_points": 100}  # fmt: skip


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        server.admin("PUT", "/v1/admin/loyalty/rule", json=RULE).raise_for_status()
        yield server


@pytest.fixture(scope="module")
def direct(central: CentralServer) -> Iterator[HttpCentral]:
    """Central read (and spent at) as another till would, never through the proxy."""
    client = HttpCentral(central.url, STORE, "T09", central.enrol(STORE, "T09"))
    yield client
    client.close()


@pytest.fixture
def proxy(central: CentralServer) -> Iterator[HostileProxy]:
    with HostileProxy(central.url) as middle:
        yield middle


@pytest.fixture
def t01(qtbot: QtBot, qapp: QApplication, tmp_path: Path, proxy: HostileProxy) -> Iterator[TillApp]:
    with enrolled_till(qtbot, qapp, tmp_path / "t01", proxy.url, STORE) as app:
        yield app


def _customer_with_points(data_dir: Path, at_least: int) -> str:
    found = rows(data_dir, f"SELECT id FROM customers WHERE active = 1 AND loyalty_points "
                           f">= {at_least} ORDER BY loyalty_points DESC LIMIT 1")  # fmt: skip
    assert found, "the demo central has a customer with points"
    return found[0][0]


def _sell(qtbot: QtBot, app: TillApp, customer_id: str):
    """The customer's card scanned, a dear article, the payment dialog open with the
    customer's points offered."""
    screen, worker = app.window.till_screen, app.controller.worker
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT):
        app.controller.request("customer_card", card_text(customer_id))
    dearest = (
        "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
        "WHERE p.sold_by = 'unit' ORDER BY p.price_cents DESC LIMIT 1"
    )
    barcode = rows(app.options.data_dir, dearest)[0][0]
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        screen.scan(barcode)
    screen.pay()
    payment = screen.payment_dialog
    qtbot.waitUntil(lambda: payment.loyalty.button.isEnabled(), timeout=WAIT)
    return payment


def test_points_pay_part_of_a_sale_debited_centrally_and_printed(
    qtbot: QtBot, t01: TillApp, direct: HttpCentral
) -> None:
    customer = _customer_with_points(t01.options.data_dir, 600)
    before = direct.loyalty_account(customer).balance
    worker = t01.controller.worker
    threads: list[int] = []
    worker.points_taken.connect(lambda *_a: threads.append(threading.get_ident()),
                                Qt.ConnectionType.DirectConnection)  # fmt: skip
    payment = _sell(qtbot, t01, customer)
    screen = t01.window.till_screen
    offer = payment.loyalty.offer
    assert payment.loyalty.button.isEnabled() and offer.balance == before
    assert payment.loyalty.balance_label.text().startswith("Solde : ")
    payment.loyalty.points_field.setValue(500)  # the cashier lowers what is offered
    with qtbot.waitSignals([worker.points_taken, screen.basket_shown], timeout=WAIT):
        payment.loyalty.button.click()  # listed, then the basket repainted
    assert payment.tenders.item(0).text() == "Points fidélité 500 pts  5,00\u00a0€"
    assert direct.loyalty_account(customer).balance == before - 500
    assert threads and all(t != threading.get_ident() for t in threads)

    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        payment.card_button.click()
    with qtbot.waitSignal(screen.sale_shown, timeout=WAIT) as done:
        payment.complete_button.click()
    sale = done.args[0]
    with qtbot.waitSignal(worker.receipt_ready, timeout=WAIT) as ready:
        t01.controller.request("receipt", sale.sale_id, "preview")
    text = plain_text(layout(ready.args[0], 48))
    earned = sale.draft.total_cents // 100
    assert "Points fidélité" in text and "Points utilisés : 500" in text
    assert f"Points gagnés : {earned}".replace(",", " ") in text.replace("\u202f", " ")
    assert "Nouveau solde" in text

    with qtbot.waitSignal(worker.x_ready, timeout=WAIT) as x:  # the day's report
        t01.controller.request("x_report")
    figures = x.args[0]
    slip = "\n".join(str(r) for r in x_report_slip(figures).rows)
    assert "Points fidélité" in slip

    # The closing count: points are no cash, listed on their own line, nothing to count.
    cash = figures.cash_expected_cents
    counted = ClosingCount(CashCount(((cash, 1),) if cash else ()),
                           {"card": figures.expected("card")})  # fmt: skip
    with qtbot.waitSignal(worker.z_compared, timeout=WAIT) as compared:
        t01.controller.request("z_compare", counted)
    rows_by_tender = {r.tender: r for r in compared.args[0].rows}
    assert (rows_by_tender["loyalty"].expected_cents, rows_by_tender["loyalty"].counted_cents) == (
        500, 500,
    )  # fmt: skip
    assert compared.args[0].difference_cents == 0
    with qtbot.waitSignal(worker.z_closed, timeout=WAIT) as closed:
        t01.controller.request("z_close", counted, None)
    z_text = "\n".join(str(r) for r in z_report_slip(closed.args[0]).rows)
    assert "Points fidélité" in z_text and "loyalty" not in z_text


def test_points_above_centrals_balance_are_refused_with_nothing_taken(
    qtbot: QtBot, t01: TillApp, direct: HttpCentral
) -> None:
    customer = _customer_with_points(t01.options.data_dir, 600)
    start = direct.loyalty_account(customer).balance
    op_id = f"elsewhere-{customer}"  # spent at another till: this till's copy is stale
    direct.redeem_points(customer, LoyaltyRedemption(op_id=op_id, points=start - 100))
    try:
        payment = _sell(qtbot, t01, customer)
        payment.loyalty.points_field.setValue(300)
        with qtbot.waitSignal(t01.window.till_screen.refusal_shown, timeout=WAIT):
            payment.loyalty.button.click()
        assert payment.message_label.text() == (
            "Ce client n'a pas assez de points : rien n'a été pris."
        )
        assert payment.tenders.count() == 0
        assert direct.loyalty_account(customer).balance == 100
    finally:
        direct.reverse_redemption(customer, op_id)


def test_points_removed_or_cancelled_are_given_back_and_offline_the_limit_is_said(
    qtbot: QtBot, t01: TillApp, direct: HttpCentral, proxy: HostileProxy
) -> None:
    customer = _customer_with_points(t01.options.data_dir, 600)
    start = direct.loyalty_account(customer).balance
    payment = _sell(qtbot, t01, customer)
    worker, screen = t01.controller.worker, t01.window.till_screen
    payment.loyalty.points_field.setValue(200)
    with qtbot.waitSignals([worker.points_taken, screen.basket_shown], timeout=WAIT):
        payment.loyalty.button.click()  # listed, then the basket repainted
    assert direct.loyalty_account(customer).balance == start - 200
    payment.tenders.setCurrentRow(0)
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        payment.remove_selected()
    assert payment.tenders.count() == 0
    assert direct.loyalty_account(customer).balance == start  # reversed at once

    with qtbot.waitSignals([worker.points_taken, screen.basket_shown], timeout=WAIT):
        payment.loyalty.button.click()  # the points cover what is due again
    assert direct.loyalty_account(customer).balance < start
    with qtbot.waitSignal(worker.sale_set_aside, timeout=WAIT):
        t01.controller.request("cancel")  # the sale cancelled: its points given back
    assert direct.loyalty_account(customer).balance == start
    payment = _sell(qtbot, t01, customer)

    proxy.mode = "reset"  # central out of reach
    t01.sync.wake()
    qtbot.waitUntil(lambda: screen.customers.online is False, timeout=WAIT)
    t01.controller.request("offer_points")
    qtbot.waitUntil(lambda: payment.loyalty.note_label.text() != "", timeout=WAIT)
    assert payment.loyalty.note_label.text() == (
        "hors ligne : au plus 500 points, confirmés à la prochaine synchronisation"
    )
    payment.loyalty.points_field.setValue(600)
    with qtbot.waitSignal(screen.refusal_shown, timeout=WAIT):
        payment.loyalty.button.click()
    assert payment.message_label.text().startswith("Hors ligne, au plus 500 points")
    assert payment.tenders.count() == 0


def test_a_return_ticket_with_a_customer_prints_the_points_taken_back(
    qtbot: QtBot, t01: TillApp
) -> None:
    customer = _customer_with_points(t01.options.data_dir, 600)
    payment = _sell(qtbot, t01, customer)
    worker, screen, controller = t01.controller.worker, t01.window.till_screen, t01.controller
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        payment.card_button.click()
    with qtbot.waitSignal(screen.sale_shown, timeout=WAIT) as done:
        payment.complete_button.click()
    sold = done.args[0]
    with qtbot.waitSignal(worker.origin_found, timeout=WAIT):
        controller.request("return_find", sold.sale_id)
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT):
        controller.request("customer_card", card_text(customer))
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        controller.request("return_lines", sold.sale_id, [(1, 1, "changed_mind", True)])
    with qtbot.waitSignal(worker.refund_proposed, timeout=WAIT) as proposed:
        controller.request("propose_refund")
    with qtbot.waitSignal(worker.return_completed, timeout=WAIT) as returned:
        controller.request("refund_and_complete", proposed.args[0])
    ticket = returned.args[0]
    assert ticket.draft.customer_id == customer
    with qtbot.waitSignal(worker.receipt_ready, timeout=WAIT) as ready:
        controller.request("receipt", ticket.sale_id, "preview")
    text = plain_text(layout(ready.args[0], 48))
    taken_back = sold.draft.total_cents // 100  # the one line sold, a whole euro a point
    assert f"Points repris : {taken_back}" in text.replace("\u202f", " ")
    assert "Solde estimé" in text
