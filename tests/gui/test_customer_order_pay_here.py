"""The endless aisle's last step offscreen (issue 16): at a till enrolled on a real
reference central, an order placed in the other stores dialog for the sale's customer
(pickup at Paris) is taken into the sale by "Encaisser ici", shown as the order's line
(its note says where the goods are), paid by card, committed with its order and no
stock taken at this store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.services.customer_accounts import Customer
from pos.ui.models.basket_model import BasketModel
from pos.ui.qt import QApplication
from pos.ui.till_app import TillApp
from pos.ui.widgets.line_note_delegate import NOTE_ROLE
from tests.gui.enrolled import enrolled_till
from tests.gui.selling import rows
from tests.support.central_server import CentralServer

LYON, PARIS = "lyon-part-dieu", "paris-rivoli"
SKU, PRODUCT = "SKU0000042", 42
WAIT = 20_000


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


@pytest.fixture
def t01(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, central: CentralServer
) -> Iterator[TillApp]:
    with enrolled_till(qtbot, qapp, tmp_path / "t01", central.url, LYON) as app:
        yield app


def test_an_order_for_pickup_at_paris_is_paid_here(
    qtbot: QtBot, t01: TillApp, central: CentralServer
) -> None:
    central.count_stock(PARIS, SKU, 4)
    screen, worker = t01.window.till_screen, t01.controller.worker
    customer = Customer("CLI-0001", "Client", "", "", 0, False)
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT):
        t01.controller.request("customer_attach", customer)
    qtbot.waitUntil(lambda: screen.customers.row.customer is not None, timeout=WAIT)

    dialog = t01.other_stores.open(PRODUCT, SKU, "Article 42")
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.view.live, timeout=WAIT)
    assert not dialog.pay_here_button.isVisible()  # nothing placed yet
    row = [x.store_id for x in dialog.view.locations].index(PARIS)
    dialog.table.selectRow(row)
    dialog.pickup_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Commande passée"), timeout=WAIT)
    order = dialog.placed
    assert order is not None and dialog.pay_here_button.isVisible()
    assert dialog.pay_here_button.text() == "Encaisser ici"

    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        dialog.pay_here_button.click()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=WAIT)
    note = screen.model.index(0, BasketModel.NAME).data(NOTE_ROLE)
    assert note == f"Commande {order.pickup_code} · à retirer à {order.location_name}"
    on_hand = rows(t01.options.data_dir, f"SELECT on_hand FROM stock WHERE product_id = {PRODUCT}")

    screen.pay()
    payment = screen.payment_dialog
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        payment.card_button.click()
    with qtbot.waitSignal(screen.sale_shown, timeout=WAIT) as done:
        payment.complete_button.click()
    sale_id = done.args[0].sale_id
    data_dir = t01.options.data_dir
    assert rows(data_dir, f"SELECT order_id FROM sale_line_orders WHERE sale_id = '{sale_id}'") == [
        (order.order_id,)
    ]
    assert rows(data_dir, f"SELECT customer_id FROM sales WHERE id = '{sale_id}'") == [
        ("CLI-0001",)
    ]
    assert rows(data_dir, f"SELECT on_hand FROM stock WHERE product_id = {PRODUCT}") == on_hand
    assert rows(data_dir, f"SELECT 1 FROM stock_movements WHERE ref = '{sale_id}'") == []
