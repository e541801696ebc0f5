"""Customers at a till enrolled on a real reference central (127.0.0.1): a customer
created at another till (T02) is found from T01's customer dialog with central's
results, attached, and the sale T01 commits names them; a creation at T01 with that
customer's phone offers that customer (central's ``customer_exists``, or this till's
own copy once the feed brought it) instead of a duplicate; the history is central's
(not the offline copy). Every customer request runs on the till worker's thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.ui.qt import QApplication, Qt
from pos.ui.till_app import TillApp
from sync.client import HttpCentral
from sync.contract.customers import CustomerCreate
from tests.gui.enrolled import enrolled_till
from tests.gui.selling import rows
from tests.support.central_server import CentralServer

STORE = "lyon-part-dieu"
WAIT = 20_000
PHONE = "+33639987711"


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


@pytest.fixture
def t01(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, central: CentralServer
) -> Iterator[TillApp]:
    with enrolled_till(qtbot, qapp, tmp_path / "t01", central.url, STORE) as app:
        yield app


def _created_at_t02(central: CentralServer) -> str:
    calls = HttpCentral(central.url, STORE, "T02", central.enrol(STORE, "T02"))
    try:
        body = CustomerCreate(customer_id="cl-t02-margaux", name="Margaux Vidal", phone=PHONE)
        return calls.create_customer(body).id
    finally:
        calls.close()


def test_a_customer_made_at_another_till_is_found_centrally_attached_and_named_by_the_sale(
    qtbot: QtBot, t01: TillApp, central: CentralServer
) -> None:
    customer_id = _created_at_t02(central)
    screen, worker = t01.window.till_screen, t01.controller.worker
    threads: list[int] = []
    for signal in (worker.customers_found, worker.customer_history_ready, worker.customer_shown):
        signal.connect(lambda *_a: threads.append(threading.get_ident()),
                       Qt.ConnectionType.DirectConnection)  # fmt: skip
    assert screen.customers.online
    screen.buttons["Shift+F2"].click()
    dialog = screen.customers.dialog
    dialog.search_field.setText("Margaux")
    with qtbot.waitSignal(
        worker.customers_found, timeout=WAIT, check_params_cb=lambda r: r.final
    ) as found:
        dialog.search_now()
    results = found.args[0]
    assert not results.offline
    assert [c.customer_id for c in results.customers] == [customer_id]
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT)
    assert dialog.note.text() == ""  # no offline note

    with qtbot.waitSignal(worker.customer_history_ready, timeout=WAIT) as history:
        dialog.history_button.click()
    assert history.args[0] == customer_id and history.args[1].offline is False
    dialog.history.back_button.click()
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT) as shown:
        dialog.attach_selected()
    assert shown.args[0].customer_id == customer_id
    assert screen.customers.row.label.text() == "Client : Margaux Vidal · 0 points"

    unit = "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
    barcode = rows(t01.options.data_dir, unit + "WHERE p.sold_by = 'unit' LIMIT 1")[0][0]
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        screen.scan(barcode)
    screen.pay()
    payment = screen.payment_dialog
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        payment.card_button.click()
    with qtbot.waitSignal(screen.sale_shown, timeout=WAIT) as done:
        payment.complete_button.click()
    sale_id = done.args[0].sale_id
    data_dir = t01.options.data_dir
    assert rows(data_dir, f"SELECT customer_id FROM sales WHERE id = '{sale_id}'") == [
        (customer_id,)
    ]
    assert threads and all(t != threading.get_ident() for t in threads)

    # The same phone typed for a new customer: that customer is offered, not a duplicate.
    screen.buttons["Shift+F2"].click()
    dialog = screen.customers.dialog
    dialog.new_button.click()
    dialog.form.name_field.setText("M. Vidal")
    dialog.form.phone_field.setText("06 39 98 77 11")
    with qtbot.waitSignal(worker.customer_exists, timeout=WAIT) as exists:
        dialog.form.create_button.click()
    offered = exists.args[0].existing
    assert offered is not None and offered.customer_id == customer_id
    qtbot.waitUntil(lambda: dialog.form.existing_button.isVisible(), timeout=WAIT)
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT) as shown:
        dialog.form.existing_button.click()
    assert shown.args[0].customer_id == customer_id
    assert rows(data_dir, "SELECT count(*) FROM customer_creations") == [(0,)]
